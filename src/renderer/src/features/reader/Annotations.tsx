import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Article } from '../../../../shared/article';
import { isPlaced, type Color, type Span } from '../../../../shared/highlights';
import type { Settings } from '../../../../shared/settings';
import type { Report } from '../../components/Notices';
import { isTyping, modalOpen } from '../../lib/keys';
import { articleText, offsetAtPoint, reveal } from '../../lib/textOffsets';
import { AttentionBar } from './AttentionBar';
import { openCardEditor } from '../../lib/cardEvents';
import { highlightKey } from './highlightKeys';
import { MarginNotes } from './MarginNotes';
import { SelectionToolbar } from './SelectionToolbar';
import { useHighlights } from './useHighlights';
import { TermPopover } from './TermPopover';
import { TermsOnScreen } from './TermsOnScreen';
import { useTermMarks } from './useTermMarks';
import { useTermPopover } from './useTermPopover';

/** Where the reader was asked to open: at a highlight (from Notes) or at a passage (from the
 * glossary's concordance). A new nonce each time. */
export interface ReaderTarget {
  highlightId?: string;
  /** Start re-attaching this (orphaned) highlight to a new selection. */
  reattach?: boolean;
  passage?: { start: number; end: number };
  nonce: number;
}

interface Props {
  pane: RefObject<HTMLDivElement | null>;
  article: Article;
  settings: Settings;
  target: ReaderTarget | null;
  onSettings(patch: Partial<Settings>): void;
  onNotice: Report;
  onOpenTerm(termId: string): void;
}

const focusText = (pane: RefObject<HTMLElement | null>) =>
  pane.current?.focus({ preventScroll: true });
const FLASH_MS = 1600;

/**
 * Everything the user adds to the text: highlights painted over it, the selection toolbar, the
 * notes in the margin, the selected highlight's editor, and what needs attention after the
 * article changed (guessed places to confirm, highlights to re-attach).
 *
 * Keys (when no text is selected): Alt+↓ / Alt+↑ select the next / previous highlight, Enter
 * moves focus into its card, 1–5 recolour it, n edits its note, Delete sends it to the Trash,
 * Esc lets it go.
 */
