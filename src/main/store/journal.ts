import fs from 'node:fs/promises';
import path from 'node:path';
import { ensureDir, syncDir } from './durable-file';
import { StoreError } from './errors';

/**
 * An append-only JSON-lines file for data that grows without bound (the review log), so the main
 * store file stays small and cheap to rewrite. One record per line; an append resolves only once
 * its line is fsync'd.
 */
export interface Journal {
  readonly file: string;
  append(record: unknown): Promise<void>;
  /** Every record, in append order. A torn last line (a crash mid-append) is ignored. */
  readAll(): Promise<unknown[]>;
  close(): Promise<void>;
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

const NEWLINE = 0x0a;
const CHUNK = 64 * 1024;

/** Offset just past the last newline before `end`, or 0 if there is none. */
async function lineStartBefore(handle: fs.FileHandle, end: number): Promise<number> {
  const buffer = Buffer.alloc(CHUNK);
  for (let to = end; to > 0;) {
    const from = Math.max(0, to - CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, to - from, from);
    const at = buffer.subarray(0, bytesRead).lastIndexOf(NEWLINE);
    if (at >= 0) return from + at + 1;
    to = from;
  }
  return 0;
}

/**
 * Cuts off what a crash mid-append can leave at the end: an unterminated line, or a last line
 * that does not parse. Neither was acknowledged, and left in place the next append would be
 * glued onto it (or turn it into damage in the middle of the file).
 */
async function dropTornTail(handle: fs.FileHandle): Promise<number> {
  const { size } = await handle.stat();
  if (size === 0) return 0;
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  let keep = size;
  if (last[0] !== NEWLINE) {
    keep = await lineStartBefore(handle, size);
  } else {
    const start = await lineStartBefore(handle, size - 1);
    const line = Buffer.alloc(size - 1 - start);
    await handle.read(line, 0, line.length, start);
    try {
      JSON.parse(line.toString('utf8'));
    } catch {
      keep = start;
    }
  }
  if (keep === size) return size;
  await handle.truncate(keep);
  await handle.datasync();
  return keep;
}

function parseLines(text: string, file: string): unknown[] {
  const lines = text.split('\n');
  const records: unknown[] = [];
  // The final piece has no newline after it: '' normally, a torn append after a crash.
  lines.pop();
  lines.forEach((line, index) => {
    try {
      records.push(JSON.parse(line));
    } catch (error) {
      // A crash can also leave a garbled last line that did get its newline: ignore it too.
      if (index === lines.length - 1) return;
      throw new StoreError(
        'journal_corrupt',
        `${path.basename(file)} line ${index + 1} is damaged`,
        {
          cause: error,
        },
      );
    }
  });
  return records;
}

export async function openJournal(file: string): Promise<Journal> {
  await ensureDir(path.dirname(file));
  const existed = await fs.access(file).then(
    () => true,
    () => false,
  );
  const handle = await fs.open(file, 'a+');
  let size: number;
  try {
    // A new file's directory entry must be durable too, or its fsync'd lines could vanish.
    if (!existed) await syncDir(path.dirname(file));
    size = await dropTornTail(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }

  // Group commit: lines appended while a write is in flight go out together, with one fsync.
  let pending: string[] = [];
  let waiters: Waiter[] = [];
  let draining: Promise<void> | null = null;
  let closed = false;

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const text = pending.join('');
      const batch = waiters;
      pending = [];
      waiters = [];
      try {
        await handle.appendFile(text, 'utf8');
        await handle.datasync();
        size += Buffer.byteLength(text);
        batch.forEach((w) => w.resolve());
      } catch (error) {
        // Undo a partial write so later lines do not follow half a line.
        await handle.truncate(size).catch(() => undefined);
        batch.forEach((w) => w.reject(error));
      }
    }
    draining = null;
  }

  return {
    file,
    append(record: unknown): Promise<void> {
      if (closed) return Promise.reject(new StoreError('closed', 'the journal is closed'));
      const line = JSON.stringify(record); // escapes newlines, so one record is one line
      if (line === undefined) return Promise.reject(new TypeError('record is not JSON'));
      return new Promise<void>((resolve, reject) => {
        pending.push(`${line}\n`);
        waiters.push({ resolve, reject });
        draining ??= drain();
      });
    },
    async readAll(): Promise<unknown[]> {
      await draining; // include every append made before this call
      return parseLines(await fs.readFile(file, 'utf8'), file);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await draining;
      await handle.close();
    },
  };
}
