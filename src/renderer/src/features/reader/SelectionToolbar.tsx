import { useEffect, useState, type RefObject } from 'react';
import type { Article } from '../../../../shared/article';
import { COLORS, type Color } from '../../../../shared/highlights';
import { COLOR_LABEL } from '../../lib/colors';
import { formatDate } from '../../lib/format';
import { hasMod, isTyping, modalOpen } from '../../lib/keys';
import { rangeToOffsets } from '../../lib/textOffsets';

interface Selected {
  start: number;
  end: number;
  top: number;
  left: number;
}

interface Props {
  pane: RefObject<HTMLDivElement | null>;
  article: Article;
  text: string;
  starts: Map<string, number>;
  lastColor: Color;
  colorNames: Record<Color, string>;
  /** Re-attaching a highlight: the toolbar offers "Attach here" instead of colours. */
  reattaching: boolean;
  onHighlight(start: number, end: number, color: Color): void;
  onNote(start: number, end: number): void;
  onFlashcard(start: number, end: number): void;
  onAttach(start: number, end: number): void;
  onNotice(message: string): void;
}

type Run = (start: number, end: number) => void;

/** Runs `run` on the selection as it is now (a key can arrive before the next frame measures
 * it), if it is still in the article, then clears it. */
function onSelection(root: HTMLElement | null, starts: Map<string, number>, run: Run) {
  const selection = document.getSelection();
  const live =
    root && selection && selection.rangeCount > 0
      ? rangeToOffsets(selection.getRangeAt(0), root, starts)
      : null;
  if (live) run(live.start, live.end);
  selection?.removeAllRanges();
}

/** "Highlight yellow" … or the citation the quote is copied with. */
export function citation(article: Article, quote: string): string {
  return `“${quote.replace(/\s+/g, ' ').trim()}” — ${article.author}, “${article.title}”, ${article.publisher}, ${formatDate(article.date)}.`;
}

/**
 * The toolbar that appears by a selection in the article: five colours, add a note, copy with
 * citation, and make a flashcard. Keys while it is open: `h` highlights in the last colour,
 * `1`–`5` pick a colour, `n` highlights and opens a note, `f` makes a flashcard, Esc
 * closes it. While re-attaching a highlight it offers "Attach here" (Enter) instead.
 */
export function SelectionToolbar(props: Props) {
  const { pane, article, text, starts, lastColor, colorNames, reattaching } = props;
  const { onHighlight, onNote, onFlashcard, onAttach, onNotice } = props;
  const [selected, setSelected] = useState<Selected | null>(null);

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const root = pane.current;
      const selection = document.getSelection();
      if (!root || !selection || selection.rangeCount === 0) return setSelected(null);
      const range = selection.getRangeAt(0);
      const offsets = rangeToOffsets(range, root, starts);
      if (!offsets || text.slice(offsets.start, offsets.end).trim() === '')
        return setSelected(null);
      const rect = range.getBoundingClientRect();
      const box = root.getBoundingClientRect();
      setSelected({
        ...offsets,
        top: Math.max(box.top + 8, rect.top - 52),
        left: Math.min(Math.max(box.left + 8, rect.left + rect.width / 2 - 170), box.right - 350),
      });
    };
    const onChange = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    document.addEventListener('selectionchange', onChange);
    // The toolbar is fixed to the window: follow the selection when the text scrolls.
    const root = pane.current;
    root?.addEventListener('scroll', onChange, { passive: true });
    return () => {
      document.removeEventListener('selectionchange', onChange);
      root?.removeEventListener('scroll', onChange);
      cancelAnimationFrame(frame);
    };
  }, [pane, starts, text]);

  useEffect(() => {
    if (!selected) return;
    const done = (run: Run) => onSelection(pane.current, starts, run);
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event) || modalOpen() || hasMod(event) || event.altKey)
        return;
      const index = Number(event.key) - 1;
      if (reattaching && event.key === 'Enter') done(onAttach);
      else if (reattaching) return;
      else if (event.key === 'h') done((s, e) => onHighlight(s, e, lastColor));
      else if (event.key === 'n') done(onNote);
      else if (event.key === 'f') done(onFlashcard);
      else if (index >= 0 && index < COLORS.length)
        done((s, e) => onHighlight(s, e, COLORS[index]));
      else if (event.key === 'Escape') document.getSelection()?.removeAllRanges();
      else return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [selected, pane, starts, lastColor, reattaching, onHighlight, onNote, onFlashcard, onAttach]);

  if (!selected) return null;
  const done = (run: Run) => onSelection(pane.current, starts, run);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(
        citation(article, text.slice(selected.start, selected.end)),
      );
      onNotice('Copied with citation.');
    } catch {
      onNotice('Copying was not allowed; select the text and press Ctrl+C instead.');
    }
  };

  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selection"
      style={{ top: selected.top, left: selected.left }}
      // Keep the selection: clicking the toolbar must not collapse it before the click lands.
      onMouseDown={(e) => e.preventDefault()}
    >
      {reattaching ? (
        <button type="button" className="primary-button" onClick={() => done(onAttach)}>
          Attach here
        </button>
      ) : (
        <>
          {COLORS.map((color, i) => (
            <button
              key={color}
              type="button"
              className={`swatch swatch-hl-${color}`}
              aria-label={`Highlight ${COLOR_LABEL[color].toLowerCase()}${colorNames[color] ? ` (${colorNames[color]})` : ''}`}
              title={`${colorNames[color] || COLOR_LABEL[color]} (${i + 1})${color === lastColor ? ' — h' : ''}`}
              data-default={color === lastColor || undefined}
              onClick={() => done((s, e) => onHighlight(s, e, color))}
            />
          ))}
          <span className="toolbar-divider" aria-hidden="true" />
          <button
            type="button"
            className="text-button"
            title="Highlight and add a note (n)"
            onClick={() => done(onNote)}
          >
            Add note
          </button>
        </>
      )}
      <span className="toolbar-divider" aria-hidden="true" />
      <button type="button" className="text-button" onClick={() => void copy()}>
        Copy with citation
      </button>
      {!reattaching && (
        <button
          type="button"
          className="text-button"
          title="Highlight and make a flashcard (f)"
          onClick={() => done(onFlashcard)}
        >
          Make flashcard
        </button>
      )}
    </div>
  );
}
