import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../../shared/article';
import { DECK_LABEL, clozePlain } from '../../../../shared/cards';
import type { TrashEntry } from '../../../../shared/highlights';
import { Icon } from '../../components/Icon';
import type { Report } from '../../components/Notices';
import { api, call, errorMessage } from '../../lib/api';
import { highlightsChanged, onHighlightsChanged } from '../../lib/highlightEvents';
import { notePreview } from '../../lib/markdown';
import { runHistory } from '../../lib/undo';
import { COLOR_LABEL } from '../notes/colors';
import { formatDay, formatMoment } from '../notes/dates';
import { ConfirmDialog } from './ConfirmDialog';
import { TRASH_DAYS, daysLeft, daysLeftLabel } from './expiry';
import '../../styles/notes.css';

interface Props {
  articles: ArticleSummary[];
  onNotice: Report;
}

type Pending = { kind: 'one'; entry: TrashEntry } | { kind: 'all' } | null;

/** "highlight", "card" or "item" (a mix), pluralised. */
function noun(entries: TrashEntry[], count = entries.length): string {
  const kinds = new Set(entries.map((e) => e.kind));
  const word = kinds.size > 1 ? 'item' : kinds.has('card') ? 'card' : 'highlight';
  return count === 1 ? word : `${word}s`;
}

/** What a Trash row shows of a highlight or a card. */
function describeEntry(entry: TrashEntry) {
  if (entry.kind === 'highlight') {
    const h = entry.item;
    return {
      label: `${COLOR_LABEL[h.color]} highlight: `,
      text: h.quote.exact,
      note: h.note,
      articleId: h.articleId,
      className: `color-${h.color}`,
    };
  }
  const c = entry.item;
  return {
    label: `${DECK_LABEL[c.deck]} card: `,
    text: c.kind === 'cloze' ? clozePlain(c.cloze ?? '') : (c.front ?? ''),
    note: c.kind === 'cloze' ? (c.extra ?? '') : (c.back ?? ''),
    articleId: c.source?.articleId ?? null,
    className: 'trash-card',
  };
}

