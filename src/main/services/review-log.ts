import { join } from 'node:path';
import type { ReviewLogEntry } from '../../shared/cards';
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

export interface ReviewLog {
  /** Every answer not taken back, in the order given (and so by time). */
  readonly entries: readonly ReviewLogEntry[];
  append(entry: ReviewLogEntry): Promise<void>;
  /** Takes an answer back: appends an undo line and drops the entry from `entries`. */
  remove(id: string, at: number): Promise<void>;
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Reads the log (a torn last line from a crash is ignored) and opens it for appending. */
export async function openReviewLog(dataDir: string): Promise<ReviewLog> {
  const journal: Journal = await openJournal(join(dataDir, REVIEW_LOG_FILE));
  const records = await journal.readAll();
  const undone = new Set(records.filter(isUndo).map((r) => r.undo));
  const entries = records.filter(isEntry).filter((e) => !undone.has(e.id));
  return {
    entries,
    append(entry) {
      entries.push(entry);
      return journal.append(entry);
    },
    remove(id, at) {
      const index = entries.findLastIndex((e) => e.id === id);
      if (index >= 0) entries.splice(index, 1);
      return journal.append({ undo: id, at } satisfies UndoLine);
    },
    flush: () => journal.flush(),
    close: () => journal.close(),
  };
}
