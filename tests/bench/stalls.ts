import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createServices, type Services } from '../../src/main/services';
import { INDEX_FILE } from '../../src/main/services/search';
import { ROOT } from '../e2e/harness';
import { SOAK_FULL, soakStore } from '../e2e/soak';
import { summarise, type Figure } from './stats';

/**
 * The longest event-loop stall of the main process during the background work a soak session
 * triggers, on the soak's full-size store (10,000 highlights, 5,000 cards, 100,000 reviews):
 * the first search after 500 highlight edits, the index saved after it, and the journal
 * compaction the next 500 edits set off. Each is measured over several rounds.
 */

const RESOURCES = join(ROOT, 'resources');
const EDITS = 500;
const ROUNDS = 5;
/** The index is saved 5 s after a search that changed it; a little longer is allowed. */
const SAVE_WAIT_MS = 8_000;
const JOURNAL = 'xinzhi.journal';
const TICK_MS = 5;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The longest gap (ms) between ticks of a 5 ms timer while `run` runs, less the 5 ms, and
 * how long `run` took. (monitorEventLoopDelay would miss a stall at the very end.) */
async function stall(run: () => Promise<unknown>): Promise<{ maxMs: number; ms: number }> {
  let last = performance.now();
  let maxMs = 0;
  const watchdog = setInterval(() => {
    const now = performance.now();
    maxMs = Math.max(maxMs, now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  const t0 = performance.now();
  await run();
  const ms = performance.now() - t0;
  await sleep(3 * TICK_MS); // let the watchdog see a stall at the very end
  clearInterval(watchdog);
  return { maxMs, ms };
}

async function until(test: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  for (const end = performance.now() + timeoutMs; performance.now() < end; await sleep(50)) {
    if (await test()) return;
  }
  throw new Error('timed out');
}

const mtime = async (file: string) => (await stat(file).catch(() => null))?.mtimeMs ?? 0;
const size = async (file: string) => (await stat(file).catch(() => null))?.size ?? 0;

async function edit(services: Services, ids: string[], round: number, from: number) {
  for (let k = from; k < from + EDITS; k++) {
    const id = ids[(round * 2 * EDITS + k) % ids.length];
    await services['highlights:update']({ id, note: `Edited in round ${round}, edit ${k}.` });
  }
}

export async function stallBenchmarks(log: (line: string) => void = () => undefined) {
  const { dir } = await soakStore(SOAK_FULL);
  // A first run builds the index and saves it, as an earlier session would have.
  let services = await createServices({ dataDir: dir, resourcesDir: RESOURCES });
  await services['search:query']({ query: 'productive' });
  await services.dispose();
  services = await createServices({ dataDir: dir, resourcesDir: RESOURCES });
  await services['search:query']({ query: 'productive' });
  const ids = (await services['highlights:list']({})).map((h) => h.id);
  const indexFile = join(dir, INDEX_FILE);
  const journal = join(dir, JOURNAL);
  const samples = { edits: [] as number[], search: [] as number[], save: [] as number[] };
  const compaction: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const edits = await stall(() => edit(services, ids, round, 0));
    const saved = await mtime(indexFile);
    const search = await stall(async () =>
      services['search:query']({ query: 'productive forces' }),
    );
    const save = await stall(() =>
      until(async () => (await mtime(indexFile)) > saved, SAVE_WAIT_MS),
    );
    // These edits take the journal past 1,000 lines: it is compacted in the background.
    const compact = await stall(async () => {
      await edit(services, ids, round, EDITS);
      await until(async () => (await size(journal)) < 100_000, 30_000);
    });
    samples.edits.push(edits.maxMs);
    samples.search.push(search.maxMs);
    samples.save.push(save.maxMs);
    compaction.push(compact.maxMs);
    log(
      `round ${round + 1}: edits ${edits.maxMs.toFixed(0)} ms, first search ${search.maxMs.toFixed(0)} ms ` +
        `(${search.ms.toFixed(0)} ms to answer), save ${save.maxMs.toFixed(0)} ms, ` +
        `edits + compaction ${compact.maxMs.toFixed(0)} ms`,
    );
  }
  await services.dispose();
  await rm(dir, { recursive: true, force: true });
  const target = 'max ≤ 50 ms';
  const figure = (name: string, values: number[]): Figure => {
    const f = summarise(`longest main-process stall: ${name}`, values);
    return { ...f, target, pass: f.max <= 50 };
  };
  return [
    figure(`${EDITS} highlight edits`, samples.edits),
    figure(`first search after ${EDITS} edits`, samples.search),
    figure('search index saved after them', samples.save),
    figure(`${EDITS} more edits + journal compaction`, compaction),
  ];
}
