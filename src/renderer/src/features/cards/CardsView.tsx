import { useCallback, useEffect, useMemo, useState } from 'react';
import { DECKS, DECK_LABEL, type CardView, type Deck } from '../../../../shared/cards';
import { ConfirmDialog } from '../trash/ConfirmDialog';
import { Icon } from '../../components/Icon';
import type { Report } from '../../components/Notices';
import { api, call, errorMessage } from '../../lib/api';
import { cardsChanged, onCardsChanged, openCardEditor } from '../../lib/cardEvents';
import { plural } from '../../lib/format';
import { notePreview } from '../../lib/markdown';
import { runHistory } from '../../lib/undo';
import '../../styles/cards.css';

interface Props {
  onNotice: Report;
  onOpenPassage(articleId: string, start: number, end: number): void;
}

const FILTERS = ['all', 'new', 'learning', 'review', 'relearning', 'suspended', 'leech'] as const;
type StateFilter = (typeof FILTERS)[number];
const FILTER_LABEL: Record<StateFilter, string> = {
  all: 'Any state',
  new: 'New',
  learning: 'Learning',
  review: 'Review',
  relearning: 'Relearning',
  suspended: 'Suspended',
  leech: 'Leeches',
};
const SORTS = { due: 'Due', difficulty: 'Difficulty', lapses: 'Lapses' } as const;
type Sort = keyof typeof SORTS;
/** The bulk actions besides Delete (which asks first). */
const BULK = [
  {
    label: 'Suspend',
    done: 'suspended',
    run: (ids: string[]) => api.cardsSuspend({ ids, suspended: true }),
  },
  {
    label: 'Unsuspend',
    done: 'unsuspended',
    run: (ids: string[]) => api.cardsSuspend({ ids, suspended: false }),
  },
  { label: 'Reset', done: 'reset to new', run: (ids: string[]) => api.cardsReset({ ids }) },
];
/** Rows drawn at first; "Show more" adds as many again. */
const PAGE = 200;

const stateLabel = (c: CardView) =>
  c.suspended ? 'Suspended' : FILTER_LABEL[c.schedule.state as StateFilter];

function dueLabel(c: CardView, now: number): string {
  if (c.schedule.state === 'new') return 'New';
  const days = Math.round((c.schedule.due - now) / 86_400_000);
  if (days <= 0) return c.schedule.due <= now ? 'Due now' : 'Today';
  return days === 1 ? 'Tomorrow' : `In ${days} days`;
}

