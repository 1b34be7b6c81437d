import { expect, test } from './fixtures';
import { launchChromium } from './harness';
import { SOAK_REDUCED, runSoak } from './soak';
import { describeSoak } from './soak-check';

/**
 * The soak at a fifth of its size, the last step of `npm test` (`npm run soak` alone;
 * `npm run bench -- soak` runs the full one): reviews, highlight edits and searches as a person
 * makes them, then a restart. No error, no lost write; main-process stalls ≤ 50 ms, no renderer
 * long task over 100 ms, and both heaps within 20% of where they started, after a GC
 * (docs/soak.md). Its own project, run after the suite, so nothing else shares the machine.
 */
// A trace records every action with a snapshot of the page: here, the thing measured.
test.use({ trace: 'off' });

test('soak: reviews, edits and searches on a large store lose nothing and never stall', async () => {
  test.setTimeout(600_000);
  // The services must run in this process to be measured, so the soak always uses the browser
  // harness, on whichever target the rest of the suite runs.
  const browser = await launchChromium();
  const report = await runSoak(browser, SOAK_REDUCED, (line) => console.log(line)).finally(() =>
    browser.close(),
  );
  console.log(describeSoak(report));
  await test.info().attach('soak.json', {
    body: JSON.stringify(report, null, 2),
    contentType: 'application/json',
  });

  expect(report.errors).toEqual([]);
  expect(report.lostWrites).toEqual([]);
  const { reviews, edits, searches } = SOAK_REDUCED;
  expect(report.done).toEqual({ reviews, edits, searches });
  // The thresholds, all reported together.
  // The services' own stalls: the time their thread waited for one of the machine's cores, which
  // the browser and this driver also use, is reported (describeSoak) but not counted.
  expect
    .soft(report.stalls.own.maxMs, 'main-process event-loop stall (ms), less waiting for a core')
    .toBeLessThanOrEqual(50);
  expect.soft(report.longTasks.maxMs, 'longest renderer task (ms)').toBeLessThanOrEqual(100);
  for (const [where, heap] of Object.entries(report.memory)) {
    expect.soft(heap.ratio, `${where} heap, end / start after a GC`).toBeGreaterThanOrEqual(0.8);
    expect.soft(heap.ratio, `${where} heap, end / start after a GC`).toBeLessThanOrEqual(1.2);
  }
});
