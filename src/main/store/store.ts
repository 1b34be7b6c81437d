import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import {
  DEFAULT_BACKUP_RETENTION_MS,
  createBackup,
  listBackups,
  type BackupInfo,
  type BackupReason,
} from './backups';
import { DurableFile } from './durable-file';
import { StoreError } from './errors';
import type { StoreData } from './schema';
import { loadStoreFile, type RecoveryNotice } from './startup';
import { WriteQueue } from './write-queue';

export type { BackupInfo, BackupReason } from './backups';
export type { RecoveryNotice } from './startup';
export type { StoreData } from './schema';

export const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60 * 1000;

export interface StoreOptions {
  dataDir: string;
  clock?: () => number;
  /** Interval backups happen at most this often, and only after changes. Default 5 min. */
  backupIntervalMs?: number;
  /** Backups older than this are pruned (never the newest valid one). Default 7 days. */
  backupRetentionMs?: number;
  /** Default 'xinzhi.json'. */
  fileName?: string;
  /** Wraps the file adapter, for tests and benchmarks (count or fail writes). The wrapper must
   * call the inner write synchronously: that is when it snapshots the data. */
  wrapAdapter?: (adapter: Adapter<StoreData>) => Adapter<StoreData>;
}

export interface Store {
  /** Current in-memory state; treat as read-only outside update(). */
  readonly data: StoreData;
  /** Applies `mutate` at once; resolves once a write containing the change is on disk. If
   * `mutate` throws, the returned promise rejects with that error (whatever it changed before
   * throwing is still persisted, so memory and disk agree). */
  update(mutate: (draft: StoreData) => void): Promise<void>;
  /** Resolves when everything so far is durable; retries a write that failed earlier. */
  flush(): Promise<void>;
  backupNow(reason: BackupReason): Promise<BackupInfo>;
  /** Takes an interval backup if one is due by the clock and something changed; else null.
   * The timer calls this; tests call it directly with a driven clock. */
  maybeBackup(): Promise<BackupInfo | null>;
  listBackups(): Promise<BackupInfo[]>;
  /** Set when start-up had to recover from a damaged file; the UI shows it. */
  readonly recovery: RecoveryNotice | null;
  /** Writes started so far (coalescing makes this far lower than the number of updates). */
  readonly writeCount: number;
  /** Flush, take a 'quit' backup if anything changed since the last backup, stop timers. */
  close(): Promise<void>;
}

class FileStore implements Store {
  private readonly queue: WriteQueue;
  private changes = 0;
  private backedUpChanges = 0;
  private lastBackupAt: number;
  private backupChain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private intervalBackup: Promise<BackupInfo> | null = null;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly db: Low<StoreData>,
    private readonly dataDir: string,
    private readonly clock: () => number,
    private readonly intervalMs: number,
    private readonly retentionMs: number,
    readonly recovery: RecoveryNotice | null,
  ) {
    this.queue = new WriteQueue(() => this.db.write());
    this.lastBackupAt = clock();
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
    this.changes++;
    const written = this.queue.changed();
    return failure ? Promise.reject(failure.error) : written;
  }

  flush(): Promise<void> {
    return this.queue.flush();
  }

  backupNow(reason: BackupReason): Promise<BackupInfo> {
    // One backup at a time; each snapshots the data when its turn comes.
    const run = this.backupChain.then(async () => {
      const changes = this.changes;
      const info = await createBackup(
        this.dataDir,
        this.db.data,
        reason,
        this.clock(),
        this.retentionMs,
      );
      this.backedUpChanges = Math.max(this.backedUpChanges, changes);
      this.lastBackupAt = this.clock();
      return info;
    });
    this.backupChain = run.catch(() => undefined);
    return run;
  }

  async maybeBackup(): Promise<BackupInfo | null> {
    if (this.closing || this.intervalBackup || this.changes === this.backedUpChanges) return null;
    const elapsed = this.clock() - this.lastBackupAt;
    // A clock set backwards (elapsed < 0) counts as due rather than pausing backups.
    if (elapsed >= 0 && elapsed < this.intervalMs) return null;
    this.intervalBackup = this.backupNow('interval');
    try {
      return await this.intervalBackup;
    } finally {
      this.intervalBackup = null;
    }
  }

  listBackups(): Promise<BackupInfo[]> {
    return listBackups(this.dataDir);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.timer);
      await this.queue.flush();
      await this.backupChain;
      if (this.changes !== this.backedUpChanges) await this.backupNow('quit');
    })();
    return this.closing;
  }
}

/** Opens (creating, migrating or recovering as needed) the store in `options.dataDir`. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const clock = options.clock ?? Date.now;
  const retentionMs = options.backupRetentionMs ?? DEFAULT_BACKUP_RETENTION_MS;
  const file = path.join(options.dataDir, options.fileName ?? 'xinzhi.json');
  const loaded = await loadStoreFile({ dataDir: options.dataDir, file, now: clock(), retentionMs });

  const durable = new DurableFile<StoreData>(file);
  const adapter = options.wrapAdapter ? options.wrapAdapter(durable) : durable;
  // Not db.read(): start-up needs the raw bytes (to move aside or back up), so it reads itself.
  const db = new Low<StoreData>(adapter, loaded.data);
  if (loaded.needsWrite) await db.write();

  const store = new FileStore(
    db,
    options.dataDir,
    clock,
    options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS,
    retentionMs,
    loaded.recovery,
  );
  if (loaded.needsBackup) store.markUnbackedUp();
  return store;
}
