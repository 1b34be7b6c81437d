import path from 'node:path';
import { validateChanges, type ChangeApplier } from './changes';
import { readBytesIfExists } from './durable-file';
import { StoreError } from './errors';
import { parseJournal } from './journal';
import type { StoreData } from './schema';
import type { RecoveryNotice } from './startup';

export interface ReplayResult {
  /** Lines applied on top of the snapshot. */
  applied: number;
  /** The highest seq seen (or the snapshot's): numbering continues after it. */
  lastSeq: number;
  /** Why replay stopped early; the journal must then be moved aside once the good part is
   * safe in a fresh snapshot. */
  damage: string | null;
}

function seqOf(record: unknown, previous: number): number {
  const seq = (record as { seq?: unknown } | null)?.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq <= previous) {
    throw new StoreError('invalid', `seq ${String(seq)} does not follow ${previous}`);
  }
  return seq;
}

/**
 * Applies the journal lines newer than the snapshot (seq > data.journalSeq) to `data`, in order,
 * each all or nothing. A torn last line is ignored (it was never acknowledged). Replay stops at
 * the first damaged or invalid line: the lines before it are kept, the rest stay in the file.
 *
 * The same rule holds when start-up just restored the snapshot from a backup. Seq is global
 * and backups record their journalSeq, so the lines after it are changes made since that
 * backup. Some may be gone (trimmed once the lost snapshot held them), but every line holds
 * whole records or documents, never deltas: replaying the survivors brings exactly those
 * records up to date and never invents a value. Older lines are in the backup already, or were
 * superseded there, so replaying them would be wrong. A backup from before the journal has
 * journalSeq 0, and every line is newer than it.
 *
 * Lines are replayed after migration, onto current-version data. The journal format is that of
 * schema version 1: a migration that changes what a change means must translate the journal
 * (or refuse it) too.
 */
export async function replayJournal(
  file: string,
  data: StoreData,
  applier: ChangeApplier,
): Promise<ReplayResult> {
  const result: ReplayResult = { applied: 0, lastSeq: data.journalSeq, damage: null };
  const bytes = await readBytesIfExists(file);
  if (bytes === null) return result;
  const { records, damage } = parseJournal(bytes.toString('utf8'), file);
  let previous = 0;
  for (const [i, record] of records.entries()) {
    try {
      const seq = seqOf(record, previous);
      previous = seq;
      result.lastSeq = Math.max(result.lastSeq, seq);
      if (seq <= data.journalSeq) continue; // already in the snapshot
      const { changes } = record as { changes: unknown };
      validateChanges(changes);
      applier.apply(data, changes);
      data.journalSeq = seq;
      result.applied++;
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      result.damage = `${path.basename(file)} line ${i + 1} is invalid (${error.message})`;
      return result;
    }
  }
  if (damage) result.damage = damage.message;
  return result;
}

/**
 * The notice for a damaged journal. The shared RecoveryNotice has no field for "the store file
 * was fine", so restoredFrom names the store file the data came from.
 */
export function journalNotice(
  notice: RecoveryNotice | null,
  storeFile: string,
  moved: string,
  replay: ReplayResult,
  now: number,
): RecoveryNotice {
  const why =
    `${replay.damage ?? 'the journal is damaged'}: ${replay.applied} newer line(s) before it ` +
    `were applied, and the journal was kept as ${path.basename(moved)}`;
  if (notice) return { ...notice, reason: `${notice.reason}. Also, ${why}`, damagedJournal: moved };
  return {
    damagedFile: moved,
    restoredFrom: storeFile,
    reason: why,
    at: new Date(now).toISOString(),
    damagedJournal: moved,
  };
}
