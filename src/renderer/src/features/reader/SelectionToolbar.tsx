import { useEffect, useState, type RefObject } from 'react';
import type { Article } from '../../../../shared/article';
import { COLORS, type Color } from '../../../../shared/highlights';
import { formatDate } from '../../lib/format';
import { hasMod, isTyping, modalOpen } from '../../lib/keys';
import { rangeToOffsets } from '../../lib/textOffsets';

export const COLOR_LABEL: Record<Color, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

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
  onAttach(start: number, end: number): void;
  onNotice(message: string): void;
}

/** "Highlight yellow" … or the citation the quote is copied with. */
export function citation(article: Article, quote: string): string {
  return `“${quote.replace(/\s+/g, ' ').trim()}” — ${article.author}, “${article.title}”, ${article.publisher}, ${formatDate(article.date)}.`;
}

/**
 * The toolbar that appears by a selection in the article: five colours, add a note, copy with
 * citation, and (with the Flashcards issue) make a flashcard. Keys while it is open: `h`
 * highlights in the last colour, `1`–`5` pick a colour, `n` highlights and opens a note, Esc
 * closes it. While re-attaching a highlight it offers "Attach here" (Enter) instead.
 */
export function SelectionToolbar(props: Props) {
  const { pane, article, text, starts, lastColor, colorNames, reattaching } = props;
  const { onHighlight, onNote, onAttach, onNotice } = props;
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
    const done = (run: (start: number, end: number) => void) => {
      // The live selection: keys can arrive before the next frame re-measures it.
      const range = document.getSelection()?.getRangeAt(0);
      const root = pane.current;
      const live = range && root ? rangeToOffsets(range, root, starts) : null;
      run(live?.start ?? selected.start, live?.end ?? selected.end);
      document.getSelection()?.removeAllRanges();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event) || modalOpen() || hasMod(event) || event.altKey)
        return;
      const index = Number(event.key) - 1;
      if (reattaching && event.key === 'Enter') done(onAttach);
      else if (reattaching) return;
      else if (event.key === 'h') done((s, e) => onHighlight(s, e, lastColor));
      else if (event.key === 'n') done(onNote);
      else if (index >= 0 && index < COLORS.length)
        done((s, e) => onHighlight(s, e, COLORS[index]));
      else if (event.key === 'Escape') document.getSelection()?.removeAllRanges();
      else return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [selected, pane, starts, lastColor, reattaching, onHighlight, onNote, onAttach]);

  if (!selected) return null;
  const done = (run: (start: number, end: number) => void) => {
    run(selected.start, selected.end);
    document.getSelection()?.removeAllRanges();
  };
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
      <button type="button" className="text-button" disabled title="Arrives with flashcards">
        Make flashcard
      </button>
    </div>
  );
}
