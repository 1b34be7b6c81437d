import fs from 'node:fs/promises';
import path from 'node:path';
import { ensureDir, parseJson, readTextIfExists, writeFileDurably } from './durable-file';
import { StoreError, hasErrno } from './errors';
import { migrate } from './migrations';
import { storeDataSchema, type StoreData } from './schema';

export type BackupReason = 'interval' | 'quit' | 'pre-migration' | 'manual';
const REASONS: readonly BackupReason[] = ['interval', 'quit', 'pre-migration', 'manual'];

export interface BackupInfo {
  file: string;
  path: string;
  /** ISO time, taken from the file name. */
  createdAt: string;
  sizeBytes: number;
  reason?: BackupReason;
}

export interface ValidBackup extends BackupInfo {
  /** The backup's content, migrated to the current version if it was older. */
  data: StoreData;
}

export const BACKUP_DIR = 'backups';
export const DEFAULT_BACKUP_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

/** An ISO time usable in file names on every OS (no colons); still sorts as text. */
export function fileTime(ms: number): string {
  return new Date(ms).toISOString().replace(/:/g, '-');
}

/*
 * Names: xinzhi-<time>[-<reason>][-<n>].json, e.g. xinzhi-2025-03-01T08-30-00.000Z-quit.json.
 * The reason lives in the name so a backup is a plain store file, restorable by copying it.
 * <n> only appears when two backups share a millisecond.
 */
const NAME = new RegExp(
  `^xinzhi-(\\d{4}-\\d\\d-\\d\\dT\\d\\d)-(\\d\\d)-(\\d\\d(?:\\.\\d+)?Z)` +
    `(?:-(${REASONS.join('|')}))?(?:-(\\d+))?\\.json$`,
);

interface ParsedName {
  createdMs: number;
  seq: number;
  reason?: BackupReason;
}

function parseName(file: string): ParsedName | null {
  const match = NAME.exec(file);
  if (!match) return null;
  const createdMs = Date.parse(`${match[1]}:${match[2]}:${match[3]}`);
  if (Number.isNaN(createdMs)) return null;
  const reason = match[4] as BackupReason | undefined;
  return { createdMs, seq: Number(match[5] ?? 0), ...(reason ? { reason } : {}) };
}

/** All backups, newest first. A missing backups folder means none. */
export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  const dir = backupsDir(dataDir);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (hasErrno(error, 'ENOENT')) return [];
    throw error;
  }
  const found: (BackupInfo & ParsedName)[] = [];
  for (const file of names) {
    const parsed = parseName(file);
    if (!parsed) continue;
    const full = path.join(dir, file);
    const stat = await fs.stat(full).catch(() => null); // pruned meanwhile: skip it
    if (!stat?.isFile()) continue;
    const info: BackupInfo = {
      file,
      path: full,
      createdAt: new Date(parsed.createdMs).toISOString(),
      sizeBytes: stat.size,
      ...(parsed.reason ? { reason: parsed.reason } : {}),
    };
    found.push({ ...info, ...parsed });
  }
  found.sort((a, b) => b.createdMs - a.createdMs || b.seq - a.seq || (a.file < b.file ? 1 : -1));
  return found.map(({ file, path: full, createdAt, sizeBytes, reason }) => ({
    file,
    path: full,
    createdAt,
    sizeBytes,
    ...(reason ? { reason } : {}),
  }));
}

/** Reads one backup and brings it to the current version; null if damaged or invalid. */
export async function readBackup(info: BackupInfo): Promise<StoreData | null> {
  try {
    const text = await readTextIfExists(info.path);
    return text === null ? null : migrate(parseJson(text, info.path)).data;
  } catch {
    return null;
  }
}

/**
 * The newest backup that parses and validates, skipping damaged ones. Pre-migration backups hold
 * an older version's raw file; they count too, migrated on the way in, so an old backup beats
 * starting empty.
 */
export async function newestValidBackup(dataDir: string): Promise<ValidBackup | null> {
  for (const info of await listBackups(dataDir)) {
    const data = await readBackup(info);
    if (data) return { ...info, data };
  }
  return null;
}

/**
 * Deletes backups older than `retentionMs`, except `keep` (the newest valid backup; found by
 * reading them if not given), so some good copy always remains. Returns the deleted paths.
 */
export async function pruneBackups(
  dataDir: string,
  now: number,
  retentionMs = DEFAULT_BACKUP_RETENTION_MS,
  keep?: string,
): Promise<string[]> {
  const kept = keep ?? (await newestValidBackup(dataDir))?.path;
  const deleted: string[] = [];
  // Left by a crash mid-backup (backups run one at a time, so none is in progress now).
  for (const name of await fs.readdir(backupsDir(dataDir)).catch(() => [])) {
    if (name.startsWith('xinzhi-') && name.endsWith('.json.tmp')) {
      await fs.rm(path.join(backupsDir(dataDir), name), { force: true });
    }
  }
  for (const info of await listBackups(dataDir)) {
    if (info.path === kept || Date.parse(info.createdAt) >= now - retentionMs) continue;
    await fs.rm(info.path, { force: true });
    deleted.push(info.path);
  }
  return deleted;
}

async function writeVerified(
  dataDir: string,
  content: string | Uint8Array,
  reason: BackupReason,
  now: number,
  retentionMs: number,
  verify: (readBack: Buffer, file: string) => void,
): Promise<BackupInfo> {
  const dir = backupsDir(dataDir);
  await ensureDir(dir);
  // Backups made in the same millisecond get a sequence number, so newest-first stays exact.
  let seq = -1;
  for (const name of await fs.readdir(dir)) {
    const parsed = parseName(name);
    if (parsed?.createdMs === new Date(now).getTime()) seq = Math.max(seq, parsed.seq);
  }
  const file = `xinzhi-${fileTime(now)}-${reason}${seq >= 0 ? `-${seq + 1}` : ''}.json`;
  const full = path.join(dir, file);
  await writeFileDurably(full, content);
  try {
    // Re-read from disk: only a copy known to be good may let older ones go.
    const readBack = await fs.readFile(full);
    verify(readBack, full);
  } catch (error) {
    await fs.rm(full, { force: true });
    throw new StoreError('backup_unverified', `backup ${file} did not verify: ${String(error)}`, {
      cause: error,
    });
  }
  await pruneBackups(dataDir, now, retentionMs, full);
  const stat = await fs.stat(full);
  return { file, path: full, createdAt: new Date(now).toISOString(), sizeBytes: stat.size, reason };
}

/** Writes `data` durably as a new backup, verifies it against the schema, then prunes. */
export async function createBackup(
  dataDir: string,
  data: StoreData,
  reason: BackupReason,
  now: number,
  retentionMs = DEFAULT_BACKUP_RETENTION_MS,
): Promise<BackupInfo> {
  const text = JSON.stringify(data); // before any await: the snapshot is this moment's state
  return writeVerified(dataDir, text, reason, now, retentionMs, (readBack, file) => {
    storeDataSchema.parse(parseJson(readBack.toString('utf8'), file));
  });
}

/**
 * Backs up a file byte for byte (used before a migration: the old version's file, which need
 * not validate against the current schema), verified by comparing what reads back.
 */
export async function createRawBackup(
  dataDir: string,
  bytes: Uint8Array,
  reason: BackupReason,
  now: number,
  retentionMs = DEFAULT_BACKUP_RETENTION_MS,
): Promise<BackupInfo> {
  return writeVerified(dataDir, bytes, reason, now, retentionMs, (readBack) => {
    if (!readBack.equals(bytes)) throw new Error('content differs from what was written');
  });
}
