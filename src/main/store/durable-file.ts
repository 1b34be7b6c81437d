import fs from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { runInSlices, type Steps } from '../slices';
import { StoreError, hasErrno } from './errors';
import { JsonSnapshot } from './json-snapshot';

/** The file's bytes, or null if it does not exist. Other read errors propagate. */
export async function readBytesIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if (hasErrno(error, 'ENOENT')) return null;
    throw error;
  }
}

export async function readTextIfExists(file: string): Promise<string | null> {
  return (await readBytesIfExists(file))?.toString('utf8') ?? null;
}

/** JSON.parse with a typed error naming the file. */
export function parseJson(text: string, file: string): unknown {
  try {
    // A hand edit in some editors adds a byte-order mark, which JSON.parse rejects.
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new StoreError('unparseable', `${path.basename(file)} is not valid JSON (${why})`, {
      cause: error,
    });
  }
}

/** fsync a directory so a rename inside it survives power loss. Not possible on Windows. */
export async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EACCES'].some((code) => hasErrno(error, code))) throw error;
  } finally {
    await handle?.close();
  }
}

/** mkdir -p, then fsync the parent of what was created, so the new folder survives power loss. */
export async function ensureDir(dir: string): Promise<void> {
  const created = await fs.mkdir(dir, { recursive: true });
  if (created !== undefined) await syncDir(path.dirname(created));
}

async function writeAll(handle: fs.FileHandle, content: string | Uint8Array): Promise<void> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  // One write call where writeFile would issue many 512 KiB ones.
  for (let offset = 0; offset < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    if (bytesWritten <= 0) throw new Error('write made no progress');
    offset += bytesWritten;
  }
}

/** Opens the file about to be replaced, so that freeing its blocks happens when we close it,
 * after the new content is durable, instead of inside rename() on the caller's clock. */
async function holdOld(file: string): Promise<fs.FileHandle | null> {
  if (process.platform === 'win32') return null; // there, an open target can block the rename
  return fs.open(file, 'r').catch(() => null);
}

/**
 * Replaces `file` with `content` so that a crash leaves either the old or the new content:
 * write `<file>.tmp`, fsync it, rename over the target, fsync the directory.
 */
export async function writeFileDurably(file: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${file}.tmp`;
  let old: fs.FileHandle | null = null;
  try {
    const handle = await fs.open(tmp, 'w');
    try {
      await writeAll(handle, content);
      // datasync also flushes the size, which is all the data needs to be readable.
      await handle.datasync();
    } finally {
      await handle.close();
    }
    old = await holdOld(file);
    await fs.rename(tmp, file);
  } catch (error) {
    void old?.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw error;
  }
  try {
    await syncDir(path.dirname(file));
  } finally {
    void old?.close().catch(() => undefined);
  }
}

/**
 * A lowdb adapter for one JSON file, durable where lowdb's JSONFile (steno) is not: it fsyncs.
 * write() snapshots `data` synchronously, before its first await, so the caller may keep
 * changing the object at once (adding, replacing or removing records, never editing one in
 * place: see JsonSnapshot); the store's write coalescing relies on that snapshot. The text is
 * then written and encoded a slice at a time, so a large store never holds up the event loop.
 */
export class DurableFile<T extends object> implements Adapter<T> {
  private chain: Promise<unknown> = Promise.resolve();
  /** Reused across writes: allocating (and page-faulting) a fresh 10 MB buffer per write costs
   * as much again as the encoding. Only the write whose turn it is touches it. */
  private scratch = Buffer.alloc(0);

  constructor(readonly file: string) {}

  /** null if the file does not exist; throws StoreError if it does not hold a JSON object. */
  async read(): Promise<T | null> {
    const text = await readTextIfExists(this.file);
    if (text === null) return null;
    const value = parseJson(text, this.file);
    // lowdb treats a null read as "no file" and keeps its defaults: a file holding `null` is
    // damage, not absence, so refuse it here instead.
    if (value === null || typeof value !== 'object') {
      throw new StoreError('not_an_object', `${path.basename(this.file)} does not hold an object`);
    }
    return value as T;
  }

  write(data: T): Promise<void> {
    const snapshot = new JsonSnapshot(data);
    // Two writes must never share the .tmp file (or the scratch buffer) at once.
    const run = this.chain.then(async () =>
      writeFileDurably(this.file, await runInSlices(this.encode(snapshot))),
    );
    this.chain = run.catch(() => undefined);
    return run;
  }

  private *encode(snapshot: JsonSnapshot): Steps<Uint8Array> {
    let written = 0;
    yield* snapshot.pieces((piece) => {
      // A UTF-16 code unit takes at most 3 bytes in UTF-8.
      if (written + piece.length * 3 > this.scratch.length) this.grow(written + piece.length * 3);
      written += this.scratch.write(piece, written, 'utf8');
    });
    const bytes = this.scratch.subarray(0, written);
    // Let a buffer sized for a much larger past file go once the file has shrunk.
    if (this.scratch.length > 1 << 20 && this.scratch.length > written * 4) {
      this.scratch = Buffer.alloc(0);
    }
    return bytes;
  }

  /** Room for at least `bytes`, keeping what is written so far. */
  private grow(bytes: number): void {
    const larger = Buffer.allocUnsafe(Math.max(bytes, this.scratch.length * 2, 4096));
    this.scratch.copy(larger);
    this.scratch = larger;
  }
}
