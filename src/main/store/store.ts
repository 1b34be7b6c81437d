import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import {
  DEFAULT_BACKUP_RETENTION_MS,
  createBackup,
  listBackups,
  type BackupInfo,
  type BackupReason,
} from './backups';
import { ChangeApplier, prepareChanges, type Change } from './changes';
import { ChangeLog, DEFAULT_JOURNAL_MAX_BYTES, DEFAULT_JOURNAL_MAX_LINES } from './change-log';
import { DurableFile } from './durable-file';
import { StoreError } from './errors';
import { openJournal } from './journal';
import { journalNotice, replayJournal } from './replay';
import type { StoreData } from './schema';
import { loadStoreFile, moveAside, type RecoveryNotice } from './startup';
import { WriteQueue } from './write-queue';

export type { BackupInfo, BackupReason } from './backups';
export type { Change, StoreCollection, StoreDoc } from './changes';
export { DEFAULT_JOURNAL_MAX_BYTES, DEFAULT_JOURNAL_MAX_LINES } from './change-log';
export type { RecoveryNotice } from './startup';
export type { StoreData, StoreRecord } from './schema';

export type ChangeListener = (changes: readonly Change[] | null) => void;

export const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60 * 1000;

export interface StoreOptions {
  dataDir: string;
  clock?: () => number;
  /** Interval backups happen at most this often, and only after changes. Default 5 min. */
  backupIntervalMs?: number;
  /** Backups older than this are pruned (never the newest valid one). Default 7 days. */
  backupRetentionMs?: number;
  /** Default 'xinzhi.json'. The journal sits beside it as '<stem>.journal'. */
  fileName?: string;
  /** Past this many lines the journal is compacted into the store file. Default 1,000. */
  journalMaxLines?: number;
  /** Past this many bytes the journal is compacted into the store file. Default 2 MiB. */
  journalMaxBytes?: number;
  /** Wraps the file adapter, for tests and benchmarks (count or fail writes). The wrapper must
   * call the inner write synchronously: that is when it snapshots the data. */
  wrapAdapter?: (adapter: Adapter<StoreData>) => Adapter<StoreData>;
}

export interface Store {
  /** Current in-memory state; treat as read-only outside update(). */
  readonly data: StoreData;
  /** Applies `mutate` at once; resolves once a write containing the change is on disk. If
   * `mutate` throws, the returned promise rejects with that error (whatever it changed before
   * throwing is still persisted, so memory and disk agree). Rewrites the whole file: for rare
   * whole-state operations; use apply() for small changes. */
  update(mutate: (draft: StoreData) => void): Promise<void>;
  /** Applies the changes in memory at once (all or nothing: validated first, else a StoreError
   * 'invalid' and nothing changes), then appends them as ONE journal line and resolves once
   * that line is fsync'd. Order is preserved across calls. */
  apply(changes: Change[]): Promise<void>;
  /** Resolves when everything so far is durable (journal appends, compaction, and writes);
   * retries a write that failed earlier. */
  flush(): Promise<void>;
  backupNow(reason: BackupReason): Promise<BackupInfo>;
  /** Takes an interval backup if one is due by the clock and something changed; else null.
   * The timer calls this; tests call it directly with a driven clock. */
  maybeBackup(): Promise<BackupInfo | null>;
  listBackups(): Promise<BackupInfo[]>;
  /** Calls `listener` after each change is applied in memory: with the changes, or null after
   * update() (anything may have changed). Returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void;
  /** Set when start-up had to recover from a damaged file; the UI shows it. */
  readonly recovery: RecoveryNotice | null;
  /** Snapshot writes started so far (coalescing makes this far lower than the updates). */
  readonly writeCount: number;
  /** Flush, compact the journal into the store file, take a 'quit' backup if anything changed
   * since the last backup, stop timers. */
  close(): Promise<void>;
}

interface Parts {
  db: Low<StoreData>;
  dataDir: string;
  clock: () => number;
  intervalMs: number;
  retentionMs: number;
  recovery: RecoveryNotice | null;
  applier: ChangeApplier;
  makeLog: (writeSnapshot: () => Promise<void>) => ChangeLog;
}

class FileStore implements Store {
  private readonly db: Low<StoreData>;
  private readonly queue: WriteQueue;
  private readonly log: ChangeLog;
  private readonly applier: ChangeApplier;
  private changes = 0;
  private readonly listeners = new Set<ChangeListener>();
  private backedUpChanges = 0;
  private lastBackupAt: number;
  private backupChain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private intervalBackup: Promise<BackupInfo> | null = null;
  private closing: Promise<void> | undefined;
  readonly recovery: RecoveryNotice | null;

  constructor(private readonly parts: Parts) {
    this.db = parts.db;
    this.recovery = parts.recovery;
    this.applier = parts.applier;
    this.queue = new WriteQueue(() => this.db.write());
    this.log = parts.makeLog(() => this.queue.changed());
    this.lastBackupAt = parts.clock();
    const { intervalMs } = parts;
    if (Number.isFinite(intervalMs) && intervalMs > 0) {
      const period = Math.min(intervalMs, 2 ** 31 - 1);
      // unref: a pending backup must never keep the process alive.
      this.timer = setInterval(() => void this.maybeBackup().catch(() => undefined), period);
      this.timer.unref();
    }
  }

  get data(): StoreData {
    return this.db.data;
  }

