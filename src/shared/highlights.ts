import { z } from 'zod';

/** Highlights: W3C Web Annotation selectors plus our own fields. */

export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type Color = (typeof COLORS)[number];

export const LIMITS = {
  quote: 20_000,
  context: 32,
  note: 100_000,
  tags: 50,
  tag: 100,
} as const;

export const textQuoteSelectorSchema = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z
      .string()
      .max(
        LIMITS.quote,
        `A highlight can hold at most ${LIMITS.quote.toLocaleString('en')} characters.`,
      )
      .refine((s) => s.trim().length > 0, 'The quote is empty.'),
    prefix: z.string().max(LIMITS.context),
    suffix: z.string().max(LIMITS.context),
  })
  .strict();
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;

/** Offsets in the article's canonical text, in UTF-16 code units (what JavaScript strings index). */
export const textPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .strict()
  .refine((p) => p.end > p.start, 'The position ends before it starts.');
export type TextPositionSelector = z.infer<typeof textPositionSelectorSchema>;

const tagSchema = z
  .string()
  .trim()
  .min(1, 'A tag cannot be empty.')
  .max(LIMITS.tag, `A tag can be at most ${LIMITS.tag} characters.`);
export const tagsSchema = z
  .array(tagSchema)
  .max(LIMITS.tags, `A highlight can have at most ${LIMITS.tags} tags.`);
export const noteSchema = z
  .string()
  .max(LIMITS.note, `A note can be at most ${LIMITS.note.toLocaleString('en')} characters.`);
export const colorSchema = z.enum(COLORS, {
  error: `The colour must be one of ${COLORS.join(', ')}.`,
});
export const highlightIdSchema = z.string().regex(/^h-[0-9a-z-]{6,64}$/, 'not a highlight id');

export type { AnchorStatus } from './anchoring';
import type { AnchorStatus } from './anchoring';
import type { CardRecord } from './cards';

/** A highlight as stored. */
export interface Highlight {
  id: string;
  articleId: string;
  /** SHA-256 of the article's canonical text when the selectors were last placed. */
  contentHash: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: Color;
  note: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

/** A highlight as the app shows it: where it lands in the current text, and how sure we are. */
export interface PlacedHighlight extends Highlight {
  status: AnchorStatus;
  /** Current offsets; absent when orphaned. */
  start?: number;
  end?: number;
  /** 0..1: how sure re-anchoring is (1 when placed by position with its context intact). */
  confidence: number;
}

/** A highlight that has a place in the current text. */
export const isPlaced = (
  h: PlacedHighlight,
): h is PlacedHighlight & { start: number; end: number } =>
  h.start !== undefined && h.end !== undefined;

/** Days the Trash keeps what was deleted; older entries are removed when the app starts. */
export const TRASH_DAYS = 30;

/** A deleted highlight or card, kept for TRASH_DAYS and restorable. Its id is the item's. */
export type TrashEntry =
  | { id: string; kind: 'highlight'; deletedAt: string; item: Highlight }
  | { id: string; kind: 'card'; deletedAt: string; item: CardRecord };

/** What the Library and the tag box need of every highlight. */
export interface HighlightSummary {
  /** Every tag in use (distinctTags). */
  tags: string[];
  /** Highlights, and those with a note, per article id. */
  byArticle: Record<string, { highlights: number; notes: number }>;
}

/** Every tag in use, sorted, spelled as first seen (tags compare case-insensitively). */
export function distinctTags(highlights: Iterable<{ tags: readonly string[] }>): string[] {
  const tags = new Map<string, string>();
  for (const h of highlights) {
    for (const t of h.tags) {
      if (!tags.has(t.toLocaleLowerCase())) tags.set(t.toLocaleLowerCase(), t);
    }
  }
  return [...tags.values()].sort((a, b) => a.localeCompare(b));
}

/** Characters start to end (exclusive) of an article's canonical text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The union of spans, as the fewest spans covering the same characters, in order: touching or
 * overlapping spans become one. Painting one colour, the browser draws the union anyway, and
 * each span it is given costs it work on every change to the page.
 */
export function unionOfSpans(spans: Iterable<Span>): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const union: Span[] = [];
  for (const { start, end } of sorted) {
    const last = union.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else union.push({ start, end });
  }
  return union;
}
