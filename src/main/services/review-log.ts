import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReviewLogEntry } from '../../shared/cards';
import { runInSlices, type Steps } from '../slices';
import { openJournal, type Journal } from '../store/journal';

/** Beside the store file: one JSON line per answer, fsync'd before the answer is acknowledged. */
export const REVIEW_LOG_FILE = 'reviews.journal';

/** A later line that takes an answer back (Ctrl+Z in review): the log stays append-only. */
interface UndoLine {
  undo: string;
  at: number;
}

const isEntry = (r: unknown): r is ReviewLogEntry =>
  typeof r === 'object' &&
  r !== null &&
  typeof (r as ReviewLogEntry).id === 'string' &&
  typeof (r as ReviewLogEntry).cardId === 'string' &&
  typeof (r as ReviewLogEntry).at === 'number';
const isUndo = (r: unknown): r is UndoLine =>
  typeof r === 'object' && r !== null && typeof (r as UndoLine).undo === 'string';

/** Lines parsed between two checks of the clock. */
const LINES_PER_STEP = 500;

/**
 * Every line that parses. Unlike the store's own journal (replayed in order, so it stops at
 * damage), each answer stands alone: a damaged line is skipped and reported, the rest kept.
 * In steps: a log of 100,000 answers takes half a second to parse.
 */
function* readLines(text: string): Steps<unknown[]> {
  const records: unknown[] = [];
  let damaged = 0;
  for (let start = 0, n = 1; start < text.length; n++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    start = end + 1;
    if (n % LINES_PER_STEP === 0) yield;
    if (!line) continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      damaged++;
    }
  }
  if (damaged > 0) console.warn(`[xinzhi] ${REVIEW_LOG_FILE}: ${damaged} damaged line(s) skipped`);
  return records;
}

export interface ReviewLog {
  /** Resolves once the file has been read; `entries` is empty until then. */
  readonly ready: Promise<void>;
  /** Every answer not taken back, in the order given (and so by time). */
  readonly entries: readonly ReviewLogEntry[];
  append(entry: ReviewLogEntry): Promise<void>;
  /** Takes an answer back: appends an undo line and drops the entry from `entries`. */
  remove(id: string, at: number): Promise<void>;
  /** Durably replaces the whole log with `entries` (a restore). */
  replace(entries: readonly ReviewLogEntry[]): Promise<void>;
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the log for appending (a torn last line from a crash is dropped) and reads it in the
 * background: years of answers take a while to parse, and the app need not wait for them to
 * start. Everything that reads or appends waits for `ready`.
 */
export async function openReviewLog(dataDir: string): Promise<ReviewLog> {
  const file = join(dataDir, REVIEW_LOG_FILE);
  const journal: Journal = await openJournal(file);
  let entries: ReviewLogEntry[] = [];
  const ready = readFile(file, 'utf8').then(async (text) => {
    const records = await runInSlices(readLines(text));
    const undone = new Set(records.filter(isUndo).map((r) => r.undo));
    entries = records.filter(isEntry).filter((e) => !undone.has(e.id));
  });
  return {
    ready,
    get entries() {
      return entries;
    },
    async append(entry) {
      await ready; // the file is read before anything is added to it
      entries.push(entry);
      try {
        await journal.append(entry);
      } catch (error) {
        entries.splice(entries.lastIndexOf(entry), 1);
        throw error;
      }
    },
    async remove(id, at) {
      await ready;
      await journal.append({ undo: id, at } satisfies UndoLine);
      const index = entries.findLastIndex((e) => e.id === id);
      if (index >= 0) entries.splice(index, 1);
    },
    async replace(next) {
      await ready;
      await journal.rewrite(
        null,
        next.map((e) => JSON.stringify(e)),
      );
      entries = [...next];
    },
    flush: () => journal.flush(),
    close: async () => {
      await ready;
      await journal.close();
    },
  };
}
