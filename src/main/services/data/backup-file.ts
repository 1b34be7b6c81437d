import { z } from 'zod';
import { AppError } from '../../../shared/api';
import { articleIdSchema } from '../../../shared/article';
import {
  CARD_KINDS,
  CARD_STATES,
  DECKS,
  cardIdSchema,
  type CardRecord,
  type CardState,
  type ReviewLogEntry,
  type Schedule,
} from '../../../shared/cards';
import {
  colorSchema,
  highlightIdSchema,
  noteSchema,
  tagsSchema,
  textPositionSelectorSchema,
  textQuoteSelectorSchema,
  type Highlight,
  type TrashEntry,
} from '../../../shared/highlights';
import {
  DEFAULT_SETTINGS,
  settingsSchema,
  type ReadingProgress,
  type Settings,
} from '../../../shared/settings';
import { progressMapSchema } from '../../store/schema';

/**
 * The full backup: every piece of user data in one JSON file — settings, reading progress,
 * highlights, cards, the Trash and the review log — with what made it and when. Restoring
 * validates all of it first (this schema, strict: a file this version would misread is refused
 * rather than half-read) and changes nothing unless all of it is good.
 */
export const BACKUP_FORMAT = 'xinzhi-backup';
export const BACKUP_SCHEMA_VERSION = 1;
/** Larger files are refused before they are read: a year of heavy use is a few MB. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

const isoTime = z.iso.datetime({ offset: true, error: 'not a date and time (ISO 8601)' });
const epoch = z.number().int().nonnegative();

const scheduleSchema = z
  .object({
    due: epoch,
    stability: z.number().nonnegative(),
    difficulty: z.number().nonnegative(),
    elapsedDays: z.number().nonnegative(),
    scheduledDays: z.number().nonnegative(),
    learningSteps: z.number().int().nonnegative(),
    reps: z.number().int().nonnegative(),
    lapses: z.number().int().nonnegative(),
    state: z.enum(CARD_STATES),
    lastReview: epoch.nullable(),
  })
  .strict();

export const highlightRecordSchema = z
  .object({
    id: highlightIdSchema,
    articleId: articleIdSchema,
    contentHash: z.string().max(128),
    quote: textQuoteSelectorSchema,
    position: textPositionSelectorSchema,
    color: colorSchema,
    note: noteSchema,
    tags: tagsSchema,
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .strict() satisfies z.ZodType<Highlight>;

const cardSourceSchema = z
  .object({
    articleId: articleIdSchema,
    quote: textQuoteSelectorSchema,
    position: textPositionSelectorSchema,
    contentHash: z.string().max(128),
    highlightId: highlightIdSchema.optional(),
  })
  .strict();

export const cardRecordSchema = z
  .object({
    id: cardIdSchema,
    deck: z.enum(DECKS),
    kind: z.enum(CARD_KINDS),
    noteId: z.string().min(1).max(100),
    front: z.string().max(20_000).optional(),
    back: z.string().max(20_000).optional(),
    cloze: z.string().max(20_000).optional(),
    ord: z.number().int().min(1).max(100).optional(),
    extra: z.string().max(20_000).optional(),
    source: cardSourceSchema.nullable(),
    schedule: scheduleSchema,
    suspended: z.boolean(),
    leech: z.boolean(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .strict() satisfies z.ZodType<CardRecord>;

/*
 * Reviews are most of a backup (100,000 answers of two schedules each), so the file holds them
 * as columns, one array per field: half the size of a list of objects, and checked many times
 * faster (arrays of numbers are what a validator checks quickest).
 */
