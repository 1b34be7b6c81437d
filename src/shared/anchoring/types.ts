/**
 * W3C Web Annotation selectors as we store them, and the outcome of re-anchoring.
 *
 * Positions count **UTF-16 code units** in the article's canonical text (the blocks' texts joined
 * by the block separator, see `parseBlocks`): the unit JavaScript strings index, so `'😀'` counts 2
 * and `'新'` counts 1. W3C leaves the unit open; whoever imports or exports selectors must convert.
 */

/** The quoted text plus up to 32 code units of context on each side (less at the text's ends). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Half-open range [start, end) in UTF-16 code units of the canonical text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface Anchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * - `anchored`: found at its stored position.
 * - `moved`: found elsewhere, with enough confidence to show it without asking.
 * - `uncertain`: a plausible place was found; the user confirms it with one click.
 * - `orphaned`: nowhere to put it; it stays listed with its quote (no start/end).
 */
export type AnchorStatus = 'anchored' | 'moved' | 'uncertain' | 'orphaned';

export interface AnchorResult {
  status: AnchorStatus;
  start?: number;
  end?: number;
  /** 0..1; 1 for an exact placement with its context intact. */
  confidence: number;
}

export interface AnchorOptions {
  /** The article's content hash equals the one stored with the highlight. */
  hashMatches?: boolean;
}

export type AnchorErrorCode =
  'out_of_range' | 'empty' | 'whitespace_only' | 'splits_surrogate_pair';

export class AnchorError extends Error {
  override readonly name = 'AnchorError';
  constructor(
    readonly code: AnchorErrorCode,
    message: string,
  ) {
    super(message);
  }
}
