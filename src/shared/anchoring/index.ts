/** Text anchoring: W3C selectors for a span of an article, and re-anchoring them after edits. */
export { anchor, MOVED_THRESHOLD, RIVAL_GAP, UNCERTAIN_THRESHOLD } from './anchor';
export { CONTEXT_LENGTH, describe } from './describe';
export {
  AnchorError,
  type Anchor,
  type AnchorErrorCode,
  type AnchorOptions,
  type AnchorResult,
  type AnchorStatus,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './types';
