import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as anchoring from '../../../src/shared/anchoring';
import {
  anchor,
  MOVED_THRESHOLD,
  RIVAL_GAP,
  UNCERTAIN_THRESHOLD,
  type AnchorResult,
} from '../../../src/shared/anchoring';
import { loadCorpus } from './corpus';
import { editText, overlapShare, randomSpan, seeded } from './simulate';

const corpus = loadCorpus();
const cgtn = corpus.find((a) => a.id === 'cgtn')!.text;

/** Selectors for the first occurrence of `quote` in `text` (after `from`). */
function highlight(text: string, quote: string, from = 0) {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return anchoring.describe(text, start, start + quote.length);
}

const NEW_PARAGRAPH = 'An editor’s note, added later, that pushes everything down a little.\n\n';
const placed = (r: AnchorResult) => ({ start: r.start, end: r.end });

describe('anchor', () => {
  it('keeps an unchanged article’s highlights where they are, sure', () => {
    const h = highlight(cgtn, 'a crucial focus for China');
    const at = { start: h.position.start, end: h.position.end };
    expect(anchor(cgtn, h, { hashMatches: true })).toEqual({
      status: 'anchored',
      ...at,
      confidence: 1,
    });
    // Without the hash, the quote and its context at the stored place say the same.
    expect(anchor(cgtn, h)).toEqual({ status: 'anchored', ...at, confidence: 1 });
  });

  it('follows a highlight moved by a new first paragraph', () => {
    const h = highlight(cgtn, 'a crucial focus for China');
    const result = anchor(NEW_PARAGRAPH + cgtn, h);
    expect(result.status).toBe('moved');
    expect(placed(result)).toEqual({
      start: h.position.start + NEW_PARAGRAPH.length,
      end: h.position.end + NEW_PARAGRAPH.length,
    });
    expect(result.confidence).toBeGreaterThanOrEqual(MOVED_THRESHOLD);
  });

  it('lets the context decide between two occurrences of the quote', () => {
    const quote = 'new quality productive forces';
    const second = cgtn.indexOf(quote, cgtn.indexOf(quote) + 1);
    const h = anchoring.describe(cgtn, second, second + quote.length);
    const edited = NEW_PARAGRAPH + cgtn;
    const result = anchor(edited, h);
    expect(result.status).toBe('moved');
    expect(result.start).toBe(second + NEW_PARAGRAPH.length);
    expect(edited.slice(result.start, result.end)).toBe(quote);
  });

  it('orphans a highlight whose quote was deleted, rather than put it elsewhere', () => {
    const quote = "and serve as a crucial focus for China's economic transformation";
    const h = highlight(cgtn, quote);
    const edited = NEW_PARAGRAPH + cgtn.replace(quote, '');
    const result = anchor(edited, h);
    expect(result).toEqual({ status: 'orphaned', confidence: 0 });

    // A one-word quote in a sentence rewritten around it: nothing of it is left either.
    const word = highlight(cgtn, 'inherently');
    expect(anchor(cgtn.replace('inherently ', ''), word).status).toBe('orphaned');
  });

  it('finds a quote with a typo in it on the right text', () => {
    const quote = 'the development direction of advanced productive forces';
    const h = highlight(cgtn, quote);
    const edited =
      NEW_PARAGRAPH +
      cgtn.replace(quote, 'the developmnet direction of advanced productive forces');
    const result = anchor(edited, h);
    expect(['moved', 'uncertain']).toContain(result.status);
    const truth = { start: h.position.start + NEW_PARAGRAPH.length, end: 0 };
    truth.end = truth.start + quote.length;
    expect(overlapShare(truth, { start: result.start!, end: result.end! })).toBeGreaterThan(0.9);
  });

  it('asks rather than guesses when the passage now appears twice', () => {
    const paragraph = cgtn.slice(0, cgtn.indexOf('\n\n'));
    const h = highlight(cgtn, 'a crucial focus for China');
    const result = anchor(`${NEW_PARAGRAPH}${paragraph}\n\n${cgtn}`, h);
    expect(result.status).toBe('uncertain');
    expect(result.confidence).toBeGreaterThanOrEqual(UNCERTAIN_THRESHOLD);
    expect(result.confidence).toBeLessThan(MOVED_THRESHOLD);
    // Where the stored position itself still holds quote and context, that settles it.
    expect(anchor(`${paragraph}\n\n${cgtn}`, h).status).toBe('anchored');
  });

  it('keeps surrogate pairs whole and counts code units when moving', () => {
    const text = 'Intro 😀 line.\n\nThe 新质生产力 grow 😀 fast and the rest stays as it was.';
    const h = highlight(text, '新质生产力 grow 😀');
    const edited = `😀😀 ${text}`;
    const result = anchor(edited, h);
    expect(result.status).toBe('moved');
    expect(result.start).toBe(h.position.start + 5);
    expect(edited.slice(result.start, result.end)).toBe('新质生产力 grow 😀');
  });

  it('orphans an empty stored quote', () => {
    const h = highlight(cgtn, 'crucial');
    expect(anchor(cgtn, { ...h, quote: { ...h.quote, exact: '' } }).status).toBe('orphaned');
  });

  it('keeps an ambiguous place below MOVED_THRESHOLD and above UNCERTAIN_THRESHOLD', () => {
    // anchor() caps an ambiguous confidence at MOVED − RIVAL_GAP + gap: that must stay ≥ UNCERTAIN.
    expect(MOVED_THRESHOLD - RIVAL_GAP).toBeGreaterThanOrEqual(UNCERTAIN_THRESHOLD);
  });
});

