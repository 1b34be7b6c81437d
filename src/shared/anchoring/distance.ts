/**
 * Small edit-distance routines for context scoring and for finding a quote's edges inside a fuzzy
 * match. Inputs are a few dozen to a few hundred code units, so plain dynamic programming over
 * reused buffers is fast enough and keeps the logic obvious.
 */

let rowA = new Int32Array(256);
let rowB = new Int32Array(256);

function rows(n: number): [Int32Array, Int32Array] {
  if (rowA.length < n) {
    rowA = new Int32Array(n * 2);
    rowB = new Int32Array(n * 2);
  }
  return [rowA, rowB];
}

/**
 * Edit distance between `pattern` and the text next to offset `from`, read forwards (`dir` 1, for a
 * suffix: pattern starts at text[from]) or backwards (`dir` -1, for a prefix: pattern ends at
 * text[from - 1]). How much text is read is free, so inserted or deleted words cost only themselves.
 */
export function contextDistance(pattern: string, text: string, from: number, dir: 1 | -1): number {
  const m = pattern.length;
  if (m === 0) return 0;
  const available = dir === 1 ? text.length - from : from;
  const n = Math.max(0, Math.min(available, m * 2));
  let [prev, cur] = rows(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const pc = dir === 1 ? pattern.charCodeAt(i - 1) : pattern.charCodeAt(m - i);
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const tc = dir === 1 ? text.charCodeAt(from + j - 1) : text.charCodeAt(from - j);
      const diagonal = prev[j - 1] + (pc === tc ? 0 : 1);
      const up = prev[j] + 1;
      const left = cur[j - 1] + 1;
      cur[j] = diagonal < up ? (diagonal < left ? diagonal : left) : up < left ? up : left;
    }
    [prev, cur] = [cur, prev];
  }
  let best = prev[0];
  for (let j = 1; j <= n; j++) if (prev[j] < best) best = prev[j];
  return best;
}

let matrix = new Int32Array(4096);

/**
 * Aligns all of `pattern` somewhere inside text[lo, hi) (text on either side is free) and returns
 * the text offset that pattern offset `cut` maps to. Text inserted at the cut is given to the
 * outside of the quote: `edge: 'start'` returns the offset after such text, `'end'` the one before.
 */
export function alignCut(
  pattern: string,
  text: string,
  lo: number,
  hi: number,
  cut: number,
  edge: 'start' | 'end',
): number {
  const m = pattern.length;
  const n = Math.max(0, hi - lo);
  const width = n + 1;
  if (matrix.length < (m + 1) * width) matrix = new Int32Array((m + 1) * width * 2);
  const d = matrix;
  for (let j = 0; j <= n; j++) d[j] = 0;
  for (let i = 1; i <= m; i++) {
    const pc = pattern.charCodeAt(i - 1);
    const row = i * width;
    const above = row - width;
    d[row] = i;
    for (let j = 1; j <= n; j++) {
      const diagonal = d[above + j - 1] + (pc === text.charCodeAt(lo + j - 1) ? 0 : 1);
      const up = d[above + j] + 1;
      const left = d[row + j - 1] + 1;
      d[row + j] = diagonal < up ? (diagonal < left ? diagonal : left) : up < left ? up : left;
    }
  }
  // Best end column; then walk back, preferring diagonal steps, and note the columns at row `cut`.
  let j = 0;
  for (let k = 1; k <= n; k++) if (d[m * width + k] < d[m * width + j]) j = k;
  let first = -1;
  let last = -1;
  for (let i = m; ;) {
    if (i === cut) {
      if (last < 0) last = j;
      first = j;
    }
    if (i === 0) break;
    const here = d[i * width + j];
    const cost = j > 0 && pattern.charCodeAt(i - 1) === text.charCodeAt(lo + j - 1) ? 0 : 1;
    if (j > 0 && here === d[(i - 1) * width + j - 1] + cost) {
      i -= 1;
      j -= 1;
    } else if (here === d[(i - 1) * width + j] + 1) {
      i -= 1;
    } else {
      j -= 1;
    }
  }
  return lo + (edge === 'start' ? last : first);
}
