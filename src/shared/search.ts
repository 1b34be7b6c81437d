import { z } from 'zod';
import { articleIdSchema } from './article';
import { colorSchema, type Color } from './highlights';

/** What search finds. */
export const SEARCH_KINDS = ['term', 'passage', 'note', 'card'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABEL: Record<SearchKind, string> = {
  term: 'Glossary',
  passage: 'Passages',
  note: 'Highlights and notes',
  card: 'Cards',
};

/** Text with the matched words marked. Rendered as text and <mark>, never as HTML. */
export type Snippet = { text: string; mark?: boolean }[];

/** Where a result leads. */
export type SearchTarget =
  | { kind: 'passage'; articleId: string; start: number; end: number }
  | { kind: 'term'; termId: string }
  | { kind: 'note'; articleId: string; highlightId: string }
  | { kind: 'card'; cardId: string };

export interface SearchHit {
  key: string;
  kind: SearchKind;
  /** A passage's or note's article title, a term's Chinese and pinyin, a card's deck. */
  context: string;
  title: Snippet;
  /** More text around the match (a definition, a note, a card's back); may be empty. */
  snippet: Snippet;
  target: SearchTarget;
  color?: Color;
  tags?: string[];
}

export interface SearchResults {
  hits: SearchHit[];
  /** False when nothing had every word and these hits match only some. */
  complete: boolean;
}

export const SEARCH_LIMITS = { query: 300, results: 200, perKind: 50 } as const;

export const searchQuerySchema = z
  .object({
    query: z
      .string()
      .max(SEARCH_LIMITS.query, `A search can be at most ${SEARCH_LIMITS.query} characters.`),
    kinds: z.array(z.enum(SEARCH_KINDS)).min(1).max(SEARCH_KINDS.length).optional(),
    articleId: articleIdSchema.optional(),
    color: colorSchema.optional(),
    tag: z.string().trim().min(1).max(100).optional(),
    limit: z.number().int().min(1).max(SEARCH_LIMITS.results).optional(),
    perKind: z.number().int().min(1).max(SEARCH_LIMITS.perKind).optional(),
  })
  .strict();
export type SearchQuery = z.input<typeof searchQuerySchema>;
