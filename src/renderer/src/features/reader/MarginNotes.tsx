import {
  useCallback,
  useDeferredValue,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import type { PlacedHighlight } from '../../../../shared/highlights';
import { firstRange } from '../../lib/textOffsets';
import { HighlightCard } from './HighlightCard';
import type { HighlightPatch, Highlights } from './useHighlights';

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
/** A card not drawn yet is laid out at this height, until it has been drawn once. */
const GUESS = 64;
const NONE: PlacedHighlight[] = [];
const NO_IDS = new Set<string>();

/** Top of a highlight's first line, in the coordinates of the element `column` is laid out in. */
function anchorTop(
  h: PlacedHighlight,
  pane: HTMLElement,
  column: HTMLElement,
  starts: Map<string, number>,
) {
  if (h.start === undefined || h.end === undefined) return 0;
  const first = firstRange(h.start, h.end, pane, starts);
  if (!first) return 0;
  return first.getBoundingClientRect().top - column.getBoundingClientRect().top;
}

/** The cards `at` places within a screen of the pane's view: the ones to draw. */
function near(pane: HTMLElement, column: HTMLElement, at: Map<string, [number, number]>) {
  const view = pane.getBoundingClientRect();
  const top = view.top - column.getBoundingClientRect().top - view.height;
  const bottom = top + 3 * view.height;
  const ids = new Set<string>();
  for (const [id, [y, height]] of at) if (y + height >= top && y <= bottom) ids.add(id);
  return ids;
}

const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/**
 * Notes beside their highlights: each card starts level with its highlight's first line, and
 * cards that would overlap are pushed apart, keeping the selected one level with its text.
 * Positions are written straight to the DOM after layout (no re-render loop) and redone when
 * the text reflows or a card changes size. Only the cards within a screen of the view are drawn
 * (and the selected one): an article can have a thousand notes, and each drawn card costs
 * every layout time.
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
  const [drawn, setDrawn] = useState(NO_IDS);

  // Where each highlight's first line is, by id and span. Only a reflow of the text moves it,
  // so selecting or editing a note (which resizes cards) measures no text again. Card heights
  // as last drawn, and where the last layout put every card, [top, height], by id.
  const anchors = useRef<{ starts: Map<string, number> | null; tops: Map<string, number> }>({
    starts: null,
    tops: new Map(),
  });
  const heights = useRef(new Map<string, number>());
  const placed = useRef(new Map<string, [number, number]>());

  useLayoutEffect(() => {
    const root = pane.current;
    const box = column.current;
    if (!root || !box) return;
    const cache = anchors.current;
    if (cache.starts !== store.starts) {
      cache.starts = store.starts;
      cache.tops.clear();
    }
    const top = (h: PlacedHighlight) => {
      const key = `${h.id}:${h.start}:${h.end}`;
      let value = cache.tops.get(key);
      if (value === undefined) {
        value = anchorTop(h, root, box, store.starts);
        cache.tops.set(key, value);
      }
      return value;
    };
    let frame = 0;
    const redraw = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const ids = near(root, box, placed.current);
        setDrawn((old) => (same(old, ids) ? old : ids));
      });
    };
    const layout = () => {
      const cards = new Map<string, HTMLElement>();
      for (const el of box.querySelectorAll<HTMLElement>(':scope > [data-highlight-id]')) {
        cards.set(el.dataset.highlightId ?? '', el);
      }
      for (const [id, el] of cards) heights.current.set(id, el.offsetHeight);
      const items = shown.map((h) => ({
        id: h.id,
        want: top(h),
        height: heights.current.get(h.id) ?? GUESS,
      }));
      items.sort((a, b) => a.want - b.want);
      const fixed = Math.max(
        0,
        items.findIndex((i) => i.id === selectedId),
      );
      const tops = items.map((i) => i.want);
      // From the selected card (or the first) down, then up: nothing overlaps.
      for (let k = fixed + 1; k < items.length; k++) {
        tops[k] = Math.max(tops[k], tops[k - 1] + items[k - 1].height + GAP);
      }
      for (let k = fixed - 1; k >= 0; k--) {
        tops[k] = Math.min(tops[k], tops[k + 1] - items[k].height - GAP);
      }
      placed.current = new Map(items.map((i, k) => [i.id, [Math.max(0, tops[k]), i.height]]));
      // Only the cards that move: each write restyles its card.
      for (const [id, el] of cards) {
        const at = `${placed.current.get(id)?.[0] ?? 0}px`;
        if (el.style.top !== at) el.style.top = at;
      }
      redraw();
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
    root.addEventListener('scroll', redraw, { passive: true });
    return () => {
      observer.disconnect();
      root.removeEventListener('scroll', redraw);
      cancelAnimationFrame(frame);
    };
  }, [pane, shown, selectedId, editing, store.starts, drawn]);

  const { update, remove, confirm } = store;
  const selectCard = useCallback((id: string) => onSelect(id, true), [onSelect]);
  const closeCard = useCallback(() => onSelect(null), [onSelect]);
  const updateCard = useCallback(
    async (id: string, patch: HighlightPatch) => (await update(id, patch)) !== undefined,
    [update],
  );
  const deleteCard = useCallback(
    (id: string) => {
      onSelect(null);
      void remove(id);
    },
    [onSelect, remove],
  );
  const confirmCard = useCallback((id: string) => void confirm(id), [confirm]);

  return (
    <div className="margin-notes" ref={column}>
      {shown
        .filter((h) => h.id === selectedId || drawn.has(h.id))
        .map((h) => (
          <HighlightCard
            key={h.id}
            highlight={h}
            selected={h.id === selectedId}
            editing={editing && h.id === selectedId}
            allTags={store.allTags}
            colorNames={colorNames}
            focusOnOpen={focusCard}
            onSelect={selectCard}
            onClose={closeCard}
            onEdit={onEdit}
            onUpdate={updateCard}
            onDelete={deleteCard}
            onConfirm={confirmCard}
          />
        ))}
    </div>
  );
}
