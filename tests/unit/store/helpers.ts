import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { fileTime } from '../../../src/main/store/backups';
import { emptyStore, type StoreData } from '../../../src/main/store/schema';
import type { Change, Store } from '../../../src/main/store/store';

/** A fresh temporary directory, removed when the current test finishes. */
export async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'xinzhi-'));
  onTestFinished(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

export const DAY = 24 * 60 * 60 * 1000;
export const T0 = Date.parse('2025-03-01T08:00:00.000Z');

/** A clock the test moves by hand. */
export function manualClock(start = T0): { now: () => number; advance(ms: number): void } {
  let time = start;
  return {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
  };
}

export async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(file, 'utf8'));
}

/** A valid current-version store holding one marked highlight, so a restore is recognisable. */
export function sampleData(marker: string): StoreData {
  const data = emptyStore();
  data.highlights.push({ id: marker, text: `from ${marker}` });
  return data;
}

/** Writes a backup file by hand, as an earlier run would have. */
export async function putBackup(
  dataDir: string,
  at: number,
  content: string | Buffer,
  reason = 'interval',
): Promise<string> {
  const dir = path.join(dataDir, 'backups');
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `xinzhi-${fileTime(at)}-${reason}.json`);
  await fs.writeFile(file, content);
  return file;
}

/** Files in `dir` whose names match `pattern`. */
export async function filesMatching(dir: string, pattern: RegExp): Promise<string[]> {
  return (await fs.readdir(dir)).filter((name) => pattern.test(name)).sort();
}

// Journal helpers: the files beside a store, and highlight changes.
export const storeFile = (dir: string) => path.join(dir, 'xinzhi.json');
export const journalFile = (dir: string) => path.join(dir, 'xinzhi.journal');

export async function journalLines(dir: string): Promise<{ seq: number; changes: Change[] }[]> {
  const text = await fs.readFile(journalFile(dir), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { seq: number; changes: Change[] });
}

export const put = (id: string, extra: Record<string, unknown> = {}): Change => ({
  type: 'put',
  collection: 'highlights',
  record: { id, ...extra },
});
export const del = (id: string): Change => ({ type: 'delete', collection: 'highlights', id });
export const ids = (store: Store | StoreData) =>
  ('data' in store ? store.data : store).highlights.map((h) => h.id);
