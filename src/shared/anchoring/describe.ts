import { AnchorError, type Anchor } from './types';

/** How much context a TextQuoteSelector keeps on each side, in UTF-16 code units. */
export const CONTEXT_LENGTH = 32;

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** True when offset `i` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/** Selectors for text[start, end) of an article's canonical text. Throws AnchorError. */
export function describe(text: string, start: number, end: number): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new AnchorError('out_of_range', 'Positions must be whole numbers.');
  }
  if (start < 0 || end > text.length || start > end) {
    throw new AnchorError(
      'out_of_range',
      `The range ${start}–${end} is outside the text (0–${text.length}).`,
    );
  }
  if (start === end) throw new AnchorError('empty', 'The selection is empty.');
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new AnchorError(
      'splits_surrogate_pair',
      'The selection starts or ends inside a character (a surrogate pair).',
    );
  }
  const exact = text.slice(start, end);
  if (exact.trim() === '')
    throw new AnchorError('whitespace_only', 'The selection is only spaces.');

  // Context is cut at whole characters, so it may be one code unit shorter than 32.
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
