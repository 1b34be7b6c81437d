import { useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../../shared/article';
import {
  CATEGORY_LABEL,
  GLOSSARY_CATEGORIES,
  type ContextLine,
  type GlossaryItem,
} from '../../../../shared/glossary';
import { api, call, errorMessage } from '../../lib/api';
import { loadGlossaryItems } from '../../lib/glossary';
import { isTyping, modalOpen } from '../../lib/keys';
import '../../styles/glossary.css';
import { GlossaryEntryView } from './GlossaryEntryView';

interface Props {
  articles: ArticleSummary[];
  /** Open at this entry (from the reader). */
  initialTermId: string | null;
  onOpenPassage(articleId: string, start: number, end: number): void;
}

/** Lower case without tone marks: "Xīnzhì" → "xinzhi". */
export const toneless = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Does the entry match the filter: term, aliases, Chinese, or pinyin with or without tones. */
function matches(item: GlossaryItem, query: string): boolean {
  const q = toneless(query.trim());
  if (!q) return true;
  const pinyin = toneless(item.pinyin ?? '');
  return (
    [item.term, ...item.aliases].some((s) => toneless(s).includes(q)) ||
    (item.chinese ?? '').includes(query.trim()) ||
    pinyin.includes(q) ||
    pinyin.replace(/[\s'-]/g, '').includes(q.replace(/[\s'-]/g, ''))
  );
}

type Grouping = 'az' | 'category';

/** Shown first: the concept the app is about. */
const CENTRAL_TERM = 'new-quality-productive-forces';

/**
 * The glossary: every key term A–Z or by category, a filter over terms, aliases, Chinese and
 * pinyin (tones optional), and the chosen entry with its concordance.
 */
export function GlossaryView({ articles, initialTermId, onOpenPassage }: Props) {
  const [items, setItems] = useState<GlossaryItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [grouping, setGrouping] = useState<Grouping>('az');
  const [selectedId, setSelectedId] = useState<string | null>(initialTermId);
  const [found, setFound] = useState<{ id: string; lines: ContextLine[] } | null>(null);
  const filterBox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    loadGlossaryItems().then(setItems, (e: unknown) => setError(errorMessage(e)));
  }, []);

  const shown = useMemo(() => (items ?? []).filter((i) => matches(i, query)), [items, query]);
  const selected =
    items?.find((i) => i.id === selectedId) ??
    (query ? shown[0] : items?.find((i) => i.id === CENTRAL_TERM)) ??
    items?.[0];

  useEffect(() => {
    if (!selected) return;
    let live = true;
    const id = selected.id;
    call(api.glossaryOccurrences({ id })).then(
      (lines) => live && setFound({ id, lines }),
      () => live && setFound({ id, lines: [] }),
    );
    return () => {
      live = false;
    };
  }, [selected]);

  // `/` jumps to the filter.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || isTyping(event) || modalOpen()) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      filterBox.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const groups = useMemo(() => {
    if (grouping === 'category') {
      return GLOSSARY_CATEGORIES.map((c) => ({
        label: CATEGORY_LABEL[c],
        items: shown.filter((i) => i.category === c),
      })).filter((g) => g.items.length > 0);
    }
    const byLetter = new Map<string, GlossaryItem[]>();
    for (const item of shown) {
      const letter = toneless(item.term[0]).toUpperCase();
      byLetter.set(letter, [...(byLetter.get(letter) ?? []), item]);
    }
    return [...byLetter].map(([label, list]) => ({ label, items: list }));
  }, [shown, grouping]);

  /** ↑/↓ move through the list; the entry follows. */
  const onListKey = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const order = groups.flatMap((g) => g.items);
    const at = order.findIndex((i) => i.id === selected?.id);
    const next = order[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    setSelectedId(next.id);
    document.getElementById(`term-${next.id}`)?.focus();
  };

  if (error) {
    return (
      <main className="view glossary-view">
        <div role="alert">
          <h1>The glossary could not be loaded</h1>
          <p>{error}</p>
        </div>
      </main>
    );
  }

  return (
    <main className="view glossary-view" aria-labelledby="glossary-title">
      <header className="view-header">
        <h1 id="glossary-title">Glossary</h1>
        <p className="view-sub">
          {items ? `${items.length} key terms` : 'Loading…'} · definitions in our own words, each
          resting on passages of the five articles
        </p>
      </header>
      <div className="glossary-layout">
        <nav className="glossary-index" aria-label="Terms">
          <div className="glossary-tools">
            <input
              ref={filterBox}
              type="search"
              className="search-box"
              aria-label="Filter terms"
              placeholder="Filter: term, 中文 or pinyin (xinzhi)"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setSelectedId(null);
              }}
            />
            <div className="segmented" role="group" aria-label="Group terms">
              {(['az', 'category'] as const).map((g) => (
                <button
                  key={g}
                  type="button"
                  aria-pressed={grouping === g}
                  onClick={() => setGrouping(g)}
                >
                  {g === 'az' ? 'A–Z' : 'By category'}
                </button>
              ))}
            </div>
          </div>
          <p className="glossary-count" aria-live="polite">
            {query ? `${shown.length} of ${items?.length ?? 0} terms` : ''}
          </p>
          {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions -- arrow keys between the term buttons inside */}
          <div className="glossary-groups" onKeyDown={onListKey}>
            {groups.map((g) => (
              <section key={g.label} aria-label={g.label}>
                <h2 className="glossary-group">{g.label}</h2>
                <ul>
                  {g.items.map((i) => (
                    <li key={i.id}>
                      <button
                        type="button"
                        id={`term-${i.id}`}
                        className="glossary-term"
                        aria-current={i.id === selected?.id ? 'true' : undefined}
                        onClick={() => setSelectedId(i.id)}
                      >
                        <span>{i.term}</span>
                        {i.chinese && (
                          <span className="term-zh" lang="zh-Hans">
                            {i.chinese}
                          </span>
                        )}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
            {items && shown.length === 0 && (
              <p className="empty-hint">
                No term matches “{query}”.{' '}
                <button type="button" className="text-button" onClick={() => setQuery('')}>
                  Clear the filter
                </button>
              </p>
            )}
          </div>
        </nav>
        {selected && (
          <GlossaryEntryView
            item={selected}
            items={items ?? []}
            lines={found?.id === selected.id ? found.lines : []}
            articles={articles}
            onSelect={setSelectedId}
            onOpenPassage={onOpenPassage}
          />
        )}
      </div>
    </main>
  );
}
