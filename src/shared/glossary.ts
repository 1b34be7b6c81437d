import { z } from 'zod';
import { articleIdSchema } from './article';

/**
 * The glossary, study notes and source comparison in resources/glossary/: written by us, in our
 * own words, each claim resting on passages quoted verbatim from the curated corpus.
 */

export const GLOSSARY_CATEGORIES = [
  'concept', // the concept itself and how it is built
  'policy', // policy vocabulary and slogans
  'industry', // industry categories
  'strategy', // named strategies, plans and institutions
  'people-places', // people and places the articles rely on
] as const;
export type GlossaryCategory = (typeof GLOSSARY_CATEGORIES)[number];

export const CATEGORY_LABEL: Record<GlossaryCategory, string> = {
  concept: 'The concept and its parts',
  policy: 'Policy vocabulary',
  industry: 'Industries',
  strategy: 'Strategies and institutions',
  'people-places': 'People and places',
};

const termIdSchema = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'not a glossary id');

/** A passage an entry rests on: `quote` must occur verbatim in the article's canonical text. */
export const citationSchema = z
  .object({ articleId: articleIdSchema, quote: z.string().min(12).max(400) })
  .strict();
export type Citation = z.infer<typeof citationSchema>;

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;
/** Tone-marked pinyin: letters, spaces, apostrophes and hyphens, with at least one tone mark. */
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;

export const glossaryEntrySchema = z
  .object({
    id: termIdSchema,
    term: z.string().min(2).max(80),
    /** Other spellings matched in the text (case-insensitive, whole words; plurals and
     * possessives are matched automatically, so do not list them). */
    aliases: z.array(z.string().min(2).max(80)).max(12),
    /** Simplified characters, for Chinese policy terms. */
    chinese: z
      .string()
      .regex(/^[\u3400-\u9fff·“”、]+$/u, 'simplified Chinese characters only')
      .optional(),
    /** Tone-marked pinyin, required with `chinese`. */
    pinyin: z
      .string()
      .regex(/^[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü' -]+$/u)
      .refine((p) => TONE_MARK.test(p), 'pinyin needs tone marks')
      .optional(),
    category: z.enum(GLOSSARY_CATEGORIES),
    /** Our own words, 40–120 words, accurate to the corpus. */
    definition: z
      .string()
      .refine((d) => words(d) >= 40 && words(d) <= 120, 'a definition has 40–120 words'),
    citations: z.array(citationSchema).min(1).max(3),
    related: z.array(termIdSchema).max(8),
    /** Where the sources frame the term differently: how (our words). */
    framing: z.string().max(600).optional(),
  })
  .strict()
  .refine((e) => (e.chinese === undefined) === (e.pinyin === undefined), {
    message: 'chinese and pinyin go together',
  });
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

export const glossarySchema = z.array(glossaryEntrySchema).min(50);

/** Our study notes for one article, shown in "About this article". */
export const studyNoteSchema = z
  .object({
    articleId: articleIdSchema,
    /** What kind of source it is, who the author and publisher are (our words). */
    source: z.string().min(40).max(900),
    summary: z.array(z.string().min(20).max(400)).min(3).max(5),
    /** Glossary ids of the key terms the article introduces. */
    keyTerms: z.array(termIdSchema).min(3).max(12),
    questions: z.array(z.string().min(20).max(300)).length(3),
  })
  .strict();
export type StudyNote = z.infer<typeof studyNoteSchema>;

/** How one article characterises new quality productive forces, for the comparison view. */
export const comparisonSchema = z
  .object({
    articleId: articleIdSchema,
    /** A short label for its angle, e.g. "A theory of productive forces". */
    angle: z.string().min(5).max(80),
    /** Our summary of its characterisation, 40–150 words. */
    characterisation: z.string().refine((d) => words(d) >= 40 && words(d) <= 150, '40–150 words'),
    /** 2–4 quotes that show it, verbatim. */
    quotes: z.array(z.string().min(12).max(400)).min(2).max(4),
  })
  .strict();
export type Comparison = z.infer<typeof comparisonSchema>;

/** An entry as the app shows it: with how often it occurs in each article. */
export interface GlossaryItem extends Omit<GlossaryEntry, 'citations'> {
  /** Each citation with where its quote is in the article (UTF-16 offsets). */
  citations: (Citation & { start: number; end: number })[];
  /** Occurrences per article id (articles without any are absent). */
  counts: Record<string, number>;
  total: number;
}

/** One occurrence in context (keyword in context), about 60 characters each side. */
export interface ContextLine {
  articleId: string;
  blockId: string;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

export const glossaryIdSchema = termIdSchema;

/** A comparison quote with where it is in its article, to open the reader there. */
export interface PlacedQuote {
  text: string;
  start: number;
  end: number;
}
export interface ComparisonItem extends Omit<Comparison, 'quotes'> {
  quotes: PlacedQuote[];
}
