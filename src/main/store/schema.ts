import { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  readingPositionSchema,
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
export const storeRecordSchema = z.looseObject({ id: z.string().min(1) });
export type StoreRecord = { id: string; [key: string]: unknown };

export const progressSchema = readingPositionSchema
  .extend({ maxPercent: z.number().min(0).max(100), updatedAt: z.string() })
  .loose();

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

export const storeDataSchema = z.looseObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  settings: settingsSchema.loose(),
  progress: z.record(z.string(), progressSchema),
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
    settings: { ...DEFAULT_SETTINGS },
    progress: {},
    windowState: null,
    highlights: [],
    cards: [],
    trash: [],
  };
}
