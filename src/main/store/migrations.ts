import { z } from 'zod';
import { StoreError } from './errors';
import { CURRENT_SCHEMA_VERSION, parseStoreData, repairSettings, type StoreData } from './schema';

type JsonObject = Record<string, unknown>;

export interface Migration {
  from: number;
  to: number;
  /** Receives a plain object at version `from`; returns the data at version `to`. Must keep
   * fields it does not know about. The runner stamps `schemaVersion: to` on the result. */
  migrate(data: JsonObject): unknown;
}

export interface MigrationPlan<T> {
  migrations: readonly Migration[];
  currentVersion: number;
  /** Validates data at `currentVersion`; throws (a ZodError or anything) when it does not. */
  parse(data: unknown): T;
}

export interface MigrationResult<T> {
  data: T;
  migrated: boolean;
  fromVersion: number;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The preferences a version-0 file kept at its top level. */
const SETTING_KEYS = ['theme', 'fontSize', 'lineHeight', 'columnWidth'];

/**
 * Version 0 is the pre-release file, which had no schemaVersion: settings lived at the top level,
 * reading progress was `readingProgress` with no `maxPercent`, the window was `window`, and there
 * was no trash. Anything else at the top level is kept as it is.
 */
function v0ToV1(data: JsonObject): JsonObject {
  const { schemaVersion, readingProgress, window, ...rest } = data;
  void schemaVersion; // replaced by the runner
  const settings: JsonObject = {};
  for (const key of SETTING_KEYS) {
    if (key in rest) settings[key] = rest[key];
    delete rest[key];
  }
  const progress: JsonObject = {};
  if (isObject(readingProgress)) {
    for (const [id, entry] of Object.entries(readingProgress)) {
      progress[id] = isObject(entry) ? { maxPercent: entry.percent, ...entry } : entry;
    }
  }
  return {
    ...rest,
    settings: repairSettings(settings), // a value this version refuses gets its default
    progress,
    windowState: window ?? null,
    highlights: rest.highlights ?? [],
    cards: rest.cards ?? [],
    trash: rest.trash ?? [],
  };
}

export const migrations: readonly Migration[] = [{ from: 0, to: 1, migrate: v0ToV1 }];

function describeParseError(error: unknown): string {
  if (error instanceof z.ZodError) {
    return error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Brings `raw` (freshly parsed JSON) up to `plan.currentVersion`, one step at a time, then
 * validates it. Never downgrades: a newer version is refused with code `unknown_version`.
 * Steps may mutate the object they receive.
 */
export function runMigrations<T>(raw: unknown, plan: MigrationPlan<T>): MigrationResult<T> {
  if (!isObject(raw)) {
    const kind = raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw;
    throw new StoreError('not_an_object', `expected an object, found ${kind}`);
  }
  const declared = raw.schemaVersion ?? 0; // no schemaVersion: the pre-release format
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0) {
    throw new StoreError('invalid', `schemaVersion is not a version number: ${String(declared)}`);
  }
  if (declared > plan.currentVersion) {
    throw new StoreError(
      'unknown_version',
      `schemaVersion ${declared} is newer than this version knows (${plan.currentVersion})`,
    );
  }
  let data: JsonObject = raw;
  let version = declared;
  while (version < plan.currentVersion) {
    const step = plan.migrations.find((m) => m.from === version);
    if (!step || step.to <= version || step.to > plan.currentVersion) {
      throw new StoreError('missing_migration', `no migration from schemaVersion ${version}`);
    }
    const next = step.migrate(data);
    if (!isObject(next)) {
      throw new StoreError('invalid', `migration ${step.from} → ${step.to} returned no object`);
    }
    data = { ...next, schemaVersion: step.to };
    version = step.to;
  }
  try {
    return { data: plan.parse(data), migrated: version !== declared, fromVersion: declared };
  } catch (error) {
    throw new StoreError('invalid', describeParseError(error), { cause: error });
  }
}

export const storePlan: MigrationPlan<StoreData> = {
  migrations,
  currentVersion: CURRENT_SCHEMA_VERSION,
  parse: parseStoreData,
};

/** Migrates and validates the store file's parsed JSON. Throws StoreError. */
export function migrate(raw: unknown): MigrationResult<StoreData> {
  return runMigrations(raw, storePlan);
}
