import fs from 'node:fs/promises';
import path from 'node:path';
import { createRawBackup, fileTime, newestValidBackup } from './backups';
import { ensureDir, parseJson, readBytesIfExists } from './durable-file';
import { StoreError, hasErrno } from './errors';
import { migrate } from './migrations';
import { emptyStore, type StoreData } from './schema';
import type { RecoveryNotice } from '../../shared/api';

export type { RecoveryNotice };

export interface LoadedStore {
  data: StoreData;
  /** The main file must be (re)written: it was missing, migrated or replaced. */
  needsWrite: boolean;
  /** The data is not in any current-version backup yet (it was just migrated). */
  needsBackup: boolean;
  recovery: RecoveryNotice | null;
}

export interface LoadOptions {
  dataDir: string;
  file: string;
  now: number;
  retentionMs: number;
}

/**
 * Moves a damaged file beside itself, never over another file: `<stem>.damaged-<time>.json`
 * for the store file, `<name>.damaged-<time>` when `keepExtension` is false (the journal).
 */
export async function moveAside(file: string, now: number, keepExtension = true): Promise<string> {
  const ext = keepExtension ? path.extname(file) : '';
  const stem = path.basename(file, ext);
  const base = path.join(path.dirname(file), `${stem}.damaged-${fileTime(now)}`);
  for (let n = 0; ; n++) {
    const target = n === 0 ? `${base}${ext}` : `${base}-${n}${ext}`;
    try {
      await fs.access(target);
    } catch (error) {
      if (!hasErrno(error, 'ENOENT')) throw error;
      await fs.rename(file, target);
      return target;
    }
  }
}

function describeDamage(error: StoreError, file: string): string {
  const name = path.basename(file);
  if (error.code === 'unknown_version') {
    return `${name} was written by a newer version of Xinzhi: ${error.message}`;
  }
  return `${name} could not be read: ${error.message}`;
}

/**
 * Reads the store file at start-up. A stale .tmp from a crash mid-write is removed (rename is
 * atomic, so the real file is intact). Damage of any kind moves the file aside and restores the
 * newest valid backup; an older version is backed up raw, then migrated.
 */
export async function loadStoreFile(options: LoadOptions): Promise<LoadedStore> {
  const { dataDir, file, now, retentionMs } = options;
  await ensureDir(dataDir);
  await fs.rm(`${file}.tmp`, { force: true });

  const bytes = await readBytesIfExists(file);
  if (bytes === null) return startWithoutFile(options);
  let result: ReturnType<typeof migrate>;
  try {
    result = migrate(parseJson(bytes.toString('utf8'), file));
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    return recover(options, error);
  }
  if (!result.migrated) {
    return { data: result.data, needsWrite: false, needsBackup: false, recovery: null };
  }
  // The original bytes first, so a downgrade (or a bad migration) can be undone by hand.
  await createRawBackup(dataDir, bytes, 'pre-migration', now, retentionMs);
  return { data: result.data, needsWrite: true, needsBackup: true, recovery: null };
}

/**
 * No store file. On a first start there are no backups either: start empty. Backups without a
 * file mean it was lost (deleted, or a crash between moving a damaged file aside and writing its
 * replacement): restore the newest valid backup and say so, rather than start empty and let the
 * backups age out.
 */
async function startWithoutFile(options: LoadOptions): Promise<LoadedStore> {
  const backup = await newestValidBackup(options.dataDir);
  if (!backup) return { data: emptyStore(), needsWrite: true, needsBackup: false, recovery: null };
  return {
    data: backup.data,
    needsWrite: true,
    needsBackup: backup.reason === 'pre-migration',
    recovery: {
      damagedFile: null,
      restoredFrom: backup.path,
      reason: `${path.basename(options.file)} was missing`,
      at: new Date(options.now).toISOString(),
    },
  };
}

async function recover(options: LoadOptions, error: StoreError): Promise<LoadedStore> {
  const damagedFile = await moveAside(options.file, options.now);
  const backup = await newestValidBackup(options.dataDir);
  return {
    data: backup?.data ?? emptyStore(),
    needsWrite: true,
    // A restored pre-migration backup was migrated on the way in: no current copy exists yet.
    needsBackup: backup?.reason === 'pre-migration',
    recovery: {
      damagedFile,
      restoredFrom: backup?.path ?? null,
      reason: describeDamage(error, options.file),
      at: new Date(options.now).toISOString(),
    },
  };
}
