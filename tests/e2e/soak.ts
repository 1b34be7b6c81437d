import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { SearchResults } from '../../src/shared/search';
import { bigStore } from '../bench/cards';
import { makeHighlights } from '../bench/highlights';
import { TYPED } from '../bench/search';
import { startHarness } from './harness';
import type { LoopDelay } from './services-worker';
import { compareWithModel } from './soak-check';
import {
  editNext,
  editViaApi,
  openArticle,
  openReview,
  review,
  search,
  type SoakModel,
  type Timings,
} from './soak-session';

/**
 * The soak of the Performance issue: a scripted session of reviews, highlight edits and
 * searches on a large store, in the browser harness (the real renderer; the real services, in
 * this process). Measured over the session: main-process event-loop delay, renderer long tasks,
 * both heaps after a GC at the start (after a warm-up) and at the end, and every error. Then the
 * app is restarted and the store must hold exactly what the session did.
 */

export interface SoakSize {
  reviews: number;
  edits: number;
  /** How many of the edits a person makes in the reader; the rest go through window.api. */
  uiEdits: number;
  searches: number;
  highlights: number;
  cards: number;
  reviewLog: number;
  /** The session is this many rounds of: reviews, edits in one article, searches. */
  rounds: number;
}

/** The size. With 2,000 highlights in an article one edit in the reader takes 4–40 s
 * here, so ten edits are made there and the rest go through window.api (README, Performance). */
export const SOAK_FULL: SoakSize = {
  reviews: 1000,
  edits: 500,
  uiEdits: 10,
  searches: 200,
  highlights: 10_000,
  cards: 5000,
  reviewLog: 100_000,
  rounds: 10,
};
/** For the end-to-end suite: every edit in the reader. */
export const SOAK_REDUCED: SoakSize = {
  reviews: 100,
  edits: 50,
  uiEdits: 50,
  searches: 20,
  highlights: 2000,
  cards: 1000,
  reviewLog: 20_000,
  rounds: 5,
};

interface Heap {
  start: number;
  end: number;
  ratio: number;
}
export interface SoakReport {
  size: SoakSize;
  /** The session: after the warm-up, before the restart. */
  durationMs: number;
  setupMs: number;
  timings: Timings;
  /** The services' event-loop delay over the session (in their own thread, as Electron's main
   * process has them; LoopDelay), and the longest stalls: when (s into the session), how long
   * the thread ran and waited for a core in them, and which calls answered around them. */
  stalls: Omit<LoopDelay, 'stalls'> & {
    worst: {
      atS: number;
      ms: number;
      ranMs: number | null;
      queuedMs: number | null;
      calls: string[];
    }[];
  };
  /** Renderer long tasks ('longtask' entries) in the session; those of the warm-up apart. */
  longTasks: { durations: number[]; maxMs: number; over50: number; over100: number };
  warmupLongTasks: number[];
  /** Bytes in use after a forced GC. */
  memory: { renderer: Heap; main: Heap };
  errors: string[];
  /** Differences between the store after a restart and the model of what was done. */
  lostWrites: string[];
  done: { reviews: number; edits: number; searches: number };
}

const LONG_TASKS = `
  window.__soakLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__soakLongTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
`;

/** Round `r`'s share of `count`, spread as evenly as whole numbers allow. */
/** Milliseconds since 1970, the clock this process and the services' thread share. */
const epoch = () => performance.timeOrigin + performance.now();

const share = (count: number, rounds: number, r: number) =>
  Math.floor(((r + 1) * count) / rounds) - Math.floor((r * count) / rounds);

/** A data dir at `size`, and the model of what it holds. */
export async function soakStore(size: SoakSize) {
  const dir = await bigStore(Date.now(), { cards: size.cards, reviews: size.reviewLog });
  const file = join(dir, 'xinzhi.json');
  const data = JSON.parse(await readFile(file, 'utf8'));
  const highlights = await makeHighlights(size.highlights);
  data.highlights = highlights;
  // Only the user's cards, whose questions name them (the built-in decks would start as new).
  data.settings.newPerDay = 0;
  await writeFile(file, JSON.stringify(data));
  const model: SoakModel = {
    answers: [],
    highlights: new Map(
      highlights.map((h) => [h.id, { color: h.color, note: h.note, tags: [...h.tags] }]),
    ),
    byArticle: new Map(),
    noteWords: [],
    edits: 0,
    searches: 0,
  };
  for (const h of highlights) {
    model.byArticle.set(h.articleId, [...(model.byArticle.get(h.articleId) ?? []), h.id]);
  }
  return { dir, model };
}

async function rendererHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}
const longTasks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __soakLongTasks: number[][] }).__soakLongTasks);
const toLibrary = async (page: Page) => {
  await page.keyboard.press('Control+1');
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
};

