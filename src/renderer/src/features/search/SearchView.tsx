import { useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../../shared/article';
import { COLORS, type Color } from '../../../../shared/highlights';
import {
  SEARCH_KIND_LABEL,
  SEARCH_KINDS,
  SEARCH_LIMITS,
  type SearchHit,
  type SearchKind,
  type SearchQuery,
} from '../../../../shared/search';
import { FilterSelect } from '../../components/FilterSelect';
import { Icon } from '../../components/Icon';
import { api, call } from '../../lib/api';
import { COLOR_LABEL } from '../../lib/colors';
import { plural } from '../../lib/format';
import { onHighlightsChanged } from '../../lib/highlightEvents';
import { HitLine } from './HitLine';
import { snippetText } from './SnippetText';
import { useSearch } from './useSearch';
import '../../styles/notes.css';
import '../../styles/search.css';

interface Props {
  articles: ArticleSummary[];
  initialQuery: string;
  onOpenHit(hit: SearchHit): void;
}

/** Every tag in use, for the tag filter. */
function useTags(): string[] {
  const [tags, setTags] = useState<string[]>([]);
  useEffect(() => {
    const load = () =>
      call(api.highlightsList({})).then(
        (list) =>
          setTags(
            [...new Set(list.flatMap((h) => h.tags))].sort((a, b) => a.localeCompare(b, 'en')),
          ),
        () => undefined,
      );
    void load();
    return onHighlightsChanged(() => void load());
  }, []);
  return tags;
}

/**
 * The Search view (Ctrl/Cmd+Shift+F): the palette's search with room for longer work: up to
 * 200 results in one ranked list, filtered by kind, article, colour and tag. ↓ from the box
 * moves into the results, ↑/↓ between them, Enter opens one.
 */
export function SearchView({ articles, initialQuery, onOpenHit }: Props) {
  const [query, setQuery] = useState(initialQuery);
  const [kinds, setKinds] = useState<SearchKind[]>([]);
  const [articleId, setArticleId] = useState('');
  const [color, setColor] = useState<Color | ''>('');
  const [tag, setTag] = useState('');
  const tags = useTags();
  const box = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const request: SearchQuery = {
    query,
    limit: SEARCH_LIMITS.results,
    ...(kinds.length > 0 && { kinds }),
    ...(articleId && { articleId }),
    ...(color && { color }),
    ...(tag && { tag }),
  };
  const { results, error } = useSearch(request);
  const hits = query.trim() ? results.hits : [];

  useEffect(() => box.current?.focus(), []);

  const toggleKind = (kind: SearchKind) =>
    setKinds((k) => (k.includes(kind) ? k.filter((x) => x !== kind) : [...k, kind]));

  const buttons = () => [...(list.current?.querySelectorAll('button') ?? [])];
  const onListKey = (event: React.KeyboardEvent) => {
    const all = buttons();
    const i = all.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    if (next < 0) box.current?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  };

  const notesOnly = color !== '' || tag !== '';
  const summary = error
    ? error
    : !query.trim()
      ? 'Type to search the articles, the glossary, your highlights and notes, and the cards.'
      : hits.length === 0
        ? `Nothing found for “${query.trim()}”${kinds.length || articleId || notesOnly ? ' with these filters' : ''}.`
        : `${plural(hits.length, 'result')}${hits.length === SEARCH_LIMITS.results ? ' (the best 200)' : ''}${results.complete ? '' : ' — none has every word; these match some'}`;

  return (
    <main className="search-view" aria-labelledby="search-title">
      <header className="view-header">
        <h1 id="search-title">Search</h1>
        <p className="view-sub">
          Words match as you type; one typo is forgiven in longer words, and Chinese and pinyin
          without tones work too.
        </p>
      </header>
      <search className="note-filters search-filters" aria-label="Search and filters">
        <div className="filter-row">
          <div className="filter-search">
            <Icon name="search" size={18} />
            <input
              ref={box}
              type="search"
              aria-label="Search everything"
              placeholder="Search passages, terms, notes and cards"
              value={query}
              maxLength={SEARCH_LIMITS.query}
              spellCheck={false}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' || e.key === 'Enter') {
                  e.preventDefault();
                  buttons()[0]?.focus();
                }
              }}
            />
          </div>
        </div>
        <div className="filter-row">
          <div className="search-kinds" role="group" aria-label="Kinds of result">
            {SEARCH_KINDS.map((k) => (
              <button
                key={k}
                type="button"
                className="chip-button"
                aria-pressed={kinds.includes(k)}
                onClick={() => toggleKind(k)}
              >
                {SEARCH_KIND_LABEL[k]}
              </button>
            ))}
          </div>
          <FilterSelect
            label="Article"
            value={articleId}
            any="All articles"
            options={articles.map((a) => ({ value: a.id, label: a.title }))}
            onChange={setArticleId}
          />
          <FilterSelect<Color>
            label="Colour"
            value={color}
            any="Any colour"
            options={COLORS.map((c) => ({ value: c, label: COLOR_LABEL[c] }))}
            onChange={setColor}
          />
          <FilterSelect
            label="Tag"
            value={tag}
            any={tags.length === 0 ? 'No tags yet' : 'Any tag'}
            options={tags.map((t) => ({ value: t, label: t }))}
            disabled={tags.length === 0}
            onChange={setTag}
          />
        </div>
      </search>
      <p className="search-summary" role="status">
        {summary}
        {notesOnly && hits.length > 0 && ' · colour and tag filters show highlights only'}
      </p>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- arrow keys move between the result buttons */}
      <ul className="search-results" ref={list} aria-label="Results" onKeyDown={onListKey}>
        {hits.map((hit) => (
          <li key={hit.key}>
            <button
              type="button"
              className="search-result"
              aria-label={`${SEARCH_KIND_LABEL[hit.kind]}: ${snippetText(hit.title)}`}
              onClick={() => onOpenHit(hit)}
            >
              <HitLine hit={hit} />
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
