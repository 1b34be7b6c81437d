import { anchor, describe, type AnchorResult } from '../../../src/shared/anchoring';
import type { CorpusArticle } from './corpus';
import { editText, overlapShare, randomSpan, seeded, type Span } from './simulate';

/** One highlight's fate: where it really is now, and what anchoring made of it. */
export interface Outcome {
  article: string;
  truth: Span;
  result: AnchorResult;
  /** Overlap (Jaccard) of the result with the true span; 0 when orphaned. */
  overlap: number;
}

/**
 * Right: placed on the true text (overlap ≥ 50%), or orphaned when its text was deleted outright.
 * Silently wrong: `anchored` or `moved` (shown without asking) with overlap < 50%.
 */
export const isRight = (o: Outcome): boolean =>
  o.result.status === 'orphaned' ? o.truth.end === o.truth.start : o.overlap >= 0.5;
export const isSilentlyWrong = (o: Outcome): boolean =>
  (o.result.status === 'anchored' || o.result.status === 'moved') && o.overlap < 0.5;

/**
 * Describes `perRound` random highlights on each article, edits the article at `rate`, re-anchors
 * them; `rounds` times per article, each round from its own seed.
 */
export function runTrial(
  corpus: CorpusArticle[],
  {
    rate,
    rounds,
    perRound,
    seed,
  }: { rate: number; rounds: number; perRound: number; seed: number },
): Outcome[] {
  const outcomes: Outcome[] = [];
  corpus.forEach((article, a) => {
    for (let round = 0; round < rounds; round++) {
      const random = seeded(seed + a * 1_000 + round);
      const spans = Array.from({ length: perRound }, () => randomSpan(article.blocks, random));
      const stored = spans.map((s) => describe(article.text, s.start, s.end));
      const edited = editText(article.text, spans, rate, random);
      stored.forEach((s, i) => {
        const result = anchor(edited.text, s);
        const truth = edited.spans[i];
        const placed = result.start !== undefined && result.end !== undefined;
        const overlap = placed
          ? overlapShare(truth, { start: result.start!, end: result.end! })
          : 0;
        outcomes.push({ article: article.id, truth, result, overlap });
      });
    }
  });
  return outcomes;
}

export interface Figures {
  total: number;
  right: number;
  anchored: number;
  moved: number;
  uncertain: number;
  orphaned: number;
  silentlyWrong: number;
  uncertainRight: number;
  /** Highlights whose text was deleted by the edits. */
  gone: number;
}

export function tally(outcomes: Outcome[]): Figures {
  const count = (f: (o: Outcome) => boolean) => outcomes.filter(f).length;
  const status = (s: AnchorResult['status']) => count((o) => o.result.status === s);
  return {
    total: outcomes.length,
    right: count(isRight),
    anchored: status('anchored'),
    moved: status('moved'),
    uncertain: status('uncertain'),
    orphaned: status('orphaned'),
    silentlyWrong: count(isSilentlyWrong),
    uncertainRight: count((o) => o.result.status === 'uncertain' && isRight(o)),
    gone: count((o) => o.truth.end === o.truth.start),
  };
}

const pct = (n: number, of: number): string => `${((100 * n) / Math.max(1, of)).toFixed(2)}%`;

export function figureLine(rate: number, f: Figures): string {
  return (
    `edit rate ${String(Math.round(rate * 100)).padStart(2)}%: right ${pct(f.right, f.total)} ` +
    `(${f.right}/${f.total}) | anchored ${f.anchored}, moved ${f.moved}, ` +
    `uncertain ${f.uncertain}, orphaned ${f.orphaned} | silently wrong ${f.silentlyWrong} | ` +
    `uncertain right ${pct(f.uncertainRight, f.uncertain)} | text deleted ${f.gone}`
  );
}