export function Annotations(props: Props) {
  const { pane, article, settings, target, onSettings, onNotice, onOpenTerm } = props;
  const [selectedId, setSelectedId] = useState<string | null>(target?.highlightId ?? null);
  const [editing, setEditing] = useState(false);
  const [reattachId, setReattachId] = useState<string | null>(
    (target?.reattach && target.highlightId) || null,
  );
  // Term marks first: they rewrap text nodes, and the highlights' paint (next) must follow them.
  const terms = useTermMarks(article, pane, settings.termMarks);
  const [flash, setFlash] = useState<Span | null>(null);
  const store = useHighlights(article, pane, onNotice, selectedId, terms.marks, flash);
  const flashTimer = useRef(0);
  const revealAndFlash = useCallback(
    (span: { start?: number; end?: number }, root: HTMLElement) => {
      const shown = reveal(span, root, articleText(article).starts);
      if (!shown) return;
      setFlash(shown);
      window.clearTimeout(flashTimer.current);
      flashTimer.current = window.setTimeout(() => setFlash(null), FLASH_MS);
    },
    [article],
  );
  const popover = useTermPopover(pane, terms.items);
  const { highlights, starts } = store;
  const selected = highlights.find((h) => h.id === selectedId) ?? null;
  const reattaching = highlights.find((h) => h.id === reattachId) ?? null;

  const [focusCard, setFocusCard] = useState(false);
  const select = useCallback((id: string | null, edit = false, fromMargin = false) => {
    setSelectedId(id);
    setEditing(edit);
    setFocusCard(fromMargin);
  }, []);

  // Opened at a highlight (from Notes; the reader mounts anew each time, so the state above
  // already selects it): scroll to it and flash it once it is loaded.
  const revealed = useRef<number | null>(null);
  useEffect(() => {
    const root = pane.current;
    const span = target?.passage ?? highlights.find((x) => x.id === target?.highlightId);
    if (!root || !target || !span || revealed.current === target.nonce) return;
    revealed.current = target.nonce;
    // After the reading position is restored, so this scroll wins.
    requestAnimationFrame(() => revealAndFlash(span, root));
  }, [target, highlights, pane, revealAndFlash]);

  const remember = useCallback(
    (color: Color) => {
      if (color !== settings.highlightColor) onSettings({ highlightColor: color });
    },
    [settings.highlightColor, onSettings],
  );
  const onHighlight = useCallback(
    async (start: number, end: number, color: Color, then?: 'note' | 'flashcard') => {
      remember(color);
      const created = await store.create(start, end, color);
      if (created && then === 'note') select(created.id, true);
      if (created && then === 'flashcard') {
        select(created.id);
        openCardEditor({ kind: 'from-highlight', highlightId: created.id });
      }
    },
    [store, remember, select],
  );
  const onAttach = useCallback(
    async (start: number, end: number) => {
      if (!reattachId) return;
      const done = await store.reattach(reattachId, start, end);
      if (done) {
        setReattachId(null);
        select(done.id);
        onNotice('Highlight re-attached.');
      }
    },
    [reattachId, store, select, onNotice],
  );

  // Click on highlighted text selects the highlight (the shortest one under the pointer).
  useEffect(() => {
    const root = pane.current;
    if (!root) return;
    const onClick = (event: MouseEvent) => {
      // A click on a term that is also highlighted does both: its definition and its card.
      if ((event.target as Element).closest('a, button, input, textarea, .margin-notes')) return;
      if (!(document.getSelection()?.isCollapsed ?? true)) return;
      const at = offsetAtPoint(event.clientX, event.clientY, root, starts);
      const hits =
        at === null ? [] : highlights.filter((h) => isPlaced(h) && h.start <= at && at < h.end);
      hits.sort((a, b) => (a.end ?? 0) - (a.start ?? 0) - ((b.end ?? 0) - (b.start ?? 0)));
      select(hits[0]?.id ?? null);
    };
    root.addEventListener('click', onClick);
    return () => root.removeEventListener('click', onClick);
  }, [pane, highlights, starts, select]);

  // Keys for the selected highlight and for moving between highlights.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event) || modalOpen()) return;
      if (event.ctrlKey || event.metaKey) return;
      const root = pane.current;
      const placed = highlights.filter(isPlaced);
      if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        if (!root || placed.length === 0) return;
        const at = placed.findIndex((h) => h.id === selectedId);
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const next =
          placed[
            at < 0
              ? step > 0
                ? 0
                : placed.length - 1
              : (at + step + placed.length) % placed.length
          ];
        select(next.id);
        revealAndFlash(next, root);
        event.preventDefault();
        return;
      }
      if (!selected || (event.target as HTMLElement).closest('.margin-note-open')) return;
      const onText = !(event.target as HTMLElement).closest(
        'button, a, [role="button"], [role="dialog"]',
      );
      let used = onText && event.key === 'Enter';
      if (used)
        select(selected.id, false, true); // into its card
      else {
        used = highlightKey(event, {
          recolor: (color) => void store.update(selected.id, { color }),
          flashcard: () => openCardEditor({ kind: 'from-highlight', highlightId: selected.id }),
          editNote: () => setEditing(true),
          remove: () => {
            select(null);
            void store.remove(selected.id);
          },
          close: () => select(null),
        });
      }
      if (!used) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pane, highlights, selected, selectedId, store, select, revealAndFlash]);

  const onMarginSelect = useCallback(
    (id: string | null, fromMargin?: boolean) => {
      select(id, false, fromMargin);
      if (!id) focusText(pane); // closed: back to the text
    },
    [select, pane],
  );

  return (
    <>
      <AttentionBar
        highlights={highlights}
        reattaching={reattaching}
        onReattach={(id) => setReattachId(id)}
        onCancelReattach={() => setReattachId(null)}
        onDelete={(id) => void store.remove(id)}
        onReveal={(h) => {
          select(h.id);
          if (pane.current) revealAndFlash(h, pane.current);
        }}
      />
      <SelectionToolbar
        pane={pane}
        article={article}
        text={store.text}
        starts={starts}
        lastColor={settings.highlightColor}
        colorNames={settings.colorNames}
        reattaching={reattaching !== null}
        onHighlight={(start, end, color) => void onHighlight(start, end, color)}
        onNote={(start, end) => void onHighlight(start, end, settings.highlightColor, 'note')}
        onFlashcard={(start, end) =>
          void onHighlight(start, end, settings.highlightColor, 'flashcard')
        }
        onAttach={(start, end) => void onAttach(start, end)}
        onNotice={onNotice}
      />
      {popover.open && (
        <TermPopover
          open={popover.open}
          onClose={popover.close}
          onOpenTerm={onOpenTerm}
          onHover={popover.hoverPopover}
        />
      )}
      {popover.listing && (
        <TermsOnScreen
          terms={popover.listing}
          onChoose={(_item, mark) => popover.choose(mark)}
          onClose={popover.closeListing}
        />
      )}
      <MarginNotes
        pane={pane}
        store={store}
        selectedId={selected ? selected.id : null}
        editing={editing}
        colorNames={settings.colorNames}
        focusCard={focusCard}
        onSelect={onMarginSelect}
        onEdit={setEditing}
      />
    </>
  );
}
