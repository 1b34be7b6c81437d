import { AppError, type ParsedInput } from '../../shared/api';
import type { CardView } from '../../shared/cards';
import { TRASH_DAYS, type PlacedHighlight, type TrashEntry } from '../../shared/highlights';
import type { Store, StoreRecord } from '../store/store';
import type { History } from './history';

const isTrashEntry = (r: StoreRecord): r is StoreRecord & TrashEntry =>
  (r.kind === 'highlight' || r.kind === 'card') &&
  typeof r.deletedAt === 'string' &&
  typeof r.item === 'object';

/** How each kind of item goes back where it came from. */
export interface Restorers {
  highlight(entry: Extract<TrashEntry, { kind: 'highlight' }>): Promise<PlacedHighlight>;
  card(entry: Extract<TrashEntry, { kind: 'card' }>): Promise<CardView>;
}

/** The Trash: deleted highlights and cards, kept TRASH_DAYS, restorable until then. */
export function trashServices(store: Store, history: History, restorers: Restorers) {
  const trashed = (id: string): TrashEntry => {
    const found = store.data.trash.find((t) => t.id === id);
    if (!found || !isTrashEntry(found)) {
      throw new AppError('not_found', 'That item is no longer in the Trash.');
    }
    return found;
  };

  const purge = async (ids: string[]) => {
    await store.apply(ids.map((id) => ({ type: 'delete', collection: 'trash', id })));
    history.forget(new Set(ids));
  };

  return {
    'trash:list'(): TrashEntry[] {
      return store.data.trash
        .filter(isTrashEntry)
        .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
    },

    'trash:restore'({ id }: ParsedInput<'trash:restore'>): Promise<PlacedHighlight | CardView> {
      const entry = trashed(id);
      return entry.kind === 'card' ? restorers.card(entry) : restorers.highlight(entry);
    },

    /** Deleting for good is final: it is not an undoable step. */
    async 'trash:purge'({ id }: ParsedInput<'trash:purge'>): Promise<null> {
      await purge([trashed(id).id]);
      return null;
    },

    async 'trash:empty'(): Promise<null> {
      await purge(store.data.trash.map((t) => t.id));
      return null;
    },
  };
}

/** Removes Trash entries older than TRASH_DAYS; called once at start. */
export async function expireTrash(store: Store, now: () => Date): Promise<void> {
  const cutoff = now().getTime() - TRASH_DAYS * 24 * 60 * 60 * 1000;
  const expired = store.data.trash.filter(
    (t) => typeof t.deletedAt === 'string' && Date.parse(t.deletedAt) < cutoff,
  );
  if (expired.length > 0) {
    await store.apply(expired.map((t) => ({ type: 'delete', collection: 'trash', id: t.id })));
  }
}
