import { useDeferredValue, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import type { PlacedHighlight } from '../../../../shared/highlights';
import { offsetsToRanges } from '../../lib/textOffsets';
import { HighlightCard } from './HighlightCard';
import type { Highlights } from './useHighlights';

interface Props {
  pane: RefObject<HTMLDivElement | null>;
  store: Highlights;
  selectedId: string | null;
  editing: boolean;
  colorNames: Record<string, string>;
  /** Set when the card was opened from the margin: focus moves into it. */
  focusCard: boolean;
  onSelect(id: string | null, fromMargin?: boolean): void;
  onEdit(editing: boolean): void;
}

const GAP = 10;
const NONE: PlacedHighlight[] = [];

/** Top of a highlight's first line, in the coordinates of the element `column` is laid out in. */
function anchorTop(
  h: PlacedHighlight,
  pane: HTMLElement,
  column: HTMLElement,
  starts: Map<string, number>,
) {
  if (h.start === undefined || h.end === undefined) return 0;
  const [first] = offsetsToRanges(h.start, h.end, pane, starts);
  if (!first) return 0;
  return first.getBoundingClientRect().top - column.getBoundingClientRect().top;
}

/**
 * Notes beside their highlights: each card starts level with its highlight's first line, and
 * cards that would overlap are pushed apart, keeping the selected one level with its text.
 * Positions are written straight to the DOM after layout (no re-render loop) and redone when
 * the text reflows or a card changes size.
 */
export function MarginNotes({
  pane,
  store,
  selectedId,
  editing,
  focusCard,
  colorNames,
  onSelect,
  onEdit,
}: Props) {
  const column = useRef<HTMLDivElement>(null);
  // Rendered after the text and its highlights are painted: hundreds of notes (Markdown parsed
  // and sanitised) must not hold up the page.
  const highlights = useDeferredValue(store.highlights, NONE);
  const shown = useMemo(
    () =>
      highlights.filter(
        (h) => h.start !== undefined && (h.id === selectedId || h.note !== '' || h.tags.length > 0),
      ),
    [highlights, selectedId],
  );

  // Where each highlight's first line is, by id and span. Only a reflow of the text moves it,
  // so selecting or editing a note (which resizes cards) measures no text again.
  const anchors = useRef<{ starts: Map<string, number> | null; tops: Map<string, number> }>({
    starts: null,
    tops: new Map(),
  });

  useLayoutEffect(() => {
    const root = pane.current;
    const box = column.current;
    if (!root || !box) return;
    const cache = anchors.current;
    if (cache.starts !== store.starts) {
      cache.starts = store.starts;
      cache.tops.clear();
    }
    const byId = new Map(shown.map((h) => [h.id, h]));
    const top = (h: PlacedHighlight) => {
      const key = `${h.id}:${h.start}:${h.end}`;
      let value = cache.tops.get(key);
      if (value === undefined) {
        value = anchorTop(h, root, box, store.starts);
        cache.tops.set(key, value);
      }
      return value;
    };
    const layout = () => {
      const cards = [...box.querySelectorAll<HTMLElement>(':scope > [data-highlight-id]')];
      const items = cards.map((el) => {
        const h = byId.get(el.dataset.highlightId ?? '');
        return { el, want: h ? top(h) : 0, height: el.offsetHeight };
      });
      items.sort((a, b) => a.want - b.want);
      const fixed = Math.max(
        0,
        items.findIndex((i) => i.el.dataset.highlightId === selectedId),
      );
      const tops = items.map((i) => i.want);
      // From the selected card (or the first) down, then up: nothing overlaps.
      for (let k = fixed + 1; k < items.length; k++) {
        tops[k] = Math.max(tops[k], tops[k - 1] + items[k - 1].height + GAP);
      }
      for (let k = fixed - 1; k >= 0; k--) {
        tops[k] = Math.min(tops[k], tops[k + 1] - items[k].height - GAP);
      }
      items.forEach((item, k) => (item.el.style.top = `${Math.max(0, tops[k])}px`));
    };
    layout();
    // Reflow of the text (window, font size, column width) and the open card growing as the user
    // types are what move the notes; only the first measures the text again.
    const article = root.querySelector('.article');
    const size = () => `${article?.clientWidth}x${article?.clientHeight}`;
    let measured = size();
    const observer = new ResizeObserver(() => {
      if (size() !== measured) {
        measured = size();
        cache.tops.clear();
      }
      layout();
    });
    if (article) observer.observe(article);
    const open = box.querySelector('.margin-note-open');
    if (open) observer.observe(open);
    return () => observer.disconnect();
  }, [pane, shown, selectedId, editing, store.starts]);

  return (
    <div className="margin-notes" ref={column}>
      {shown.map((h) => (
        <HighlightCard
          key={h.id}
          highlight={h}
          selected={h.id === selectedId}
          editing={editing && h.id === selectedId}
          allTags={store.allTags}
          colorNames={colorNames}
          focusOnOpen={focusCard}
          onSelect={() => onSelect(h.id, true)}
          onClose={() => onSelect(null)}
          onEdit={onEdit}
          onUpdate={async (patch) => (await store.update(h.id, patch)) !== undefined}
          onDelete={() => {
            onSelect(null);
            void store.remove(h.id);
          }}
          onConfirm={() => void store.confirm(h.id)}
        />
      ))}
    </div>
  );
}