describe('anchor, property-based', () => {
  const article = fc.constantFrom(...corpus);

  it('places every highlight of an unchanged article where it was', () => {
    fc.assert(
      fc.property(article, fc.integer(), fc.boolean(), (a, seed, hashMatches) => {
        const random = seeded(seed);
        for (let i = 0; i < 10; i++) {
          const span = randomSpan(a.blocks, random);
          const result = anchor(a.text, anchoring.describe(a.text, span.start, span.end), {
            hashMatches,
          });
          expect(result).toEqual({ status: 'anchored', ...span, confidence: 1 });
        }
      }),
      { numRuns: 50 },
    );
  });

  it('never places a highlight on the wrong text without asking', () => {
    fc.assert(
      fc.property(
        article,
        fc.integer(),
        fc.constantFrom(0, 0.01, 0.05, 0.15, 0.25),
        (a, seed, rate) => {
          const random = seeded(seed);
          const spans = Array.from({ length: 20 }, () => randomSpan(a.blocks, random));
          const stored = spans.map((s) => anchoring.describe(a.text, s.start, s.end));
          const edited = editText(a.text, spans, rate, random);
          stored.forEach((s, i) => {
            const result = anchor(edited.text, s);
            if (result.status === 'orphaned') return;
            expect(result.start).toBeGreaterThanOrEqual(0);
            expect(result.end).toBeLessThanOrEqual(edited.text.length);
            if (result.status === 'uncertain') return;
            const overlap = overlapShare(edited.spans[i], {
              start: result.start!,
              end: result.end!,
            });
            expect(overlap, `${a.id} seed ${seed} rate ${rate} #${i}`).toBeGreaterThanOrEqual(0.5);
          });
        },
      ),
      {
        numRuns: 60,
        examples: [
          // Once placed silently on a word-for-word repeat of the sentence (see EXACT_RIVAL_GAP).
          [corpus.find((c) => c.id === 'cgtn')!, 2126145764, 0.25],
          // Once failed on the simulation's truth: a word inserted before its own twin, the twin
          // deleted (simulate.ts no longer makes that edit).
          [corpus.find((c) => c.id === 'taihe')!, 576678587, 0.25],
        ],
      },
    );
  });
});