export async function runSoak(
  browser: Browser,
  size: SoakSize,
  log: (line: string) => void = () => undefined,
): Promise<SoakReport> {
  const t0 = performance.now();
  const { dir, model } = await soakStore(size);
  const errors: string[] = [];
  const answered = new Map<string, SearchResults>();
  const calls: [number, string][] = [];
  // The services in a thread of their own, as in Electron's main process: their stalls and
  // heap are measured apart from the test driver's (Playwright's client shares this process).
  const session = await startHarness(browser, dir, {
    worker: true,
    onResult(channel, input, result) {
      calls.push([epoch(), channel]);
      if (!result.ok) errors.push(`${channel}: ${result.error.code}: ${result.error.message}`);
      else if (channel === 'search:query') {
        answered.set((input as { query: string }).query, result.value as SearchResults);
      }
    },
  });
  // What the services report in this process (a failed background write, say) is an error.
  const { error: consoleError, warn: consoleWarn } = console;
  console.error = (...args: unknown[]) => errors.push(`main console.error: ${args.join(' ')}`);
  console.warn = (...args: unknown[]) => errors.push(`main console.warn: ${args.join(' ')}`);
  const { page } = session;
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`renderer console.error: ${m.text()}`);
  });
  try {
    await page.addInitScript({ content: LONG_TASKS });
    await page.reload();
    const articles = await page.evaluate(async () => {
      const r = await window.api.corpusList();
      if (!r.ok) throw new Error(r.error.message);
      return r.value.map((a) => ({ id: a.id, title: a.title }));
    });
    const t: Timings = { review: [], edit: [], apiEdit: [], search: [], openArticle: [] };

    // Warm-up: each view and article once (their caches filled), the review log read, the search
    // index built, and one answer and one edit of each kind, so that the heap measured at the
    // start already holds the code they compile. Those are in the model (they are in the store)
    // but not counted as the session's.
    await openReview(page);
    await review(page, 0, model, t);
    for (const a of articles) await openArticle(page, a.title, t);
    let last: string | null = null;
    for (let k = 0; k < 3; k++) last = await editNext(page, k, true, last, model, t);
    const warm = { reviews: model.answers.length, edits: model.edits };
    await search(page, 'productive', answered, { ...model }, { ...t, search: [] });
    await toLibrary(page);
    for (const list of Object.values(t)) list.length = 0;
    const setupMs = performance.now() - t0;
    log(`[soak] store and warm-up ready in ${(setupMs / 1000).toFixed(1)} s`);

    const thread = session.thread!;
    const heapStart = { renderer: await rendererHeap(page), main: await thread.heap() };
    const warmupLongTasks = (await longTasks(page)).map(([, d]) => d);
    const since = await page.evaluate(() => performance.now());
    await thread.watch();
    const s0 = performance.now();
    const e0 = epoch();

    const visits = new Map<string, number>();
    let edits = warm.edits;
    let searches = 0;
    for (let r = 0; r < size.rounds; r++) {
      await openReview(page);
      for (let i = 0; i < share(size.reviews, size.rounds, r); i++) {
        await review(page, model.answers.length, model, t);
      }
      const article = articles[r % articles.length];
      const visit = visits.get(article.id) ?? 0;
      visits.set(article.id, visit + 1);
      await openArticle(page, article.title, t);
      const inReader = share(size.uiEdits, size.rounds, r);
      let selected: string | null = null;
      for (let i = 0; i < inReader; i++) {
        // Down from the top on one visit, up from the bottom on the next.
        selected = await editNext(page, edits++, visit % 2 === 0, selected, model, t);
      }
      const others = model.byArticle.get(articles[(r + 1) % articles.length].id)!;
      for (let i = inReader; i < share(size.edits, size.rounds, r); i++) {
        await editViaApi(page, others[(edits * 7919) % others.length], edits++, model, t);
      }
      for (let i = 0; i < share(size.searches, size.rounds, r); i++) {
        // Every other search looks for a word just written into a note: it must be found.
        const note = searches % 2 === 1 ? model.noteWords.at(-1 - (searches % 7)) : undefined;
        const query = note ? note.word : TYPED[searches % TYPED.length];
        const missed = await search(page, query, answered, model, t, note && `h:${note.id}`);
        if (missed) errors.push(missed);
        searches++;
      }
      const at = ((performance.now() - s0) / 1000).toFixed(0);
      log(
        `[soak] round ${r + 1}/${size.rounds}: ${model.answers.length} reviews, ${model.edits} edits, ${model.searches} searches, ${at} s`,
      );
    }
    await toLibrary(page);
    const durationMs = performance.now() - s0;
    const { stalls, ...figures } = await thread.unwatch();
    const worst = stalls
      .sort((a, b) => b.to - b.from - (a.to - a.from))
      .slice(0, 5)
      .map(({ from, to, ranMs, queuedMs }) => ({
        atS: Math.round((from - e0) / 100) / 10,
        ms: Math.round(to - from - 10),
        ranMs: ranMs === null ? null : Math.round(ranMs),
        queuedMs: queuedMs === null ? null : Math.round(queuedMs),
        calls: calls.filter(([at]) => at > from - 100 && at < to + 100).map(([, c]) => c),
      }));
    const durations = (await longTasks(page)).filter(([at]) => at >= since).map(([, d]) => d);
    const heapEnd = { renderer: await rendererHeap(page), main: await thread.heap() };

    // Quit, start again over the same data, and read everything back through the services.
    await session.restart();
    const lostWrites = await compareWithModel(session.page, dir, size.reviewLog, model);
    const heap = (start: number, end: number): Heap => ({ start, end, ratio: end / start });
    return {
      size,
      durationMs,
      setupMs,
      timings: t,
      stalls: { ...figures, worst },
      longTasks: {
        durations,
        maxMs: Math.max(0, ...durations),
        over50: durations.filter((d) => d > 50).length,
        over100: durations.filter((d) => d > 100).length,
      },
      warmupLongTasks,
      memory: {
        renderer: heap(heapStart.renderer, heapEnd.renderer),
        main: heap(heapStart.main, heapEnd.main),
      },
      errors,
      lostWrites,
      done: {
        reviews: model.answers.length - warm.reviews,
        edits: model.edits - warm.edits,
        searches: model.searches,
      },
    };
  } finally {
    console.error = consoleError;
    console.warn = consoleWarn;
    await session.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
