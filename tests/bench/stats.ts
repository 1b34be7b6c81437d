/** Timing helpers for `npm run bench`: warm-up, several runs, median and p95. */

export interface Figure {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  target?: string;
  pass?: boolean;
}

export function summarise(
  name: string,
  samples: number[],
  target?: { p50?: number; p95?: number },
): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const figure: Figure = {
    name,
    runs: samples.length,
    p50: at(0.5),
    p95: at(0.95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
  if (target) {
    const parts: string[] = [];
    let pass = true;
    if (target.p50 !== undefined) {
      parts.push(`p50 ≤ ${target.p50} ms`);
      pass &&= figure.p50 <= target.p50;
    }
    if (target.p95 !== undefined) {
      parts.push(`p95 ≤ ${target.p95} ms`);
      pass &&= figure.p95 <= target.p95;
    }
    figure.target = parts.join(', ');
    figure.pass = pass;
  }
  return figure;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured (ms, high resolution). */
export async function measure(
  fn: () => Promise<unknown> | unknown,
  { warmup = 3, runs = 20 }: { warmup?: number; runs?: number } = {},
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.name,
    String(f.runs),
    f.p50.toFixed(2),
    f.p95.toFixed(2),
    f.max.toFixed(2),
    f.target ?? '',
    f.pass === undefined ? '' : f.pass ? 'ok' : 'MISSED',
  ]);
  const head = ['benchmark', 'runs', 'p50 ms', 'p95 ms', 'max ms', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
