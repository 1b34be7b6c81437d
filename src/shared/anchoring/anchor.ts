import { candidateAt, exactCandidates, fuzzyCandidates, type Candidate } from './candidates';
import type { Anchor, AnchorOptions, AnchorResult } from './types';

/** A candidate with its scores. */
export interface Scored extends Candidate {
  /** 1 − errors / window length: how well quote and context agree (0..1). */
  similarity: number;
  /** similarity less a small penalty for distance from the stored position. */
  score: number;
}

export interface Located {
  best?: Scored;
  /** The best candidate that does not overlap `best`: a rival place. */
  rival?: Scored;
}

export const DISTANCE_WEIGHT = 0.05;
export const WINDOW_RADIUS = 2_048;
export const MOVED_THRESHOLD = 0.8;
export const UNCERTAIN_THRESHOLD = 0.5;

const overlaps = (a: Candidate, b: Candidate): boolean => a.start < b.end && b.start < a.end;

function scorer(text: string, stored: Anchor): (c: Candidate) => Scored {
  const { prefix, exact, suffix } = stored.quote;
  const length = prefix.length + exact.length + suffix.length;
  const hint = stored.position.start;
  return (c) => {
    const similarity = Math.max(0, 1 - c.errors / length);
    const distance = Math.min(1, Math.abs(c.start - hint) / Math.max(1, text.length));
    return { ...c, similarity, score: similarity - DISTANCE_WEIGHT * distance };
  };
}

function rank(all: Scored[]): Located {
  let best: Scored | undefined;
  for (const c of all) if (!best || c.score > best.score) best = c;
  let rival: Scored | undefined;
  for (const c of all) {
    if (best && !overlaps(c, best) && (!rival || c.score > rival.score)) rival = c;
  }
  return { best, rival };
}

/** Finds and scores the likely places for a stored anchor; `anchor` turns this into a status. */
export function locate(text: string, stored: Anchor): Located {
  const q = stored.quote;
  const score = scorer(text, stored);
  const exact = exactCandidates(text, q).map(score);
  let found = rank(exact);
  if (found.best && found.best.errors === 0 && !(found.rival && found.rival.errors === 0)) {
    return found;
  }
  const { start } = stored.position;
  const lo = Math.max(0, start - WINDOW_RADIUS);
  const hi = Math.min(text.length, start + q.exact.length + WINDOW_RADIUS);
  const all = [...exact, ...fuzzyCandidates(text, q, lo, hi, UNCERTAIN_THRESHOLD).map(score)];
  found = rank(all);
  if ((!found.best || found.best.similarity < MOVED_THRESHOLD) && (lo > 0 || hi < text.length)) {
    all.push(...fuzzyCandidates(text, q, 0, text.length, UNCERTAIN_THRESHOLD).map(score));
    found = rank(all);
  }
  return found;
}

const ORPHANED: AnchorResult = { status: 'orphaned', confidence: 0 };

/**
 * Places a stored highlight in `text` (an article's canonical text). When the stored position
 * still holds the quote (and the article is unchanged, or the quote's context is too) it stays
 * `anchored`; otherwise the quote is searched for, exactly and then approximately, and the best
 * place is `moved`, `uncertain` or, below the lower threshold, nothing (`orphaned`).
 */
export function anchor(text: string, stored: Anchor, options: AnchorOptions = {}): AnchorResult {
  const { start, end } = stored.position;
  if (stored.quote.exact.length === 0) return ORPHANED;
  const here = candidateAt(text, stored.quote, start, end);
  if (here && (options.hashMatches || here.errors === 0)) {
    return { status: 'anchored', start, end, confidence: 1 };
  }
  const { best, rival } = locate(text, stored);
  if (!best) return ORPHANED;
  const margin = rival ? best.score - rival.score : 1;
  const confidence = Math.max(0, Math.min(1, best.score - Math.max(0, 0.1 - margin)));
  if (confidence < UNCERTAIN_THRESHOLD) return ORPHANED;
  const status =
    confidence < MOVED_THRESHOLD
      ? 'uncertain'
      : best.start === start && best.end === end
        ? 'anchored'
        : 'moved';
  return { status, start: best.start, end: best.end, confidence };
}
