import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../../src/main/services';
import { emptyStore } from '../../src/main/store/schema';
import { ROOT, launchChromium, startHarness } from '../e2e/harness';
import { anchoringBenchmarks } from './anchoring';
import { cardBenchmarks } from './cards';
import { glossaryBenchmarks } from './glossary';
import { highlightBenchmarks } from './highlights';
import { searchBenchmarks } from './search';
import { dataBenchmarks } from './data';
import { soakBenchmarks } from './soak';
import { stallBenchmarks } from './stalls';
import { measure, printTable, summarise, type Figure } from './stats';

/**
 * `npm run bench`: the figures the issues name, measured on the real services and the real
 * renderer. Prints a table and writes tests/bench/results/latest.json.
 */

const RESOURCES = join(ROOT, 'resources');
const figures: Figure[] = [];

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'xinzhi-bench-'));
}

/** A store file of about `megabytes` MB: highlight-like records with notes. */
async function writeLargeStore(dataDir: string, megabytes: number): Promise<number> {
  const data = emptyStore();
  const note = 'A note about new quality productive forces and high-quality development. '.repeat(
    5,
  );
  let i = 0;
  let size = 0;
  while (size < megabytes * 1024 * 1024) {
    for (let k = 0; k < 1000; k++, i++) {
      data.highlights.push({
        id: `h${i}`,
        articleId: 'qiushi',
        color: 'yellow',
        note,
        tags: ['bench', `t${i % 50}`],
        createdAt: '2026-11-23T10:00:00.000Z',
        updatedAt: '2026-11-23T10:00:00.000Z',
      });
    }
    size = JSON.stringify(data).length;
  }
  await writeFile(join(dataDir, 'xinzhi.json'), JSON.stringify(data));
  return size;
}

async function servicesBenchmarks(label: string, prepare: (dir: string) => Promise<unknown>) {
  const dir = await tempDir();
  await prepare(dir);
  // Cold start: createServices until the library can be served.
  const start = await measure(
    async () => {
      const services = await createServices({ dataDir: dir, resourcesDir: RESOURCES });
      await services['corpus:list'](undefined);
      await services.dispose();
    },
    { warmup: 2, runs: 12 },
  );
  figures.push(
    summarise(`services cold start, ${label}`, start, { p50: label === 'empty store' ? 100 : 250 }),
  );

  const services = await createServices({ dataDir: dir, resourcesDir: RESOURCES });
  let n = 0;
  const mutation = await measure(() => services['settings:update']({ fontSize: 14 + (n++ % 10) }), {
    warmup: 5,
    runs: 40,
  });
  figures.push(
    summarise(`durable mutation, ${label}`, mutation, { p95: label === 'empty store' ? 20 : 60 }),
  );
  // Every 1,000 changes the journal is folded into the snapshot in the background; this run
  // includes that, so its max shows the stall a full rewrite costs.
  const long = await measure(() => services['settings:update']({ fontSize: 14 + (n++ % 10) }), {
    warmup: 0,
    runs: 1200,
  });
  figures.push(summarise(`1,200 mutations incl. compaction, ${label}`, long));
  await services.dispose();
  await rm(dir, { recursive: true, force: true });
}

async function readerBenchmarks() {
  const browser = await launchChromium();
  const dir = await tempDir();
  const session = await startHarness(browser, dir);
  const { page } = session;
  const longest = 'qiushi';
  // From the click in the library to the article painted (two animation frames after render).
  const openReader = () =>
    page.evaluate(async (id) => {
      const card = document.querySelector<HTMLButtonElement>(`[aria-describedby~="meta-${id}"]`);
      if (!card) throw new Error('library not shown');
      const t0 = performance.now();
      card.click();
      while (!document.querySelector('.article [data-block-id]')) {
        await new Promise((r) => requestAnimationFrame(r));
      }
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    }, longest);
  const backToLibrary = async () => {
    await page.keyboard.press('Control+1');
    await page.waitForSelector(`[aria-describedby~="meta-${longest}"]`);
  };
  await page.waitForSelector(`[aria-describedby~="meta-${longest}"]`);
  const samples: number[] = [];
  for (let i = 0; i < 15; i++) {
    const ms = await openReader();
    if (i >= 3) samples.push(ms); // three warm-up runs
    await backToLibrary();
  }
  figures.push(summarise('reader painted, longest article (qiushi)', samples, { p50: 250 }));
  await session.stop();
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}

/** `npm run bench -- cards search` runs only those groups; no argument runs them all. */
const only = process.argv.slice(2);
const want = (group: string) => only.length === 0 || only.includes(group);
let bytes = 0;
if (want('store')) {
  await servicesBenchmarks('empty store', async () => undefined);
  await servicesBenchmarks('10 MB store', async (dir) => (bytes = await writeLargeStore(dir, 10)));
}
if (want('reader')) await readerBenchmarks();
if (want('highlights')) figures.push(...(await highlightBenchmarks()));
if (want('anchoring')) figures.push(...(await anchoringBenchmarks()));
if (want('glossary')) figures.push(...(await glossaryBenchmarks()));
if (want('cards')) figures.push(...(await cardBenchmarks()));
if (want('search')) figures.push(...(await searchBenchmarks()));
if (want('data')) figures.push(...(await dataBenchmarks()));
if (want('stalls')) figures.push(...(await stallBenchmarks(console.log)));
const extra: Record<string, unknown> = {};
if (want('soak')) {
  const { figures: soak, report } = await soakBenchmarks();
  figures.push(...soak);
  // The per-action timings are in the table; the rest (memory, stalls, errors) goes here.
  const { timings: _timings, ...rest } = report;
  extra.soak = rest;
}

console.log(
  `\nXinzhi benchmarks (${new Date().toISOString()}, node ${process.version}, large store ${(bytes / 1e6).toFixed(1)} MB)\n`,
);
printTable(figures);
const out = join(ROOT, 'tests/bench/results');
await mkdir(out, { recursive: true });
await writeFile(
  join(out, 'latest.json'),
  `${JSON.stringify({ at: new Date().toISOString(), figures, ...extra }, null, 2)}\n`,
);