const SCHEDULE_FIELDS = [
  'due',
  'stability',
  'difficulty',
  'elapsedDays',
  'scheduledDays',
  'learningSteps',
  'reps',
  'lapses',
  'state',
  'lastReview',
] as const;
export const REVIEW_FORMAT = 'columns';
/** A column checked in one pass (a schema per element costs ~10× more on 100,000 rows). */
const column = <T>(test: (value: unknown) => boolean, what: string) =>
  z.custom<T[]>((v) => Array.isArray(v) && v.every(test), {
    message: `expected a list of ${what}`,
  });
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const isNonnegative = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const CARD_ID = /^[tzfc]-[0-9a-z-]{1,80}$/;
const counts = column<number>(isCount, 'whole numbers ≥ 0');
const nonnegatives = column<number>(isNonnegative, 'numbers ≥ 0');
const scheduleColumns = z
  .object({
    due: counts,
    stability: nonnegatives,
    difficulty: nonnegatives,
    elapsedDays: nonnegatives,
    scheduledDays: nonnegatives,
    learningSteps: counts,
    reps: counts,
    lapses: counts,
    state: column<CardState>((v) => (CARD_STATES as readonly unknown[]).includes(v), 'card states'),
    lastReview: column<number | null>((v) => v === null || isCount(v), 'times or nulls'),
  })
  .strict();
const reviewColumns = z
  .object({
    id: column<string>((v) => typeof v === 'string' && v.length > 0 && v.length <= 100, 'ids'),
    cardId: column<string>((v) => typeof v === 'string' && CARD_ID.test(v), 'card ids'),
    at: counts,
    rating: column<number>((v) => v === 1 || v === 2 || v === 3 || v === 4, 'ratings 1–4'),
    durationMs: counts,
    before: scheduleColumns,
    after: scheduleColumns,
  })
  .strict()
  .refine((c) => {
    const columns: unknown[][] = [c.cardId, c.at, c.rating, c.durationMs];
    columns.push(...Object.values(c.before), ...Object.values(c.after));
    return columns.every((list) => list.length === c.id.length);
  }, 'the review columns differ in length');
type ReviewColumns = z.infer<typeof reviewColumns>;
type ScheduleColumns = ReviewColumns['before'];

function toColumns(entries: readonly ReviewLogEntry[]): ReviewColumns {
  const schedules = (pick: (e: ReviewLogEntry) => Schedule) =>
    Object.fromEntries(
      SCHEDULE_FIELDS.map((f) => [f, entries.map((e) => pick(e)[f])]),
    ) as ScheduleColumns;
  return {
    id: entries.map((e) => e.id),
    cardId: entries.map((e) => e.cardId),
    at: entries.map((e) => e.at),
    rating: entries.map((e) => e.rating),
    durationMs: entries.map((e) => e.durationMs),
    before: schedules((e) => e.before),
    after: schedules((e) => e.after),
  };
}

function fromColumns(c: ReviewColumns): ReviewLogEntry[] {
  const schedule = (s: ScheduleColumns, i: number): Schedule => ({
    due: s.due[i]!,
    stability: s.stability[i]!,
    difficulty: s.difficulty[i]!,
    elapsedDays: s.elapsedDays[i]!,
    scheduledDays: s.scheduledDays[i]!,
    learningSteps: s.learningSteps[i]!,
    reps: s.reps[i]!,
    lapses: s.lapses[i]!,
    state: s.state[i]!,
    lastReview: s.lastReview[i]!,
  });
  return c.id.map((id, i) => ({
    id,
    cardId: c.cardId[i]!,
    at: c.at[i]!,
    rating: c.rating[i] as ReviewLogEntry['rating'],
    durationMs: c.durationMs[i]!,
    before: schedule(c.before, i),
    after: schedule(c.after, i),
  }));
}

const trashEntrySchema = z.discriminatedUnion('kind', [
  z
    .object({
      id: highlightIdSchema,
      kind: z.literal('highlight'),
      deletedAt: isoTime,
      item: highlightRecordSchema,
    })
    .strict(),
  z
    .object({
      id: cardIdSchema,
      kind: z.literal('card'),
      deletedAt: isoTime,
      item: cardRecordSchema,
    })
    .strict(),
]) satisfies z.ZodType<TrashEntry>;

