/**
 * Approximate search: every offset where `pattern` ends in `text` with at most `maxErrors` edits
 * (all of the pattern aligned, text on either side free). Myers' bit-parallel algorithm ("A fast
 * bit-vector algorithm for approximate string matching based on dynamic programming", 1999) in
 * blocks of 32 pattern symbols with Ukkonen's cut-off, as in approx-string-match, which however
 * reports only the best matches: here every end within the budget is, so one pass finds rivals.
 * Symbols are UTF-16 code units or word ids, below 65,536.
 */

export interface MatchEnd {
  /** Offset just after the match. */
  end: number;
  errors: number;
}

const W = 32;
/** The bit of a full block's last row. */
const TOP = 1 << 31;
/** Bit vectors per pattern symbol, indexed by `slot[symbol]` (0: a symbol not in the pattern). */
const slot = new Uint16Array(65_536);

/** `peq`: for each symbol of the pattern, the bits of the rows it is at, 32 rows a block. */
function symbolBits(
  pattern: ArrayLike<number>,
  blocks: number,
): { peq: Int32Array; used: number[] } {
  const used: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (slot[pattern[i]] === 0) slot[pattern[i]] = used.push(pattern[i]);
  }
  // peq[slot * blocks + b]: bit i set where pattern[32b + i] is that symbol.
  const peq = new Int32Array((used.length + 1) * blocks);
  for (let i = 0; i < pattern.length; i++) {
    peq[slot[pattern[i]] * blocks + (i >> 5)] |= 1 << (i & 31);
  }
  return { peq, used };
}

/**
 * One text symbol through block `b` of the dynamic-programming column (Myers, fig. 9): P and M hold
 * the vertical deltas +1 and −1 (a bit per row), `eq` the rows equal to the symbol, `hIn` the
 * horizontal delta coming in at the top and the result the one going out at row `row`.
 */
function step(P: Int32Array, M: Int32Array, b: number, eq: number, hIn: number, row: number) {
  const pV = P[b];
  const mV = M[b];
  const negative = hIn < 0 ? 1 : 0;
  eq |= negative;
  const xV = eq | mV;
  const xH = (((eq & pV) + pV) ^ pV) | eq;
  let pH = mV | ~(xH | pV);
  let mH = pV & xH;
  const hOut = (pH & row) !== 0 ? 1 : (mH & row) !== 0 ? -1 : 0;
  pH = (pH << 1) | (hIn > 0 ? 1 : 0);
  mH = (mH << 1) | negative;
  P[b] = mH | ~(xV | pH);
  M[b] = pH & xV;
  return hOut;
}

export function searchEnds(
  text: ArrayLike<number>,
  pattern: ArrayLike<number>,
  maxErrors: number,
): MatchEnd[] {
  const m = pattern.length;
  const k = Math.min(Math.floor(maxErrors), m);
  if (m === 0 || k < 0) return [];
  const blocks = Math.ceil(m / W);
  const last = blocks - 1;
  const { peq, used } = symbolBits(pattern, blocks);
  // Per block: the vertical deltas, and the errors at its last row.
  const P = new Int32Array(blocks);
  const M = new Int32Array(blocks);
  const score = new Int32Array(blocks);
  const bottom = 1 << ((m - 1) % W);
  // Blocks 0..y are computed; those below cannot come within the budget.
  let y = Math.max(0, Math.ceil(k / W) - 1);
  for (let b = 0; b <= y; b++) {
    P[b] = -1;
    score[b] = (b + 1) * W;
  }
  score[last] = m;
  const ends: MatchEnd[] = [];
  for (let j = 0; j < text.length; j++) {
    const base = slot[text[j]] * blocks;
    let hIn = 0;
    let grown = false;
    for (let b = 0; b <= y + 1; b++) {
      if (b > y) {
        // Start the next block (fresh: all +1) when it may come within the budget.
        if (score[y] - hIn > k || y === last || ((peq[base + b] & 1) === 0 && hIn >= 0)) break;
        y = b;
        grown = true;
        P[b] = -1;
        M[b] = 0;
        score[b] = score[b - 1] + (b === last ? m - b * W : W) - hIn;
      }
      const hOut = step(P, M, b, peq[base + b], hIn, b === last ? bottom : TOP);
      score[b] += hOut;
      hIn = hOut;
    }
    if (!grown) while (y > 0 && score[y] >= k + W) y -= 1;
    if (y === last && score[y] <= k) ends.push({ end: j + 1, errors: score[y] });
  }
  for (const s of used) slot[s] = 0;
  return ends;
}

/** The best end of each distinct place, fewest errors first: ends within `radius` are one place. */
export function distinctEnds(ends: MatchEnd[], radius: number, limit: number): MatchEnd[] {
  const sorted = [...ends].sort((a, b) => a.errors - b.errors || a.end - b.end);
  const kept: MatchEnd[] = [];
  for (const e of sorted) {
    if (kept.length >= limit) break;
    if (kept.every((k) => Math.abs(k.end - e.end) > radius)) kept.push(e);
  }
  return kept;
}

/** Edit distance between `a` and text[lo, hi), all of both aligned (the same column steps). */
export function editDistance(a: string, text: string, lo: number, hi: number): number {
  const m = a.length;
  if (m === 0) return hi - lo;
  const blocks = Math.ceil(m / W);
  const { peq, used } = symbolBits(codeUnits(a), blocks);
  const P = new Int32Array(blocks).fill(-1);
  const M = new Int32Array(blocks);
  const bottom = 1 << ((m - 1) % W);
  let distance = m;
  for (let j = lo; j < hi; j++) {
    const base = slot[text.charCodeAt(j)] * blocks;
    let hIn = 1; // the top row counts the text consumed
    for (let b = 0; b < blocks; b++) {
      hIn = step(P, M, b, peq[base + b], hIn, b === blocks - 1 ? bottom : TOP);
    }
    distance += hIn;
  }
  for (const s of used) slot[s] = 0;
  return distance;
}

/** A string's UTF-16 code units, as `searchEnds` takes them. */
export function codeUnits(text: string, lo = 0, hi = text.length): Uint16Array {
  const codes = new Uint16Array(Math.max(0, hi - lo));
  for (let i = 0; i < codes.length; i++) codes[i] = text.charCodeAt(lo + i);
  return codes;
}
