import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../../src/main/services';
import { ROOT } from '../e2e/harness';
import { bigStore } from './cards';
import { makeHighlights } from './highlights';
import { measure, summarise, type Figure } from './stats';

/** Backup and restore at size: 10,000 highlights, 5,000 cards and 100,000 reviews. */

const RESOURCES = join(ROOT, 'resources');

export async function dataBenchmarks(): Promise<Figure[]> {
  const dir = await bigStore(Date.now());
  const storeFile = join(dir, 'xinzhi.json');
  const data = JSON.parse(await readFile(storeFile, 'utf8'));
  data.highlights = (await makeHighlights(10_000)).map((h, i) => ({ ...h, note: `Note ${i}` }));
  await writeFile(storeFile, JSON.stringify(data));

  const out = await mkdtemp(join(tmpdir(), 'xinzhi-bench-backup-'));
  const file = join(out, 'backup.json');
  const answer = async () => file;
  const dialogs = { chooseFolder: answer, chooseSaveFile: answer, chooseOpenFile: answer };
  const services = await createServices({ dataDir: dir, resourcesDir: RESOURCES, dialogs });
  await services['cards:queue'](undefined); // the review log read

  const backup = await measure(() => services['data:export']({ format: 'backup' }), {
    warmup: 1,
    runs: 6,
  });
  const bytes = (await stat(file)).size;
  const restore = await measure(
    async () => {
      const preview = await services.openImportFile(file);
      await services['data:applyImport']({ token: preview.token, mode: 'replace' });
    },
    { warmup: 1, runs: 5 },
  );
  await services.dispose();
  await rm(dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
  const size = `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  return [
    summarise(`full backup written (${size}), 10k highlights + 5k cards + 100k reviews`, backup, {
      p50: 1000,
    }),
    summarise('restore (read, check everything, replace), same file', restore, { p50: 2000 }),
  ];
}
