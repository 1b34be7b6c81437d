import { z } from 'zod';
import { stepSchema } from './cards';
import { COLORS } from './highlights';

/** Reader and app preferences. Shared by main (validation, storage) and renderer (UI). */
export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export type Theme = (typeof THEMES)[number];

export const FONT_SIZE = { min: 14, max: 28, step: 1, default: 18 } as const;
export const LINE_HEIGHT = { min: 1.3, max: 2.1, step: 0.1, default: 1.7 } as const;
/** Width of the reading column in `ch`. */
export const COLUMN_WIDTH = { min: 50, max: 90, step: 5, default: 68 } as const;

export const COLOR_NAME_MAX = 40;

/** Glossary terms marked in the text: none, the first of each term in each section, or all. */
export const TERM_MARKS = ['off', 'first', 'all'] as const;
export type TermMarks = (typeof TERM_MARKS)[number];

/** Desired retention: FSRS schedules each review for when recall has fallen to this. */
export const RETENTION = { min: 0.7, max: 0.99, step: 0.01, default: 0.9 } as const;
export const DAILY_LIMIT_MAX = 9999;

const steps = z.array(stepSchema).max(10, 'At most 10 steps.');
const dailyLimit = z.number().int().min(0).max(DAILY_LIMIT_MAX);

export const settingsSchema = z.object({
  theme: z.enum(THEMES),
  fontSize: z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max),
  lineHeight: z.number().min(LINE_HEIGHT.min).max(LINE_HEIGHT.max),
  columnWidth: z.number().int().min(COLUMN_WIDTH.min).max(COLUMN_WIDTH.max),
  /** The colour `h` highlights with: the one used last. */
  highlightColor: z.enum(COLORS),
  /** What each colour means to the user ("Key idea", "Evidence"…), renamed in the settings. */
  colorNames: z.object(
    Object.fromEntries(
      COLORS.map((c) => [
        c,
        z
          .string()
          .trim()
          .max(COLOR_NAME_MAX, `A colour name can be at most ${COLOR_NAME_MAX} characters.`),
      ]),
    ) as Record<(typeof COLORS)[number], z.ZodString>,
  ),
  termMarks: z.enum(TERM_MARKS),
  /** The article open at quit, reopened at the next start; null for the Library. */
  lastArticleId: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .nullable(),
  desiredRetention: z.number().min(RETENTION.min).max(RETENTION.max),
  learningSteps: steps,
  relearningSteps: steps,
  newPerDay: dailyLimit,
  reviewsPerDay: dailyLimit,
  /** Which key-term cards are in the deck: term → definition, and 汉字 → term + pinyin. */
  termCardsDefinition: z.boolean(),
  termCardsChinese: z.boolean(),
  /** The welcome tour has been seen (closed or finished) and is not shown at start again. */
  tourDone: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  fontSize: FONT_SIZE.default,
  lineHeight: LINE_HEIGHT.default,
  columnWidth: COLUMN_WIDTH.default,
  lastArticleId: null,
  highlightColor: 'yellow',
  termMarks: 'first',
  colorNames: {
    yellow: 'Key idea',
    green: 'Evidence',
    blue: 'Term',
    pink: 'Question',
    purple: 'Follow up',
  },
  desiredRetention: RETENTION.default,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  newPerDay: 20,
  reviewsPerDay: 200,
  termCardsDefinition: true,
  termCardsChinese: true,
  tourDone: false,
};

/** Where the reader was in one article: the block at the top of the viewport. */
export const readingPositionSchema = z.object({
  blockId: z.string().min(1).max(200),
  /** 0–100: how far through the article the reader has scrolled (furthest point is kept by the service). */
  percent: z.number().min(0).max(100),
});
export type ReadingPosition = z.infer<typeof readingPositionSchema>;

export interface ReadingProgress extends ReadingPosition {
  /** Furthest point ever reached, 0–100. */
  maxPercent: number;
  updatedAt: string;
}
