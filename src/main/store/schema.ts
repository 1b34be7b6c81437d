import { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  settingsSchema,
  type ReadingProgress,
  type Settings,
} from '../../shared/settings';

export const CURRENT_SCHEMA_VERSION = 1;

/*
 * Every object is parsed loosely: a file written by a newer version may carry fields this one
 * does not know, and they must survive read → write (zod strips them by default).
 */

/** Highlights, cards and trash entries belong to their services; the store only needs an id. */
export type StoreRecord = { id: string; [key: string]: unknown };

export function isStoreRecord(value: unknown): value is StoreRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { id } = value as { id?: unknown };
  return typeof id === 'string' && id.length > 0;
}

/** A predicate rather than z.looseObject: the collections are most of a large file, and this
 * checks 20,000 records in ~2 ms instead of ~30, keeping each object as it is (every field). */
export const storeRecordSchema = z.custom<StoreRecord>(isStoreRecord, {
  message: 'expected an object with a non-empty string id',
});

/**
 * Settings evolve in shared code, often without a schema bump: a preference that is missing or
 * no longer valid falls back to its default instead of condemning the whole file (and every
 * backup, which would fail the same way). Unknown keys are kept.
 */
export function repairSettings(value: unknown): Record<string, unknown> {
  const input = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  const settings: Record<string, unknown> = { ...input };
  for (const key of Object.keys(settingsSchema.shape) as (keyof Settings)[]) {
    if (!settingsSchema.shape[key].safeParse(settings[key]).success) {
      settings[key] = DEFAULT_SETTINGS[key];
    }
  }
  return settings;
}

/** Structure only: the IPC input rules (lengths, ranges) may tighten without making stored
 * progress unreadable. */
export const progressSchema = z.looseObject({
  blockId: z.string(),
  percent: z.number(),
  maxPercent: z.number(),
  updatedAt: z.string(),
});

export const windowStateSchema = z.looseObject({
  x: z.number().optional(),
  y: z.number().optional(),
  width: z.number(),
  height: z.number(),
  maximized: z.boolean(),
});
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const progressMapSchema = z.record(z.string(), progressSchema);

/** The last journal seq a snapshot contains: journal lines up to it are already in the file.
 * Optional with a default, so files written before the journal existed load unchanged. */
export const journalSeqSchema = z.number().int().nonnegative().default(0);

export const storeDataSchema = z.looseObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  journalSeq: journalSeqSchema,
  settings: z.preprocess(repairSettings, settingsSchema.loose()),
  progress: progressMapSchema,
  windowState: windowStateSchema.nullable(),
  highlights: z.array(storeRecordSchema),
  cards: z.array(storeRecordSchema),
  trash: z.array(storeRecordSchema),
});

/**
 * Written out rather than inferred so that services can assign their own `ReadingProgress`
 * (an interface) without fighting the index signatures a loose zod object infers.
 */
export interface StoreData {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  /** Owned by the store: the seq of the last journaled change applied to this data. */
  journalSeq: number;
  settings: Settings;
  progress: Record<string, ReadingProgress>;
  windowState: WindowState | null;
  highlights: StoreRecord[];
  cards: StoreRecord[];
  trash: StoreRecord[];
}

/** Validates current-version data; throws a ZodError. The return type checks the schema
 * and the interface above agree. */
export function parseStoreData(value: unknown): StoreData {
  return storeDataSchema.parse(value);
}

export function emptyStore(): StoreData {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    journalSeq: 0,
    settings: { ...DEFAULT_SETTINGS },
    progress: {},
    windowState: null,
    highlights: [],
    cards: [],
    trash: [],
  };
}
