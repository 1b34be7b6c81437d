import { describe, expect, it } from 'vitest';
import { loadCorpus } from './corpus';
import { figureLine, runTrial, tally } from './trial';

/**
 * The target: random highlights on the curated corpus, then random edits (a new first
 * paragraph, word insertions, deletions, typos, whitespace changes) to a share of the words.
 * 4,000 highlights per rate: 5 articles × 16 edits × 50 highlights, from a fixed seed (the
 * thresholds were calibrated on other seeds).
 */
const corpus = loadCorpus();
const SEED = 2026;

describe('re-anchoring after random edits', () => {
  for (const rate of [0.01, 0.05, 0.15]) {
    it(`at ${rate * 100}% of words edited: never silently wrong${rate < 0.1 ? ', ≥ 99.5% right' : ''}`, () => {
      const outcomes = runTrial(corpus, { rate, rounds: 16, perRound: 50, seed: SEED });
      const figures = tally(outcomes);
      console.log(figureLine(rate, figures));
      expect(figures.total).toBe(4000);
      expect(figures.silentlyWrong).toBe(0);
      if (rate < 0.1) expect(figures.right / figures.total).toBeGreaterThanOrEqual(0.995);
      // Asking is worth it: most uncertain places are the right text.
      expect(figures.uncertainRight / figures.uncertain).toBeGreaterThanOrEqual(0.8);
    });
  }
});