  get writeCount(): number {
    return this.queue.writesStarted;
  }

  /** Marks the current data as not yet in any backup. */
  markUnbackedUp(): void {
    this.backedUpChanges = -1;
  }

  update(mutate: (draft: StoreData) => void): Promise<void> {
    if (this.closing) return Promise.reject(new StoreError('closed', 'the store is closed'));
    let failure: { error: unknown } | undefined;
    try {
      mutate(this.db.data);
    } catch (error) {
      failure = { error };
    }
    // The store owns journalSeq: a snapshot must name the last journaled change it holds, even
    // if `mutate` replaced everything (a restore), or lines would be replayed twice.
    this.db.data.journalSeq = this.log.seq;
    this.applier.invalidate();
    this.changes++;
    this.notify(null);
    const written = this.queue.changed();
    return failure ? Promise.reject(failure.error) : written;
  }

  apply(changes: Change[]): Promise<void> {
    if (this.closing) return Promise.reject(new StoreError('closed', 'the store is closed'));
    let prepared: ReturnType<typeof prepareChanges>;
    try {
      prepared = prepareChanges(changes);
    } catch (error) {
      return Promise.reject(error);
    }
    if (prepared.changes.length === 0) return this.log.appended();
    this.applier.apply(this.db.data, prepared.changes);
    const seq = this.log.next();
    this.db.data.journalSeq = seq;
    this.changes++;
    this.notify(prepared.changes);
    return this.log.append(seq, prepared.text);
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(changes: readonly Change[] | null) {
    for (const listener of this.listeners) listener(changes);
  }

  async flush(): Promise<void> {
    await this.log.settle();
    await this.queue.flush();
  }

  backupNow(reason: BackupReason): Promise<BackupInfo> {
    // One backup at a time; each snapshots the data when its turn comes.
    const run = this.backupChain.then(async () => {
      // Memory holds every change, so the backup is complete either way; compacting first
      // keeps the store file as complete as its backup. A failure here must not stop it.
      await this.log.compactAll().catch(() => undefined);
      const changes = this.changes;
      const { dataDir, clock, retentionMs } = this.parts;
      const info = await createBackup(dataDir, this.db.data, reason, clock(), retentionMs);
      this.backedUpChanges = Math.max(this.backedUpChanges, changes);
      this.lastBackupAt = clock();
      return info;
    });
    this.backupChain = run.catch(() => undefined);
    return run;
  }

  async maybeBackup(): Promise<BackupInfo | null> {
    if (this.closing || this.intervalBackup || this.changes === this.backedUpChanges) return null;
    const elapsed = this.parts.clock() - this.lastBackupAt;
    // A clock set backwards (elapsed < 0) counts as due rather than pausing backups.
    if (elapsed >= 0 && elapsed < this.parts.intervalMs) return null;
    this.intervalBackup = this.backupNow('interval');
    try {
      return await this.intervalBackup;
    } finally {
      this.intervalBackup = null;
    }
  }

  listBackups(): Promise<BackupInfo[]> {
    return listBackups(this.parts.dataDir);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.timer);
      await this.flush();
      await this.backupChain;
      await this.log.compactAll();
      if (this.changes !== this.backedUpChanges) await this.backupNow('quit');
      await this.log.close();
    })();
    return this.closing;
  }
}

/** Opens (creating, migrating or recovering as needed) the store in `options.dataDir`. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const clock = options.clock ?? Date.now;
  const retentionMs = options.backupRetentionMs ?? DEFAULT_BACKUP_RETENTION_MS;
  const fileName = options.fileName ?? 'xinzhi.json';
  const file = path.join(options.dataDir, fileName);
  const journalFile = path.join(
    options.dataDir,
    `${path.basename(fileName, path.extname(fileName))}.journal`,
  );
  const loaded = await loadStoreFile({ dataDir: options.dataDir, file, now: clock(), retentionMs });
  const applier = new ChangeApplier();
  const replay = await replayJournal(journalFile, loaded.data, applier);

  const durable = new DurableFile<StoreData>(file);
  const adapter = options.wrapAdapter ? options.wrapAdapter(durable) : durable;
  // Not db.read(): start-up needs the raw bytes (to move aside or back up), so it reads itself.
  const db = new Low<StoreData>(adapter, loaded.data);
  // A damaged journal: save its good part in a snapshot first, and only then move it aside,
  // so a crash in between replays the same lines again rather than losing them.
  if (loaded.needsWrite || replay.damage) await db.write();
  let recovery = loaded.recovery;
  if (replay.damage) {
    const moved = await moveAside(journalFile, clock(), false);
    recovery = journalNotice(recovery, file, moved, replay, clock());
  }
  const journal = await openJournal(journalFile);
  const limits = {
    maxLines: options.journalMaxLines ?? DEFAULT_JOURNAL_MAX_LINES,
    maxBytes: options.journalMaxBytes ?? DEFAULT_JOURNAL_MAX_BYTES,
  };

  const store = new FileStore({
    db,
    dataDir: options.dataDir,
    clock,
    intervalMs: options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS,
    retentionMs,
    recovery,
    applier,
    makeLog: (writeSnapshot) => new ChangeLog(journal, replay.lastSeq, limits, writeSnapshot),
  });
  if (loaded.needsBackup) store.markUnbackedUp();
  return store;
}