export const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    schemaVersion: z.literal(BACKUP_SCHEMA_VERSION),
    appVersion: z.string().max(50),
    exportedAt: isoTime,
    data: z
      .object({
        // A setting added after the backup was made takes its default; a wrong value is refused.
        settings: settingsSchema
          .partial()
          .transform((given) => ({ ...DEFAULT_SETTINGS, ...given })),
        progress: progressMapSchema,
        highlights: z.array(highlightRecordSchema),
        cards: z.array(cardRecordSchema),
        trash: z.array(trashEntrySchema),
      })
      .strict(),
    reviewFormat: z.literal(REVIEW_FORMAT, {
      error: 'the reviews are laid out in a way this version does not know',
    }),
    reviews: reviewColumns,
  })
  .strict();

/** The file as written: the backup with its reviews as arrays. */
export function backupJson(backup: Backup): string {
  const { reviews, ...rest } = backup;
  return JSON.stringify({ ...rest, reviewFormat: REVIEW_FORMAT, reviews: toColumns(reviews) });
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: typeof BACKUP_SCHEMA_VERSION;
  appVersion: string;
  exportedAt: string;
  data: {
    settings: Settings;
    progress: Record<string, ReadingProgress>;
    highlights: Highlight[];
    cards: CardRecord[];
    trash: TrashEntry[];
  };
  reviews: ReviewLogEntry[];
}

/** A key that could reach an object's prototype when the data is copied (none of ours is). An
 * unescaped quote, the name, a quote and a colon: inside a JSON string the quotes would be
 * escaped. A search over the text is ~20× faster than a JSON.parse reviver on a large backup. */
const FORBIDDEN_KEY = /(?<!\\)"(__proto__|constructor|prototype)"\s*:/;

/** JSON.parse with a message for people, refusing keys that could reach a prototype. Throws an
 * AppError `invalid_input`. */
export function parseUntrustedJson(text: string, what: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError(
      'invalid_input',
      `${what} is not valid JSON (it may be cut short or not a JSON file). Nothing was changed.`,
    );
  }
  const forbidden = FORBIDDEN_KEY.exec(text);
  if (forbidden) {
    throw new AppError(
      'invalid_input',
      `${what} contains the key "${forbidden[1]}", which is not allowed. Nothing was changed.`,
    );
  }
  return value;
}

/** The backup in `value`, checked through and through; an AppError saying what is wrong. */
export function parseBackup(value: unknown, fileName: string): Backup {
  const probe = value as { format?: unknown; schemaVersion?: unknown } | null;
  if (typeof probe !== 'object' || probe === null || probe.format !== BACKUP_FORMAT) {
    throw new AppError('invalid_input', `${fileName} is not a Xinzhi backup. Nothing was changed.`);
  }
  if (probe.schemaVersion !== BACKUP_SCHEMA_VERSION) {
    throw new AppError(
      'invalid_input',
      `${fileName} was made by a version of Xinzhi with data format ${String(probe.schemaVersion)}; this version reads format ${BACKUP_SCHEMA_VERSION}. Nothing was changed.`,
    );
  }
  const parsed = backupSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError(
      'invalid_input',
      `${fileName} is damaged: ${issue.path.join('.') || 'the file'}: ${issue.message}. Nothing was changed.`,
    );
  }
  const { reviewFormat: _format, reviews, ...rest } = parsed.data;
  const backup = { ...rest, reviews: fromColumns(reviews) } as Backup;
  for (const [name, list] of [
    ['highlight', backup.data.highlights],
    ['card', backup.data.cards],
    ['Trash entry', backup.data.trash],
    ['review', backup.reviews],
  ] as const) {
    const duplicate = firstDuplicate(list.map((r) => r.id));
    if (duplicate) {
      throw new AppError(
        'invalid_input',
        `${fileName} has two of the ${name} "${duplicate}". Nothing was changed.`,
      );
    }
  }
  return backup;
}

function firstDuplicate(ids: string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}
