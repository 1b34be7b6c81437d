import type { HistoryState, HistoryStep } from '../../shared/api';
import type { Change, StoreCollection, StoreRecord } from '../store/store';
import type { Store } from '../store/store';

/** The most steps kept in a session; the issue asks for at least 50. */
export const HISTORY_LIMIT = 200;

type Key = { collection: StoreCollection; id: string };

/** One undoable step: each touched record as it was before and after (undefined = absent). */
interface Entry {
  step: HistoryStep;
  records: { key: Key; before?: StoreRecord; after?: StoreRecord }[];
}

const restore = (key: Key, record: StoreRecord | undefined): Change =>
  record
    ? { type: 'put', collection: key.collection, record }
    : { type: 'delete', collection: key.collection, id: key.id };

/**
 * Undo and redo for the session, by snapshots rather than inverse operations: a step stores each
 * record it touched before and after, so undoing puts the "before" back whatever the step was
 * (create, edit, delete to Trash, restore). A new step clears the redo stack, as editors do.
 */
export function createHistory(store: Store) {
  const done: Entry[] = [];
  const undone: Entry[] = [];

  const current = ({ collection, id }: Key): StoreRecord | undefined =>
    store.data[collection].find((r) => r.id === id);

  const keyOf = (change: Change): Key | null =>
    change.type === 'put'
      ? { collection: change.collection, id: change.record.id }
      : change.type === 'delete'
        ? { collection: change.collection, id: change.id }
        : null;

  const move = async (from: Entry[], to: Entry[], side: 'before' | 'after') => {
    const entry = from.pop();
    if (!entry) return null;
    try {
      await store.apply(entry.records.map((r) => restore(r.key, r[side])));
    } catch (error) {
      from.push(entry);
      throw error;
    }
    to.push(entry);
    return entry.step;
  };

  return {
    /** Applies `changes` durably and records them as one undoable step. */
    async apply(step: HistoryStep, changes: Change[]): Promise<void> {
      const records = changes.flatMap((change) => {
        const key = keyOf(change);
        return key ? [{ key, before: current(key) }] : [];
      });
      // apply() changes memory at once; the "after" is read before awaiting the disk, so a
      // second change landing meanwhile is not taken for this one's result.
      const written = store.apply(changes);
      const entry = { step, records: records.map((r) => ({ ...r, after: current(r.key) })) };
      await written;
      done.push(entry);
      if (done.length > HISTORY_LIMIT) done.shift();
      undone.length = 0;
    },
    undo: () => move(done, undone, 'before'),
    redo: () => move(undone, done, 'after'),
    /** Drops every step that touched these records (they were deleted for good). */
    forget(ids: Set<string>): void {
      for (const stack of [done, undone]) {
        const kept = stack.filter((e) => !e.records.some((r) => ids.has(r.key.id)));
        stack.splice(0, stack.length, ...kept);
      }
    },
    /** Forgets every step (the data was replaced by a restore). */
    clear(): void {
      done.length = 0;
      undone.length = 0;
    },
    state: (): HistoryState => ({
      undo: done.at(-1)?.step ?? null,
      redo: undone.at(-1)?.step ?? null,
    }),
  };
}

export type History = ReturnType<typeof createHistory>;
