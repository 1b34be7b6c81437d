import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REVIEW_LOG_FILE } from '../../src/main/services/review-log';
import type { SoakReport } from './soak';
import type { SoakModel } from './soak-session';

/**
 * After the soak: the store as the restarted services read it, against the model of what the
 * session did. Each difference is a line (none is the pass).
 */
export async function compareWithModel(
  page: Page,
  dataDir: string,
  initialReviews: number,
  model: SoakModel,
): Promise<string[]> {
  const diff: string[] = [];
  // One string across: Playwright copies objects value by value, slowly for 10,000 highlights.
  const stored = await page.evaluate(async () => {
    const list = await window.api.highlightsList({});
    const stats = await window.api.cardsStats();
    const cards = await window.api.cardsList();
    if (!list.ok || !stats.ok || !cards.ok) throw new Error('The store could not be read back.');
    return JSON.stringify({
      highlights: list.value.map((h) => [h.id, h.color, h.note, h.tags]),
      today: stats.value.today.reviews,
      reps: cards.value.filter((c) => c.deck === 'mine').map((c) => [c.id, c.schedule.reps]),
    });
  });
  const read = JSON.parse(stored) as {
    highlights: [string, string, string, string[]][];
    today: number;
    reps: [string, number][];
  };

  if (read.highlights.length !== model.highlights.size) {
    diff.push(`${read.highlights.length} highlights stored, ${model.highlights.size} expected`);
  }
  for (const [id, color, note, tags] of read.highlights) {
    const want = model.highlights.get(id);
    const got = JSON.stringify({ color, note, tags });
    if (!want) diff.push(`unexpected highlight ${id}`);
    else if (got !== JSON.stringify(want)) {
      diff.push(`${id}: stored ${got}, expected ${JSON.stringify(want)}`);
    }
  }

  // The review log: the answers it started with, then exactly the session's, in order.
  const lines = (await readFile(join(dataDir, REVIEW_LOG_FILE), 'utf8')).split('\n');
  const added = lines
    .filter(Boolean)
    .slice(initialReviews)
    .map((l) => JSON.parse(l) as { cardId?: string; rating?: number });
  const logged = added.map((e) => `${e.cardId}:${e.rating}`);
  const given = model.answers.map((a) => `${a.cardId}:${a.rating}`);
  if (logged.length !== given.length) {
    diff.push(`${logged.length} answers logged, ${given.length} given`);
  }
  const first = logged.findIndex((x, i) => x !== given[i]);
  if (first >= 0) diff.push(`answer ${first + 1}: logged ${logged[first]}, given ${given[first]}`);
  if (read.today !== given.length) {
    diff.push(`statistics count ${read.today} reviews today, ${given.length} given`);
  }
  // A card answered n times has n more repetitions than it started with (5 + i % 7, bigStore).
  const times = new Map<string, number>();
  for (const a of model.answers) times.set(a.cardId, (times.get(a.cardId) ?? 0) + 1);
  for (const [id, reps] of read.reps) {
    const want = 5 + (Number(id.slice('c-bench-'.length)) % 7) + (times.get(id) ?? 0);
    if (reps !== want) diff.push(`${id}: ${reps} repetitions, expected ${want}`);
  }
  return diff;
}

/** The figures, as lines for a log. */
export function describeSoak(r: SoakReport): string {
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  const pct = (x: number) => `${x >= 1 ? '+' : ''}${((x - 1) * 100).toFixed(1)}%`;
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const { stalls, longTasks: lt, memory: m, timings: t, size } = r;
  const longest = stalls.worst
    .map(
      (w) =>
        `${w.ms} ms at ${w.atS} s${w.ranMs === null ? '' : ` (ran ${w.ranMs}, queued ${w.queuedMs})`}${w.calls.length ? ` (${[...new Set(w.calls)].join(', ')})` : ''}`,
    )
    .map((line, i) => (i === 0 ? `; over 30 ms: ${line}` : line))
    .join('; ');
  const medians = (
    [
      ['review', t.review],
      ['edit in the reader', t.edit],
      ['edit through window.api', t.apiEdit],
      ['search', t.search],
      ['article opened', t.openArticle],
    ] as const
  )
    .filter(([, xs]) => xs.length > 0)
    .map(([what, xs]) => `${what} ${med(xs).toFixed(0)} ms`)
    .join(', ');
  return [
    `soak: ${r.done.reviews} reviews, ${r.done.edits} edits (${t.edit.length} in the reader), ${r.done.searches} searches; store of ${size.highlights} highlights, ${size.cards} cards, ${size.reviewLog} reviews`,
    `  session ${(r.durationMs / 1000).toFixed(1)} s (store and warm-up ${(r.setupMs / 1000).toFixed(1)} s); medians: ${medians}`,
    `  main event-loop delay: max ${stalls.maxMs.toFixed(1)} ms, p99 ${stalls.p99Ms.toFixed(1)} ms, p50 ${stalls.p50Ms.toFixed(1)} ms; less waiting for a core, max ${stalls.own.maxMs.toFixed(1)} ms${longest}`,
    `  renderer long tasks: ${lt.durations.length}, max ${lt.maxMs.toFixed(0)} ms, ${lt.over50} over 50 ms, ${lt.over100} over 100 ms (warm-up: ${r.warmupLongTasks.length}, max ${Math.max(0, ...r.warmupLongTasks).toFixed(0)} ms)`,
    `  heap after GC: renderer ${mb(m.renderer.start)} → ${mb(m.renderer.end)} (${pct(m.renderer.ratio)}), main ${mb(m.main.start)} → ${mb(m.main.end)} (${pct(m.main.ratio)})`,
    `  errors: ${r.errors.length}; lost writes: ${r.lostWrites.length}`,
  ].join('\n');
}
