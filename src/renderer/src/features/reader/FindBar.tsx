import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Article } from '../../../../shared/article';
import type { Span } from '../../../../shared/highlights';
import { Icon } from '../../components/Icon';
import { hasMod, modalOpen } from '../../lib/keys';
import { articleText, offsetsToStaticRanges, paint, reveal } from '../../lib/textOffsets';
import '../../styles/search.css';

/** Every place `query` occurs in the article's text, case-insensitively, in reading order. */
export function findAll(text: string, query: string): Span[] {
  const needle = query.toLocaleLowerCase();
  const hay = text.toLocaleLowerCase();
  // Lower-casing can change a string's length (rarely); then only exact case is searched.
  const [h, n] = hay.length === text.length ? [hay, needle] : [text, query];
  const spans: Span[] = [];
  if (!n.trim()) return spans;
  for (let i = h.indexOf(n); i >= 0; i = h.indexOf(n, i + n.length)) {
    spans.push({ start: i, end: i + n.length });
  }
  return spans;
}

/**
 * Ctrl/Cmd+F in the reader: find in this article. Every match is marked, the current one more
 * strongly and scrolled to; Enter and Shift+Enter step (wrapping), "3 of 12" says where you
 * are, Esc closes and returns to the text.
 */
export function FindBar({
  article,
  pane,
}: {
  article: Article;
  pane: RefObject<HTMLElement | null>;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const { text, starts } = articleText(article);
  const matches = useMemo(() => findAll(text, query), [text, query]);
  const index = matches.length === 0 ? -1 : Math.min(current, matches.length - 1);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!hasMod(event) || event.altKey || event.key.toLowerCase() !== 'f' || event.shiftKey) {
        return;
      }
      if (modalOpen()) return;
      event.preventDefault();
      setOpen(true);
      requestAnimationFrame(() => input.current?.select());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useLayoutEffect(() => {
    const root = pane.current;
    if (!open || !root || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const ranges = (s: Span) => offsetsToStaticRanges(s.start, s.end, root, starts);
    paint('find', matches.flatMap(ranges));
    paint('find-current', index >= 0 ? ranges(matches[index]) : []);
    return () => {
      CSS.highlights.delete('find');
      CSS.highlights.delete('find-current');
    };
  }, [open, matches, index, pane, starts]);

  useEffect(() => {
    const root = pane.current;
    if (open && root && index >= 0) reveal(matches[index], root, starts);
  }, [open, matches, index, pane, starts]);

  if (!open) return null;
  const step = (by: number) =>
    matches.length > 0 && setCurrent((index + by + matches.length) % matches.length);
  const close = () => {
    setOpen(false);
    pane.current?.focus({ preventScroll: true });
  };
  const count = !query
    ? ''
    : matches.length === 0
      ? 'No matches'
      : `${index + 1} of ${matches.length}`;

  return (
    <search className="find-bar" aria-label="Find in article">
      <Icon name="search" size={16} />
      <input
        ref={input}
        type="search"
        aria-label="Find in article"
        placeholder="Find in this article"
        value={query}
        spellCheck={false}
        maxLength={300}
        onChange={(e) => {
          setQuery(e.target.value);
          setCurrent(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      />
      <span className="find-count" role="status" aria-live="polite">
        {count}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={matches.length === 0}
        onClick={() => step(-1)}
      >
        <Icon name="prev" />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Next match"
        title="Next match (Enter)"
        disabled={matches.length === 0}
        onClick={() => step(1)}
      >
        <Icon name="next" />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Close find"
        title="Close (Esc)"
        onClick={close}
      >
        <Icon name="close" />
      </button>
    </search>
  );
}