/** Deleted highlights, newest first: restore them, delete them for good, or empty the Trash. */
export function TrashView({ articles, onNotice }: Props) {
  const [loaded, setLoaded] = useState<{ entries: TrashEntry[]; now: number } | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const list = useRef<HTMLOListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** After an item leaves the list, the position that should take the focus. */
  const refocus = useRef<number | null>(null);
  const titles = useMemo(() => new Map(articles.map((a) => [a.id, a.title])), [articles]);

  useEffect(() => {
    let live = true;
    let latest = 0;
    const load = () => {
      const request = ++latest;
      call(api.trashList()).then(
        (entries) => live && request === latest && setLoaded({ entries, now: Date.now() }),
        (error: unknown) =>
          live && onNotice(`The Trash could not be loaded: ${errorMessage(error)}`),
      );
    };
    load();
    const unsubscribe = onHighlightsChanged(load);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [onNotice]);

  const entries = loaded?.entries;
  useEffect(() => {
    if (refocus.current === null || !entries) return;
    const items = Array.from(list.current?.querySelectorAll<HTMLElement>('.trash-item') ?? []);
    const item = items[Math.min(refocus.current, items.length - 1)];
    refocus.current = null;
    (item?.querySelector<HTMLButtonElement>('button') ?? heading.current)?.focus();
  }, [entries]);

  /** Remembers where the keyboard was, so focus can stay there once `id` leaves the list. */
  const keepFocus = (id: string) => {
    const index = entries?.findIndex((e) => e.id === id) ?? -1;
    const inList = list.current?.contains(document.activeElement) ?? false;
    if (inList || pending) refocus.current = Math.max(0, index);
  };

  const restore = useCallback(
    async (entry: TrashEntry) => {
      try {
        await call(api.trashRestore({ id: entry.id }));
        highlightsChanged();
        onNotice(entry.kind === 'card' ? 'Card restored.' : 'Highlight restored.', {
          label: 'Undo',
          run: () => void runHistory('undo', onNotice),
        });
      } catch (error) {
        onNotice(`The ${noun([entry])} could not be restored: ${errorMessage(error)}`);
      }
    },
    [onNotice],
  );

  const purge = async (which: Exclude<Pending, null>) => {
    setPending(null);
    try {
      if (which.kind === 'one') {
        keepFocus(which.entry.id);
        await call(api.trashPurge({ id: which.entry.id }));
      } else {
        refocus.current = 0;
        await call(api.trashEmpty());
      }
      highlightsChanged();
      onNotice(
        which.kind === 'one'
          ? `${which.entry.kind === 'card' ? 'Card' : 'Highlight'} deleted forever.`
          : 'The Trash is empty.',
      );
    } catch (error) {
      refocus.current = null;
      const what =
        which.kind === 'one'
          ? `The ${noun([which.entry])} could not be deleted`
          : 'The Trash could not be emptied';
      onNotice(`${what}: ${errorMessage(error)}`);
    }
  };

  const count = entries?.length ?? 0;
  return (
    <main className="trash-view" aria-labelledby="trash-title" aria-busy={!loaded}>
      <header className="view-header trash-head">
        <h1 id="trash-title" ref={heading} tabIndex={-1}>
          Trash
        </h1>
        <p className="view-sub">
          <Icon name="info" size={16} />
          Deleted highlights are kept for {TRASH_DAYS} days, then removed for good; so are deleted
          flashcards.
        </p>
      </header>
      {loaded && count === 0 && (
        <div className="notes-empty">
          <span className="notes-empty-icon">
            <Icon name="trash" size={28} />
          </span>
          <h2>The Trash is empty</h2>
          <p className="muted">
            Highlights and cards you delete wait here for {TRASH_DAYS} days, so you can restore them
            with their notes, tags and review progress.
          </p>
        </div>
      )}
      {loaded && count > 0 && (
        <>
          <div className="trash-toolbar">
            <p className="notes-count" role="status" aria-live="polite">
              <span className="notes-count-main">
                {count} deleted {noun(entries ?? [])}
              </span>
            </p>
            {count > 0 && (
              <button
                type="button"
                className="danger-button"
                onClick={() => setPending({ kind: 'all' })}
              >
                <Icon name="trash" size={17} />
                Empty Trash
              </button>
            )}
          </div>
          <ol
            className="note-list trash-list"
            ref={list}
            aria-label={`Deleted ${noun(entries ?? [], 2)}`}
          >
            {loaded.entries.map((entry) => {
              const h = describeEntry(entry);
              const days = daysLeft(entry.deletedAt, loaded.now);
              const note = h.note.trim() ? notePreview(h.note, 220) : '';
              const quoteId = `trash-quote-${entry.id}`;
              return (
                <li key={entry.id} className={`note-item trash-item ${h.className}`}>
                  <p className="note-quote" id={quoteId}>
                    <span className="visually-hidden">{h.label}</span>
                    <span className="note-quote-text">{h.text}</span>
                  </p>
                  {note && (
                    <p className="trash-note">
                      <Icon name="note" size={16} />
                      <span>
                        <span className="visually-hidden">Note: </span>
                        {note}
                      </span>
                    </p>
                  )}
                  <div className="note-footer">
                    <div className="note-info">
                      <p className="note-meta">
                        <span className="note-article">
                          {h.articleId
                            ? (titles.get(h.articleId) ?? 'Unknown article')
                            : 'Flashcard'}
                        </span>
                        <span className="visually-hidden">, </span>
                        <span aria-hidden="true">·</span>
                        <time dateTime={entry.deletedAt} title={formatMoment(entry.deletedAt)}>
                          Deleted {formatDay(entry.deletedAt)}
                        </time>
                        <span className="visually-hidden">, </span>
                        <span aria-hidden="true">·</span>
                        <span className={`days-left${days <= 3 ? ' soon' : ''}`}>
                          {daysLeftLabel(days)}
                        </span>
                      </p>
                    </div>
                    <div className="note-actions">
                      <button
                        type="button"
                        className="text-button action-primary"
                        aria-describedby={quoteId}
                        onClick={() => {
                          keepFocus(entry.id);
                          void restore(entry);
                        }}
                      >
                        <Icon name="undo" size={15} />
                        Restore
                      </button>
                      <button
                        type="button"
                        className="text-button"
                        aria-describedby={quoteId}
                        onClick={() => setPending({ kind: 'one', entry })}
                      >
                        <Icon name="trash" size={15} />
                        Delete forever
                      </button>
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === 'one'
            ? `Delete this ${noun([pending.entry])} forever?`
            : 'Empty the Trash?'
        }
        message={
          pending?.kind === 'one'
            ? pending.entry.kind === 'card'
              ? 'The card will be removed for good (its past answers stay in the review log). This cannot be undone.'
              : 'The highlight and its note will be removed for good. This cannot be undone.'
            : `${count === 1 ? `The deleted ${noun(entries ?? [])}` : `All ${count} deleted ${noun(entries ?? [])}`} will be removed for good. This cannot be undone.`
        }
        confirmLabel={pending?.kind === 'all' ? 'Empty Trash' : 'Delete forever'}
        onConfirm={() => pending && void purge(pending)}
        onCancel={() => setPending(null)}
      />
    </main>
  );
}
