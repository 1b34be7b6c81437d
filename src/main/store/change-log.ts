import type { Journal } from './journal';

export const DEFAULT_JOURNAL_MAX_LINES = 1000;
export const DEFAULT_JOURNAL_MAX_BYTES = 2 * 1024 * 1024;

export interface JournalLimits {
  maxLines: number;
  maxBytes: number;
}

const noop = (): void => undefined;
const SEQ_PREFIX = /^\{"seq":(\d+),/;

/** A line's seq, read from its prefix (the store writes seq first); unreadable → Infinity so
 * that a trim keeps it rather than lose what it cannot read. */
export function lineSeq(line: string): number {
  const match = SEQ_PREFIX.exec(line);
  if (match) return Number(match[1]);
  try {
    const seq = (JSON.parse(line) as { seq?: unknown } | null)?.seq;
    return typeof seq === 'number' ? seq : Infinity;
  } catch {
    return Infinity;
  }
}

/**
 * The write-ahead side of the store: numbers changes, appends each batch as one journal line,
 * and compacts in the background once the journal passes its limits: a full snapshot (which
 * records the seq it holds), then, only once that is durable, a rewrite of the journal without
 * the lines it holds. Appends never wait for the snapshot, only for the short rewrite.
 */
export class ChangeLog {
  private tail: Promise<void> = Promise.resolve();
  private compaction: Promise<void> | null = null;
  /** After a failed compaction, wait for this many lines before trying on our own again. */
  private retryAtLines = 0;

  constructor(
    private readonly journal: Journal,
    private lastSeq: number,
    private readonly limits: JournalLimits,
    /** Starts a full snapshot write (taken after this call) and resolves once it is durable. */
    private readonly writeSnapshot: () => Promise<void>,
  ) {}

  get seq(): number {
    return this.lastSeq;
  }

  get lineCount(): number {
    return this.journal.lineCount;
  }

  /** The seq for the next batch, which the caller has just applied in memory. */
  next(): number {
    return ++this.lastSeq;
  }

  /**
   * Journals batch `seq` (`changes` is its JSON text); resolves once the line is fsync'd. If the
   * append fails, memory is already ahead of the journal, so a full snapshot carries the change
   * instead: the caller is told it failed only if that fails too, so the UI never rolls back a
   * change the store kept.
   */
  append(seq: number, changes: string): Promise<void> {
    const durable = this.journal
      .appendLine(`{"seq":${seq},"changes":${changes}}`)
      .catch(() => this.writeSnapshot());
    this.tail = durable.catch(noop);
    this.maybeCompact();
    return durable;
  }

  /** Resolves once every append so far has settled (written or failed). */
  appended(): Promise<void> {
    return this.tail;
  }

  /** Resolves once every append so far has settled and no compaction is running. */
  async settle(): Promise<void> {
    await this.tail;
    while (this.compaction) await this.compaction.catch(noop);
  }

  /** A compaction that empties the journal of everything applied so far (close, backups). */
  async compactAll(): Promise<void> {
    await this.settle();
    if (this.journal.lineCount > 0) await this.compact();
  }

  close(): Promise<void> {
    return this.journal.close();
  }

  private maybeCompact(): void {
    const { lineCount, byteCount } = this.journal;
    if (this.compaction || lineCount < this.retryAtLines) return;
    if (lineCount < this.limits.maxLines && byteCount < this.limits.maxBytes) return;
    this.compact().catch(() => {
      this.retryAtLines = this.journal.lineCount + Math.max(1, this.limits.maxLines);
    });
  }

  private compact(): Promise<void> {
    this.compaction ??= this.runCompaction().finally(() => {
      this.compaction = null;
    });
    return this.compaction;
  }

  private async runCompaction(): Promise<void> {
    // Everything up to `target` is in memory now, so in the snapshot started after this line.
    const target = this.lastSeq;
    await this.writeSnapshot();
    this.retryAtLines = 0;
    await this.journal.rewrite((line) => lineSeq(line) > target);
  }
}
