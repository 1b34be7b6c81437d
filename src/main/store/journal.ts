import fs from 'node:fs/promises';
import path from 'node:path';
import { ensureDir, syncDir, writeFileDurably } from './durable-file';
import { StoreError } from './errors';

/**
 * An append-only JSON-lines file: the store's write-ahead log of small changes (so a mutation
 * costs one short append, not a rewrite of the whole store file), or data that grows without
 * bound. One record per line; an append resolves only once its line is fsync'd. rewrite()
 * drops lines durably (compaction) without losing appends made meanwhile.
 */
export interface Journal {
  readonly file: string;
  /** Lines in the file plus those waiting to be written (for compaction thresholds). */
  readonly lineCount: number;
  readonly byteCount: number;
  append(record: unknown): Promise<void>;
  /** Appends an already serialised record: JSON text, which never holds a raw newline. */
  appendLine(json: string): Promise<void>;
  /** Resolves once every append made so far has been written or has failed. */
  flush(): Promise<void>;
  /**
   * Durably replaces the file with the lines `keep` accepts (none when null), then `extra`.
   * Appends wait only while this runs, and those made meanwhile go to the new file.
   */
  rewrite(keep: ((line: string) => boolean) | null, extra?: string[]): Promise<void>;
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

export interface ParsedJournal {
  records: unknown[];
  /** Set when a complete line other than the last does not parse; records stop before it. */
  damage: StoreError | null;
}

/** Parses journal text line by line, ignoring a torn tail, stopping at damage. */
export function parseJournal(text: string, file: string): ParsedJournal {
  const lines = text.split('\n');
  // The final piece has no newline after it: '' normally, a torn append after a crash.
  lines.pop();
  const records: unknown[] = [];
  for (let i = 0; i < lines.length; i++) {
    try {
      records.push(JSON.parse(lines[i]!));
    } catch (error) {
      // A crash can also leave a garbled last line that did get its newline: ignore it too.
      if (i === lines.length - 1) break;
      const message = `${path.basename(file)} line ${i + 1} is damaged`;
      return { records, damage: new StoreError('journal_corrupt', message, { cause: error }) };
    }
  }
  return { records, damage: null };
}

function countLines(bytes: Buffer): number {
  let lines = 0;
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) lines++;
  return lines;
}

export async function openJournal(file: string): Promise<Journal> {
  await ensureDir(path.dirname(file));
  // Left by a crash mid-rewrite; rename is atomic, so the journal itself is whole.
  await fs.rm(`${file}.tmp`, { force: true });
  const existed = await fs.access(file).then(
    () => true,
    () => false,
  );
  let handle = await fs.open(file, 'a+');
  let size: number;
  let fileLines = 0;
  try {
    // A new file's directory entry must be durable too, or its fsync'd lines could vanish.
    if (!existed) await syncDir(path.dirname(file));
    size = await dropTornTail(handle);
    if (size > 0) fileLines = countLines(await fs.readFile(file));
  } catch (error) {
    await handle.close();
    throw error;
  }

  // Group commit: lines appended while a write is in flight go out together, with one fsync.
  let pending: string[] = [];
  let waiters: Waiter[] = [];
  let pendingBytes = 0;
  let inFlight = { lines: 0, bytes: 0 };
  // Exclusive operations (rewrites) run between batches, in the same loop.
  const ops: (() => Promise<void>)[] = [];
  let running: Promise<void> | null = null;
  let closed = false;

  async function writeBatch(): Promise<void> {
    const text = pending.join('');
    const batch = waiters;
    inFlight = { lines: batch.length, bytes: pendingBytes };
    pending = [];
    waiters = [];
    pendingBytes = 0;
    try {
      await handle.appendFile(text, 'utf8');
      await handle.datasync();
      size += inFlight.bytes;
      fileLines += inFlight.lines;
      batch.forEach((w) => w.resolve());
    } catch (error) {
      // Undo a partial write so later lines do not follow half a line.
      await handle.truncate(size).catch(() => undefined);
      batch.forEach((w) => w.reject(error));
    } finally {
      inFlight = { lines: 0, bytes: 0 };
    }
  }

  async function run(): Promise<void> {
    await Promise.resolve(); // appends made in the rest of this tick join the first batch
    while (ops.length > 0 || pending.length > 0) await (ops.shift() ?? writeBatch)();
    running = null;
  }

  function exclusive(op: () => Promise<void>): Promise<void> {
    if (closed) return Promise.reject(new StoreError('closed', 'the journal is closed'));
    return new Promise<void>((resolve, reject) => {
      ops.push(() => op().then(resolve, reject));
      running ??= run();
    });
  }

  async function rewriteNow(
    keep: ((line: string) => boolean) | null,
    extra: string[] = [],
  ): Promise<void> {
    const lines = keep ? (await fs.readFile(file, 'utf8')).split('\n') : [];
    lines.pop(); // only whole lines are committed: this is ''
    const kept = keep ? lines.filter(keep).concat(extra) : extra;
    const text = kept.map((line) => `${line}\n`).join('');
    // Closed first: on Windows an open file can block the rename over it.
    await handle.close();
    try {
      await writeFileDurably(file, text);
      fileLines = kept.length;
    } finally {
      handle = await fs.open(file, 'a+');
      size = (await handle.stat()).size;
    }
  }

  function appendLine(json: string): Promise<void> {
    if (closed) return Promise.reject(new StoreError('closed', 'the journal is closed'));
    return new Promise<void>((resolve, reject) => {
      const line = `${json}\n`;
      pending.push(line);
      pendingBytes += Buffer.byteLength(line);
      waiters.push({ resolve, reject });
      running ??= run();
    });
  }

  return {
    file,
    get lineCount() {
      return fileLines + inFlight.lines + pending.length;
    },
    get byteCount() {
      return size + inFlight.bytes + pendingBytes;
    },
    append(record: unknown): Promise<void> {
      const line = JSON.stringify(record); // escapes newlines, so one record is one line
      if (line === undefined) return Promise.reject(new TypeError('record is not JSON'));
      return appendLine(line);
    },
    appendLine,
    async flush(): Promise<void> {
      await running;
    },
    rewrite: (keep, extra) => exclusive(() => rewriteNow(keep, extra)),
    async readAll(): Promise<unknown[]> {
      await running; // include every append made before this call
      const { records, damage } = parseJournal(await fs.readFile(file, 'utf8'), file);
      if (damage) throw damage;
      return records;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      while (running) await running;
      await handle.close();
    },
  };
}