/** Every card in a table: search, filter by deck and state, sort, and act on many at once. */
export function CardsView({ onNotice, onOpenPassage }: Props) {
  const [cards, setCards] = useState<{ list: CardView[]; now: number } | null>(null);
  const [query, setQuery] = useState('');
  const [deck, setDeck] = useState<Deck | 'all'>('all');
  const [state, setState] = useState<StateFilter>('all');
  const [sort, setSort] = useState<{ by: Sort; descending: boolean }>({
    by: 'due',
    descending: false,
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [shown, setShown] = useState(PAGE);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const load = useCallback(() => {
    call(api.cardsList()).then(
      (list) => setCards({ list, now: Date.now() }),
      (error: unknown) => onNotice(`The cards could not be loaded: ${errorMessage(error)}`),
    );
  }, [onNotice]);
  useEffect(() => {
    load();
    return onCardsChanged(load);
  }, [load]);

  const texts = useMemo(
    () =>
      new Map(
        (cards?.list ?? []).map((c) => [
          c.id,
          { front: notePreview(c.front, 140), back: notePreview(c.back, 400) },
        ]),
      ),
    [cards],
  );

  const rows = useMemo(() => {
    if (!cards) return [];
    const q = query.trim().toLocaleLowerCase();
    const filtered = cards.list.filter((c) => {
      if (deck !== 'all' && c.deck !== deck) return false;
      if (state === 'suspended' && !c.suspended) return false;
      if (state === 'leech' && !c.leech) return false;
      if (!['all', 'suspended', 'leech'].includes(state) && c.schedule.state !== state)
        return false;
      if (!q) return true;
      const t = texts.get(c.id)!;
      return `${t.front} ${t.back}`.toLocaleLowerCase().includes(q);
    });
    const value = (c: CardView) =>
      sort.by === 'due'
        ? c.schedule.state === 'new'
          ? Number.MAX_SAFE_INTEGER
          : c.schedule.due
        : sort.by === 'difficulty'
          ? c.schedule.difficulty
          : c.schedule.lapses;
    const sign = sort.descending ? -1 : 1;
    return filtered.sort((a, b) => sign * (value(a) - value(b)));
  }, [cards, query, deck, state, sort, texts]);

  const visibleIds = rows.map((c) => c.id);
  const chosen = rows.filter((c) => selected.has(c.id));
  const allChosen = rows.length > 0 && chosen.length === rows.length;
  const builtInChosen = chosen.some((c) => c.builtIn);

  const act = async (label: string, run: () => Promise<unknown>) => {
    try {
      await run();
      cardsChanged();
      onNotice(label, {
        label: 'Undo',
        run: () => void runHistory('undo', onNotice).then(cardsChanged),
      });
      setSelected(new Set());
    } catch (error) {
      onNotice(`${errorMessage(error)}`);
    }
  };
  const ids = chosen.map((c) => c.id);
  const n = (count: number) => plural(count, 'card');

  const header = (by: Sort) => (
    <th
      scope="col"
      aria-sort={sort.by === by ? (sort.descending ? 'descending' : 'ascending') : undefined}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() =>
          setSort((s) => ({ by, descending: s.by === by ? !s.descending : by !== 'due' }))
        }
      >
        {SORTS[by]}
        {sort.by === by && <span aria-hidden="true">{sort.descending ? ' ↓' : ' ↑'}</span>}
      </button>
    </th>
  );

  return (
    <main className="cards-view" aria-labelledby="cards-title" aria-busy={!cards}>
      <header className="view-header cards-head">
        <div>
          <h1 id="cards-title">Cards</h1>
          <p className="view-sub">
            {cards ? `${cards.list.length} cards in ${DECKS.length} decks` : 'Loading…'}
          </p>
        </div>
        <button
          type="button"
          className="primary-button"
          onClick={() => openCardEditor({ kind: 'new' })}
        >
          New card
        </button>
      </header>
      <search className="cards-filters" aria-label="Filter cards">
        <div className="filter-row">
          <div className="filter-search">
            <Icon name="search" size={18} />
            <input
              type="search"
              aria-label="Search cards"
              placeholder="Search the front and back"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setShown(PAGE);
              }}
            />
          </div>
          <label className="filter-field">
            <span className="filter-label">Deck</span>
            <span className="select-wrap">
              <select value={deck} onChange={(e) => setDeck(e.target.value as Deck | 'all')}>
                <option value="all">All decks</option>
                {DECKS.map((d) => (
                  <option key={d} value={d}>
                    {DECK_LABEL[d]}
                  </option>
                ))}
              </select>
            </span>
          </label>
          <label className="filter-field">
            <span className="filter-label">State</span>
            <span className="select-wrap">
              <select value={state} onChange={(e) => setState(e.target.value as StateFilter)}>
                {FILTERS.map((f) => (
                  <option key={f} value={f}>
                    {FILTER_LABEL[f]}
                  </option>
                ))}
              </select>
            </span>
          </label>
          <p className="cards-count" role="status" aria-live="polite">
            {rows.length === cards?.list.length ? `${rows.length} shown` : `${rows.length} match`}
          </p>
        </div>
      </search>
      <div className="bulk-bar" role="toolbar" aria-label="Selected cards">
        <span>
          {chosen.length > 0 ? `${n(chosen.length)} selected` : 'Select cards to act on them'}
        </span>
        {BULK.map((b) => (
          <button
            key={b.label}
            type="button"
            className="button"
            disabled={chosen.length === 0}
            onClick={() => void act(`${n(ids.length)} ${b.done}.`, () => call(b.run(ids)))}
          >
            {b.label}
          </button>
        ))}
        <button
          type="button"
          className="danger-button"
          disabled={chosen.length === 0 || builtInChosen}
          title={builtInChosen ? 'Built-in cards can be suspended, not deleted' : undefined}
          onClick={() => setConfirmDelete(true)}
        >
          <Icon name="trash" size={16} /> Delete
        </button>
      </div>
      {cards && rows.length === 0 && (
        <div className="notes-empty">
          <h2>No cards match</h2>
          <p className="muted">Change the search or the filters, or make a card of your own.</p>
        </div>
      )}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="cards-table">
            <thead>
              <tr>
                <th scope="col" className="check-cell">
                  <input
                    type="checkbox"
                    aria-label="Select all cards shown"
                    checked={allChosen}
                    onChange={() => setSelected(allChosen ? new Set() : new Set(visibleIds))}
                  />
                </th>
                <th scope="col">Card</th>
                <th scope="col">Deck</th>
                <th scope="col">State</th>
                {header('due')}
                {header('difficulty')}
                {header('lapses')}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, shown).map((c) => {
                const t = texts.get(c.id)!;
                return (
                  <tr key={c.id} aria-selected={selected.has(c.id)}>
                    <td className="check-cell">
                      <input
                        type="checkbox"
                        aria-label={`Select “${t.front}”`}
                        checked={selected.has(c.id)}
                        onChange={() =>
                          setSelected((s) => {
                            const next = new Set(s);
                            if (next.has(c.id)) next.delete(c.id);
                            else next.add(c.id);
                            return next;
                          })
                        }
                      />
                    </td>
                    <td className="card-cell">
                      <button
                        type="button"
                        className="link-button card-front"
                        onClick={() => openCardEditor({ kind: 'edit', card: c })}
                      >
                        {t.front}
                      </button>
                      <span className="card-back-preview">{t.back}</span>
                    </td>
                    <td>{DECK_LABEL[c.deck]}</td>
                    <td>
                      <span
                        className={`state state-${c.suspended ? 'suspended' : c.schedule.state}`}
                      >
                        {stateLabel(c)}
                      </span>
                      {c.leech && <span className="badge leech">Leech</span>}
                    </td>
                    <td>{dueLabel(c, cards!.now)}</td>
                    <td>{c.schedule.state === 'new' ? '–' : c.schedule.difficulty.toFixed(1)}</td>
                    <td>{c.schedule.lapses}</td>
                    <td className="row-actions">
                      {c.source && (
                        <button
                          type="button"
                          className="icon-button"
                          aria-label={`Show “${t.front}” in context`}
                          title="Show the passage in the reader"
                          onClick={() =>
                            onOpenPassage(c.source!.articleId, c.source!.start, c.source!.end)
                          }
                        >
                          <Icon name="reader" size={17} />
                        </button>
                      )}
                      {c.edited && (
                        <button
                          type="button"
                          className="text-button"
                          onClick={() =>
                            void act('Card reverted to the built-in text.', () =>
                              call(api.cardsRevert({ id: c.id })),
                            )
                          }
                        >
                          Revert
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {rows.length > shown && (
            <button
              type="button"
              className="button show-more"
              onClick={() => setShown((s) => s + PAGE)}
            >
              Show {Math.min(PAGE, rows.length - shown)} more of {rows.length - shown}
            </button>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete ${n(ids.length)}?`}
        message="They go to the Trash for 30 days, with their review progress, and can be restored from there."
        confirmLabel="Delete"
        onConfirm={() => {
          setConfirmDelete(false);
          void act(`${n(ids.length)} moved to the Trash.`, () => call(api.cardsDelete({ ids })));
        }}
        onCancel={() => setConfirmDelete(false)}
      />
    </main>
  );
}
