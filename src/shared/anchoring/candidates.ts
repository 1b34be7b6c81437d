import search from 'approx-string-match';
import { splitsSurrogatePair } from './describe';
import { alignCut, contextDistance } from './distance';
import type { TextQuoteSelector } from './types';

/**
 * Places where a quote might now be. Every candidate is measured the same way: the edit distance
 * between the stored window (prefix + exact + suffix) and the text around the candidate. Counting
 * context and quote together weighs each by its length, so a one-word quote is judged mostly by its
 * context, and a long quote mostly by itself.
 */
export interface Candidate {
  start: number;
  end: number;
  /** Edits between the stored window and the text around [start, end). */
  errors: number;
}

/** Stop listing exact occurrences past this many (a very common word); context decides anyway. */
const MAX_OCCURRENCES = 2_000;
/** approx-string-match's cost grows with the error budget (about budget / 32 words per char). */
const MAX_ERRORS = 256;
/** Quote characters aligned at each edge to locate the quote inside a fuzzy match of the window. */
const EDGE = 64;
/** Extra text around a match given to the edge alignment. */
const SLACK = 8;
/** Fuzzy matches closer than this fraction of the window are the same place. */
const SAME_PLACE = 0.5;
const MAX_FUZZY = 16;

const contextErrors = (text: string, q: TextQuoteSelector, start: number, end: number): number =>
  (text.startsWith(q.prefix, start - q.prefix.length)
    ? 0
    : contextDistance(q.prefix, text, start, -1)) +
  (text.startsWith(q.suffix, end) ? 0 : contextDistance(q.suffix, text, end, 1));

/** Every occurrence of the exact quote, scored on its context. */
export function exactCandidates(text: string, q: TextQuoteSelector): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(q.exact); at >= 0 && found.length < MAX_OCCURRENCES;) {
    const end = at + q.exact.length;
    found.push({ start: at, end, errors: contextErrors(text, q, at, end) });
    at = text.indexOf(q.exact, at + 1);
  }
  return found;
}

/** The candidate at a given range, if the exact quote is there. */
export function candidateAt(
  text: string,
  q: TextQuoteSelector,
  start: number,
  end: number,
): Candidate | undefined {
  if (start < 0 || end > text.length || text.slice(start, end) !== q.exact) return undefined;
  return { start, end, errors: contextErrors(text, q, start, end) };
}

/**
 * Best approximate matches of the whole window inside text[lo, hi), with the quote's edges found
 * by aligning each end of the window. `minSimilarity` bounds the error budget (and so the cost).
 */
export function fuzzyCandidates(
  text: string,
  q: TextQuoteSelector,
  lo: number,
  hi: number,
  minSimilarity: number,
): Candidate[] {
  const window = q.prefix + q.exact + q.suffix;
  const budget = Math.min(MAX_ERRORS, Math.floor(window.length * (1 - minSimilarity)));
  const matches = search(text.slice(lo, hi), window, budget);
  const head = q.prefix + q.exact.slice(0, EDGE);
  const tailQuote = q.exact.slice(-EDGE);
  const tail = tailQuote + q.suffix;
  const found: Candidate[] = [];
  let lastEnd = -Infinity;
  for (const match of matches) {
    // The matcher reports each end offset of one place separately; keep the first.
    if (match.end - lastEnd < window.length * SAME_PLACE) continue;
    lastEnd = match.end;
    const ms = lo + match.start;
    const me = lo + match.end;
    const reach = match.errors + SLACK;
    let start = alignCut(
      head,
      text,
      Math.max(0, ms - SLACK),
      Math.min(text.length, ms + head.length + reach),
      q.prefix.length,
      'start',
    );
    let end = alignCut(
      tail,
      text,
      Math.max(0, me - tail.length - reach),
      Math.min(text.length, me + SLACK),
      tailQuote.length,
      'end',
    );
    if (splitsSurrogatePair(text, start)) start -= 1;
    if (splitsSurrogatePair(text, end)) end += 1;
    if (end > start && text.slice(start, end).trim() !== '') {
      found.push({ start, end, errors: match.errors });
    }
    if (found.length >= MAX_FUZZY) break;
  }
  return found;
}
