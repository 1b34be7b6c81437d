import { z } from 'zod';

/** An article id as it crosses IPC or appears in data files. */
export const articleIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'not an article id');

export const ARTICLE_KINDS = ['official', 'think-tank', 'media'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/** Front matter of a curated article (resources/corpus/*.md). */
export const articleMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  titleEditorial: z.boolean(),
  author: z.string().min(1),
  authorNote: z.string(),
  publisher: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  source: z.string().min(1),
  kind: z.enum(ARTICLE_KINDS),
  about: z.string().min(1),
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'quote' | 'footnote';

/** One addressable unit of an article: what the reader renders and highlights anchor to. */
export interface Block {
  /** Stable within one corpus version: `b<ordinal>`. Footnotes are `fn-<label>`. */
  id: string;
  kind: BlockKind;
  /** Heading level (2–4) for headings. */
  level?: number;
  /** Consecutive list items / quote paragraphs share a group so the renderer can wrap them. */
  group?: { id: number; tag: 'ul' | 'ol' | 'blockquote' };
  /** Footnote label, for footnote blocks. */
  footnote?: string;
  /** Inline HTML produced by marked (the renderer sanitises it again before use). */
  html: string;
  /** Canonical text: exactly the DOM textContent of the rendered block. */
  text: string;
  /** Offset of `text` in the article's canonical text (UTF-16 code units). */
  start: number;
}

export interface TocEntry {
  blockId: string;
  level: number;
  text: string;
}

export interface ArticleSummary extends ArticleMeta {
  words: number;
  readingMinutes: number;
  sections: number;
}

export interface Article extends ArticleSummary {
  blocks: Block[];
  toc: TocEntry[];
  /** SHA-256 of the canonical text: highlights check it before trusting stored positions. */
  contentHash: string;
}

/** Blocks are joined with this separator to form the article's canonical text. */
export const BLOCK_SEPARATOR = '\n\n';

export const READING_WPM = 230;
