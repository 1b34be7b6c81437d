import { splitsSurrogatePair } from './describe';
import { alignCut, contextDistance } from './distance';
import { codeUnits, distinctEnds, editDistance, searchEnds, type MatchEnd } from './search';
import type { TextQuoteSelector } from './types';
import { wordIds, wordsOf } from './words';

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

/** Window characters aligned on the inner side of each of the quote's edges to find the edge. */
const EDGE = 64;
/** Extra text around a match given to the edge alignment and to the character search. */
const SLACK = 8;
/** Match ends closer than this share of the window are one place. */
const SAME_PLACE = 0.5;
/** Stretches of words, and places in them, looked at: the ones with fewest errors. */
const MAX_STRETCHES = 64;
const MAX_PLACES = 32;
/**
 * The word search lets through places where at most this share of the window's words differ (plus
 * the two words the window cuts in half), well above what a character budget of half the window
 * allows in practice: a typo or a doubled space changes at most one or two words.
 */
const WORD_SHARE = 0.5;

const contextErrors = (text: string, q: TextQuoteSelector, start: number, end: number): number =>
  (start >= q.prefix.length && text.startsWith(q.prefix, start - q.prefix.length)
    ? 0
    : contextDistance(q.prefix, text, start, -1)) +
  (text.startsWith(q.suffix, end) ? 0 : contextDistance(q.suffix, text, end, 1));

/** Measures the candidate text[start, end). */
export function measure(text: string, q: TextQuoteSelector, start: number, end: number): Candidate {
  const quoteErrors =
    end - start === q.exact.length && text.startsWith(q.exact, start)
      ? 0
      : editDistance(q.exact, text, start, end);
  return { start, end, quoteErrors, errors: quoteErrors + contextErrors(text, q, start, end) };
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
 * The places where the whole window prefix + exact + suffix matches `text` with at most
 * `maxErrors` edits, fewest first, leaving out those with more than `spread` edits beyond the best
 * (they can neither win nor rival it). Words first: the stretches where the window's words roughly
 * recur; then characters, in each stretch.
 */
export function findCandidates(
  text: string,
  q: TextQuoteSelector,
  maxErrors: number,
  spread: number,
): Candidate[] {
  const window = q.prefix + q.exact + q.suffix;
  const words = wordsOf(text);
  const pattern = wordIds(words, window);
  const wordBudget = Math.floor(pattern.length * WORD_SHARE) + 2;
  const stretches = searchEnds(words.ids, pattern, wordBudget);
  // A stretch stands for the ends near it too: widen it by as much, and a word, on each side.
  const radius = Math.ceil(pattern.length * SAME_PLACE);
  const codes = codeUnits(window);
  const ends: MatchEnd[] = [];
  for (const { end: last, errors } of distinctEnds(stretches, radius, MAX_STRETCHES)) {
    const first = Math.max(0, last - pattern.length - errors - radius - 1);
    const lo = Math.max(0, words.starts[first] - SLACK);
    const hi = Math.min(
      text.length,
      words.ends[Math.min(words.ends.length, last + radius) - 1] + SLACK,
    );
    for (const e of searchEnds(codeUnits(text, lo, hi), codes, maxErrors)) {
      ends.push({ end: lo + e.end, errors: e.errors });
    }
  }
  const found: Candidate[] = [];
  let fewest = Infinity;
  for (const { end, errors } of distinctEnds(ends, window.length * SAME_PLACE, MAX_PLACES)) {
    if (errors > fewest + spread) break;
    for (const c of places(text, q, end, errors)) {
      found.push(c);
      fewest = Math.min(fewest, c.errors);
    }
  }
  return found;
}

/**
 * Where the quote is inside the window that matches text up to `me` with `errors` edits: each exact
 * occurrence of the quote there, and the place the window's alignment gives (unless an exact one
 * is as good as the window's match, so already an optimal alignment).
 */
function places(text: string, q: TextQuoteSelector, me: number, errors: number): Candidate[] {
  const window = q.prefix + q.exact + q.suffix;
  // The window starts about its length before its end, give or take its errors.
  const ms = me - window.length;
  const reach = errors + SLACK;
  const found: Candidate[] = [];
  for (let at = text.indexOf(q.exact, Math.max(0, ms - reach)); at >= 0;) {
    if (at + q.exact.length > me + SLACK) break;
    found.push(measure(text, q, at, at + q.exact.length));
    at = text.indexOf(q.exact, at + 1);
  }
  if (found.some((c) => c.errors <= errors)) return found;
  const cutStart = q.prefix.length;
  const cutEnd = cutStart + q.exact.length;
  const head = window.slice(0, cutStart + EDGE);
  const tailFrom = Math.max(0, cutEnd - EDGE);
  const tail = window.slice(tailFrom);
  let start = alignCut(
    head,
    text,
    Math.max(0, ms - reach),
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
  // An empty or blank place is kept: the context is here but the quote was deleted.
  found.push(measure(text, q, start, Math.max(start, end)));
  return found;
}
