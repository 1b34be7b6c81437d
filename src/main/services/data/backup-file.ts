import { z } from 'zod';
import { AppError } from '../../../shared/api';
import { articleIdSchema } from '../../../shared/article';
import {
  CARD_KINDS,
  CARD_STATES,
  DECKS,
  cardIdSchema,
  ratingSchema,
  type CardRecord,
  type ReviewLogEntry,
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
import { settingsSchema, type ReadingProgress, type Settings } from '../../../shared/settings';
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

export const reviewEntrySchema = z
  .object({
    id: z.string().min(1).max(100),
    cardId: cardIdSchema,
    at: epoch,
    rating: ratingSchema,
    durationMs: z.number().int().min(0),
    before: scheduleSchema,
    after: scheduleSchema,
  })
  .strict() satisfies z.ZodType<ReviewLogEntry>;

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
        settings: settingsSchema,
        progress: progressMapSchema,
        highlights: z.array(highlightRecordSchema),
        cards: z.array(cardRecordSchema),
        trash: z.array(trashEntrySchema),
      })
      .strict(),
    reviews: z.array(reviewEntrySchema),
  })
  .strict();

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

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * JSON.parse that refuses keys which could reach an object's prototype when copied (none of
 * ours is named so), with a message for people. Throws an AppError `invalid_input`.
 */
export function parseUntrustedJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return value;
    });
  } catch (error) {
    if (error instanceof ForbiddenKey) {
      throw new AppError(
        'invalid_input',
        `${what} contains the key "${error.key}", which is not allowed. Nothing was changed.`,
      );
    }
    throw new AppError(
      'invalid_input',
      `${what} is not valid JSON (it may be cut short or not a JSON file). Nothing was changed.`,
    );
  }
}

class ForbiddenKey extends Error {
  constructor(readonly key: string) {
    super(key);
  }
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
  const backup = parsed.data as Backup;
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
