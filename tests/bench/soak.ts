import { launchChromium } from '../e2e/harness';
import { SOAK_FULL, runSoak, type SoakReport } from '../e2e/soak';
import { describeSoak } from '../e2e/soak-check';
import { summarise, type Figure } from './stats';

/**
 * The soak at the size: 1,000 reviews, 500 highlight edits and 200 searches on 10,000
 * highlights, 5,000 cards and 100,000 reviews (tests/e2e/soak.ts; the end-to-end suite runs it
 * smaller). Its timings go in the table; memory, errors and lost writes are printed after it.
 */
export async function soakBenchmarks(): Promise<{ figures: Figure[]; report: SoakReport }> {
  const browser = await launchChromium();
  try {
    const report = await runSoak(browser, SOAK_FULL, (line) => console.log(line));
    const { timings: t, stalls, longTasks } = report;
    const figures = [
      summarise('soak: review (Space, rating, next card shown)', t.review),
      summarise('soak: search typed in the palette, to its results', t.search),
      summarise('soak: article opened, highlights painted', t.openArticle),
      summarise('soak: edit in the reader (Alt+↓, change, shown)', t.edit),
      summarise('soak: edit through window.api', t.apiEdit),
      {
        name: 'soak: main-process event-loop delay (whole session)',
        runs: 1,
        p50: stalls.p50Ms,
        p95: stalls.p95Ms,
        min: stalls.minMs,
        max: stalls.maxMs,
      },
      {
        name: 'soak: main-process stall, less waiting for a core',
        runs: 1,
        p50: stalls.own.p50Ms,
        p95: stalls.own.p95Ms,
        min: 0,
        max: stalls.own.maxMs,
        target: 'max ≤ 50 ms',
        pass: stalls.own.maxMs <= 50,
      },
      {
        ...(longTasks.durations.length > 0
          ? summarise('soak: renderer long tasks', longTasks.durations)
          : { name: 'soak: renderer long tasks', runs: 0, p50: 0, p95: 0, min: 0, max: 0 }),
        target: 'none over 100 ms',
        pass: longTasks.over100 === 0,
      },
    ].filter((f) => f.runs > 0 || f.name.includes('long tasks'));
    console.log(`\n${describeSoak(report)}`);
    for (const problem of [...report.errors, ...report.lostWrites].slice(0, 20)) {
      console.log(`  SOAK PROBLEM: ${problem}`);
    }
    return { figures, report };
  } finally {
    await browser.close();
  }
}
