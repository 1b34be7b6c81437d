import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../../shared/article';
import { distinctTags, type PlacedHighlight } from '../../../../shared/highlights';
import { Icon } from '../../components/Icon';
import type { Report } from '../../components/Notices';
import { api, call, errorMessage } from '../../lib/api';
import { highlightsChanged } from '../../lib/highlightEvents';
import { hasMod, isTyping, modalOpen } from '../../lib/keys';
import { runHistory } from '../../lib/undo';
import { FilterBar } from './FilterBar';
import {
  filterHighlights,
  isFiltering,
  NO_FILTERS,
  searchTerms,
  type NoteFilters,
} from './filters';
import { NoteItem } from './NoteItem';
import { useHighlightList } from './useHighlightList';
import '../../styles/notes.css';

interface Props {
  articles: ArticleSummary[];
  /** Opens the reader at a highlight; `reattach` starts re-attaching an orphaned one. */
  onOpenHighlight(articleId: string, highlightId: string, reattach?: boolean): void;
  onNotice: Report;
}

/** The filters outlive the view while the app runs: coming back finds them as they were. */
let savedFilters: NoteFilters = NO_FILTERS;

const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/** The buttons that open each item, in list order. */
const openButtons = (list: HTMLElement | null) =>
  Array.from(list?.querySelectorAll<HTMLButtonElement>('button.note-open') ?? []);

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Every highlight across the corpus: filter, sort, open in the reader, confirm, delete. */
export function NotesView({ articles, onOpenHighlight, onNotice }: Props) {
  const highlights = useHighlightList(onNotice);
  const [filters, setFilters] = useState(savedFilters);
  const list = useRef<HTMLOListElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** After a delete, the position in the list that should take the focus once it reloads. */
  const refocus = useRef<number | null>(null);

  const changeFilters = useCallback(
    (patch: Partial<NoteFilters>) => setFilters((f) => ({ ...f, ...patch })),
    [],
  );
  useEffect(() => {
    savedFilters = filters;
  }, [filters]);
  const clearFilters = () => changeFilters({ ...NO_FILTERS, sort: filters.sort });

  const titles = useMemo(() => new Map(articles.map((a) => [a.id, a.title])), [articles]);
  const tags = useMemo(() => distinctTags(highlights ?? []), [highlights]);
  const visible = useMemo(
    () => filterHighlights(highlights ?? [], filters, articles),
    [highlights, filters, articles],
  );
  const terms = useMemo(() => searchTerms(filters.text), [filters.text]);
  const total = highlights?.length ?? 0;
  const withNotes = useMemo(
    () => (highlights ?? []).filter((h) => h.note.trim() !== '').length,
    [highlights],
  );

  useEffect(() => {
    if (refocus.current === null) return;
    const all = openButtons(list.current);
    const target = all[Math.min(refocus.current, all.length - 1)];
    refocus.current = null;
    (target ?? search.current ?? heading.current)?.focus();
  }, [visible]);

  // `/` jumps to the filter, as in most list views.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || hasMod(event) || event.altKey || isTyping(event) || modalOpen()) {
        return;
      }
      event.preventDefault();
      search.current?.focus();
      search.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const open = useCallback(
    (h: PlacedHighlight, reattach = false) => onOpenHighlight(h.articleId, h.id, reattach),
    [onOpenHighlight],
  );

  const confirm = useCallback(
    async (h: PlacedHighlight) => {
      try {
        await call(api.highlightsConfirm({ id: h.id }));
        highlightsChanged();
        onNotice('Highlight confirmed in its new place.', {
          label: 'Undo',
          run: () => void runHistory('undo', onNotice),
        });
      } catch (error) {
        onNotice(`The highlight could not be confirmed: ${errorMessage(error)}`);
      }
    },
    [onNotice],
  );

  const remove = useCallback(
    async (h: PlacedHighlight) => {
      const index = openButtons(list.current).findIndex(
        (b) => b.closest('li')?.dataset.id === h.id,
      );
      try {
        await call(api.highlightsDelete({ id: h.id }));
        // Keep the keyboard where it was: on the item that takes the deleted one's place.
        if (index >= 0 && list.current?.contains(document.activeElement)) refocus.current = index;
        highlightsChanged();
        onNotice('Highlight moved to the Trash.', {
          label: 'Undo',
          run: () => void runHistory('undo', onNotice),
        });
      } catch (error) {
        onNotice(`The highlight could not be deleted: ${errorMessage(error)}`);
      }
    },
    [onNotice],
  );

  const onListKeyDown = (event: React.KeyboardEvent) => {
    const all = openButtons(list.current);
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0 || hasMod(event) || event.altKey) return;
    if (event.key === 'Delete') {
      event.preventDefault();
      void remove(visible[index]);
      return;
    }
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    all[move(index, all.length)]?.focus();
  };

  const count = isFiltering(filters)
    ? `${visible.length} of ${plural(total, 'highlight')}`
    : plural(total, 'highlight');

  return (
    <main className="notes-view" aria-labelledby="notes-title" aria-busy={highlights === null}>
      <header className="view-header">
        <h1 id="notes-title" ref={heading} tabIndex={-1}>
          Notes
        </h1>
        <p className="view-sub">
          Every highlight and note across the {NUMBER_WORDS[articles.length] ?? articles.length}{' '}
          articles of the corpus.
        </p>
      </header>
      {highlights !== null && total === 0 && (
        <div className="notes-empty">
          <span className="notes-empty-icon">
            <Icon name="notes" size={28} />
          </span>
          <h2>No highlights yet</h2>
          <p>
            In the reader, select a passage and press <kbd>h</kbd>, or pick a colour from the
            toolbar that appears over the selection. Add a note or tags to it there.
          </p>
          <p className="muted">Every highlight you make, in any article, is collected here.</p>
        </div>
      )}
      {highlights !== null && total > 0 && (
        <>
          <FilterBar
            filters={filters}
            articles={articles}
            tags={tags}
            search={search}
            onChange={changeFilters}
            summary={
              <p className="notes-count" role="status" aria-live="polite">
                <span className="notes-count-main">{count}</span>
                {!isFiltering(filters) && withNotes > 0 && (
                  <span className="muted"> · {plural(withNotes, 'with a note', 'with notes')}</span>
                )}
              </p>
            }
          />
          {visible.length === 0 ? (
            <div className="notes-empty no-match">
              <h2>No highlights match</h2>
              <p className="muted">Try fewer words, or another article, colour or tag.</p>
              <button type="button" className="button" onClick={clearFilters}>
                Clear filters
              </button>
            </div>
          ) : (
            // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- arrow keys move focus between the buttons inside
            <ol className="note-list" ref={list} aria-label="Highlights" onKeyDown={onListKeyDown}>
              {visible.map((h) => (
                <NoteItem
                  key={h.id}
                  highlight={h}
                  articleTitle={titles.get(h.articleId) ?? 'Unknown article'}
                  terms={terms}
                  onOpen={open}
                  onConfirm={confirm}
                  onDelete={remove}
                />
              ))}
            </ol>
          )}
        </>
      )}
    </main>
  );
}
