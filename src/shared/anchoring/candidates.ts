import search from 'approx-string-match';
import { splitsSurrogatePair } from './describe';
import { alignCut, contextDistance, editDistance } from './distance';
import type { TextQuoteSelector } from './types';

/**
 * Places where a quote might now be. Every candidate is measured the same way, however it was
 * found: edits between the stored quote and text[start, end), plus edits between each stored
 * context and the text next to it. Counting context and quote together weighs each by its length,
 * so a one-word quote is judged mostly by its context, and a long quote mostly by itself.
 */
export interface Candidate {
  start: number;
  end: number;
  /** Edits between the stored quote and text[start, end). */
  quoteErrors: number;
  /** quoteErrors plus the edits in the prefix and suffix. */
  errors: number;
}

/** Stop listing exact occurrences past this many (a very common word); context decides anyway. */
const MAX_OCCURRENCES = 2_000;
/** approx-string-match's cost grows with the error budget (about budget / 32 words per char). */
const MAX_ERRORS = 256;
/** Window characters aligned on the inner side of each of the quote's edges to find the edge. */
const EDGE = 64;
/** Extra text around a match given to the edge alignment. */
const SLACK = 8;
/** approx-string-match reports every end offset of one place; ends this close are one place. */
const SAME_PLACE = 0.5;
const MAX_FUZZY = 16;

const contextErrors = (text: string, q: TextQuoteSelector, start: number, end: number): number =>
  (start >= q.prefix.length && text.startsWith(q.prefix, start - q.prefix.length)
    ? 0
    : contextDistance(q.prefix, text, start, -1)) +
  (text.startsWith(q.suffix, end) ? 0 : contextDistance(q.suffix, text, end, 1));

/** Measures the candidate text[start, end). */
export function measure(
  text: string,
  q: TextQuoteSelector,
  start: number,
  end: number,
): Candidate {
  const quoteErrors =
    end - start === q.exact.length && text.startsWith(q.exact, start)
      ? 0
      : editDistance(q.exact, text, start, end);
  return { start, end, quoteErrors, errors: quoteErrors + contextErrors(text, q, start, end) };
}

/** Every occurrence of the exact quote. */
export function exactCandidates(text: string, q: TextQuoteSelector): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(q.exact); at >= 0 && found.length < MAX_OCCURRENCES; ) {
    found.push(measure(text, q, at, at + q.exact.length));
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
  return measure(text, q, start, end);
}

/**
 * The best approximate matches (fewest errors, at most `maxErrors`) of the whole window
 * prefix + exact + suffix inside text[lo, hi). Each edge of the quote is found by aligning the
 * window around that edge: its context on the outside and up to EDGE characters on the inside.
 */
export function fuzzyCandidates(
  text: string,
  q: TextQuoteSelector,
  lo: number,
  hi: number,
  maxErrors: number,
): Candidate[] {
  if (hi <= lo || maxErrors < 0) return [];
  const window = q.prefix + q.exact + q.suffix;
  const budget = Math.min(MAX_ERRORS, Math.floor(maxErrors));
  const matches = search(text.slice(lo, hi), window, budget);
  const cutStart = q.prefix.length;
  const cutEnd = cutStart + q.exact.length;
  const head = window.slice(0, cutStart + EDGE);
  const tailFrom = Math.max(0, cutEnd - EDGE);
  const tail = window.slice(tailFrom);
  const found: Candidate[] = [];
  let lastEnd = -Infinity;
  for (const match of matches) {
    // Consecutive end offsets of one place: keep the first.
    const close = match.end - lastEnd < window.length * SAME_PLACE;
    lastEnd = match.end;
    if (close) continue;
    const ms = lo + match.start;
    const me = lo + match.end;
    const reach = match.errors + SLACK;
    let start = alignCut(
      head,
      text,
      Math.max(0, ms - SLACK),
      Math.min(text.length, ms + head.length + reach),
      cutStart,
      'start',
    );
    let end = alignCut(
      tail,
      text,
      Math.max(0, me - tail.length - reach),
      Math.min(text.length, me + SLACK),
      cutEnd - tailFrom,
      'end',
    );
    if (splitsSurrogatePair(text, start)) start -= 1;
    if (splitsSurrogatePair(text, end)) end += 1;
    if (end > start && text.slice(start, end).trim() !== '') {
      found.push(measure(text, q, start, end));
    }
    if (found.length >= MAX_FUZZY) break;
  }
  return found;
}
