import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as anchoring from '../../../src/shared/anchoring';
import { AnchorError, CONTEXT_LENGTH } from '../../../src/shared/anchoring';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (error) {
    if (error instanceof AnchorError) return error.code;
    throw error;
  }
  return undefined;
};

describe('describe', () => {
  const text =
    'New quality productive forces represent the development direction of advanced productive ' +
    'forces. They embody what is inherently required to achieve high-quality development.';

  it('quotes the span with 32 code units of context on each side', () => {
    const start = text.indexOf('development direction');
    const end = start + 'development direction'.length;
    const a = anchoring.describe(text, start, end);
    expect(a.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'development direction',
      prefix: text.slice(start - 32, start),
      suffix: text.slice(end, end + 32),
    });
    expect(a.quote.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(a.quote.suffix).toHaveLength(CONTEXT_LENGTH);
    expect(a.position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('keeps less context at the ends of the text', () => {
    const first = anchoring.describe(text, 0, 3);
    expect(first.quote.prefix).toBe('');
    expect(first.quote.suffix).toBe(text.slice(3, 35));
    const last = anchoring.describe(text, text.length - 12, text.length);
    expect(last.quote.exact).toBe('development.');
    expect(last.quote.suffix).toBe('');
    expect(last.quote.prefix).toBe(text.slice(text.length - 44, text.length - 12));
    const near = anchoring.describe(text, 5, 12);
    expect(near.quote.prefix).toBe('New q');
    const all = anchoring.describe(text, 0, text.length);
    expect([all.quote.prefix, all.quote.suffix]).toEqual(['', '']);
  });

  it('counts UTF-16 code units: an emoji is 2, a Chinese character 1', () => {
    const emoji = 'Great 😀 news';
    const a = anchoring.describe(emoji, 6, 8);
    expect(a.quote.exact).toBe('😀');
    expect(a.position).toMatchObject({ start: 6, end: 8 });
    expect(a.quote.suffix).toBe(' news');

    const cjk = '发展新质生产力是推动高质量发展的内在要求';
    const start = cjk.indexOf('新质生产力');
    expect(start).toBe(2);
    const b = anchoring.describe(cjk, start, start + 5);
    expect(b.quote.exact).toBe('新质生产力');
    expect(b.position).toMatchObject({ start: 2, end: 7 });
    expect(b.quote.prefix).toBe('发展');
  });

  it('refuses to split a surrogate pair, in the span or at its context edge', () => {
    const emoji = 'Great 😀 news';
    expect(code(() => anchoring.describe(emoji, 7, 9))).toBe('splits_surrogate_pair');
    expect(code(() => anchoring.describe(emoji, 0, 7))).toBe('splits_surrogate_pair');
    // The context stops short of a pair it would cut: 31 code units, not half an emoji.
    const padded = `😀${'x'.repeat(31)}quote`;
    const a = anchoring.describe(padded, 33, 38);
    expect(a.quote.prefix).toBe('x'.repeat(31));
    const tail = `quote${'y'.repeat(31)}😀`;
    expect(anchoring.describe(tail, 0, 5).quote.suffix).toBe('y'.repeat(31));
  });

  it('rejects bad ranges with a coded AnchorError', () => {
    expect(code(() => anchoring.describe(text, -1, 4))).toBe('out_of_range');
    expect(code(() => anchoring.describe(text, 0, text.length + 1))).toBe('out_of_range');
    expect(code(() => anchoring.describe(text, 9, 4))).toBe('out_of_range');
    expect(code(() => anchoring.describe(text, 1.5, 4))).toBe('out_of_range');
    expect(code(() => anchoring.describe(text, 0, Number.NaN))).toBe('out_of_range');
    expect(code(() => anchoring.describe(text, 4, 4))).toBe('empty');
    expect(code(() => anchoring.describe('a \u00a0\n b', 1, 5))).toBe('whitespace_only');
    expect(code(() => anchoring.describe('', 0, 0))).toBe('empty');
  });

  it('always quotes exactly the span and the text around it', () => {
    const chars = fc.constantFrom('a', 'b', ' ', '\n', '新', '😀', 'é');
    fc.assert(
      fc.property(
        fc.array(chars, { minLength: 1, maxLength: 80 }).map((a) => a.join('')),
        fc.nat(),
        fc.nat(),
        (s, i, j) => {
          const start = i % (s.length + 1);
          const end = start + (j % (s.length - start + 1));
          const outcome = code(() => anchoring.describe(s, start, end));
          if (outcome !== undefined) return;
          const { quote } = anchoring.describe(s, start, end);
          expect(quote.exact).toBe(s.slice(start, end));
          expect(s.slice(start - quote.prefix.length, start)).toBe(quote.prefix);
          expect(s.slice(end, end + quote.suffix.length)).toBe(quote.suffix);
          expect(quote.prefix.length).toBeGreaterThanOrEqual(Math.min(start, CONTEXT_LENGTH - 1));
          expect(quote.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
          expect(quote.suffix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        },
      ),
    );
  });
});
