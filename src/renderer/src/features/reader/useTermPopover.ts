import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { GlossaryItem } from '../../../../shared/glossary';
import { isTyping, modalOpen } from '../../lib/keys';
import type { OpenTerm } from './TermPopover';

const HOVER_OPEN_MS = 300;
const HOVER_CLOSE_MS = 250;

const markOf = (target: EventTarget | null) =>
  target instanceof Element ? target.closest<HTMLElement>('.term-mark') : null;

/**
 * When a term's popover opens and closes: on hover (after a short pause), on click, and from the
 * keyboard (Tab to a mention, Enter or Space opens, Esc closes and returns to the mention). A
 * popover opened from the keyboard is not replaced or closed by the pointer passing by. Scrolling
 * the text closes it. `g` lists the terms on screen.
 */
export function useTermPopover(pane: RefObject<HTMLDivElement | null>, items: GlossaryItem[]) {
  const [open, setOpenState] = useState<OpenTerm | null>(null);
  const [listing, setListing] = useState<{ item: GlossaryItem; mark: HTMLElement }[] | null>(null);
  const current = useRef<OpenTerm | null>(null);
  const timer = useRef(0);
  const overPopover = useRef(false);
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);

  const setOpen = useCallback((next: OpenTerm | null) => {
    current.current = next;
    setOpenState(next);
  }, []);
  const show = useCallback(
    (mark: HTMLElement, focus: boolean) => {
      window.clearTimeout(timer.current);
      const item = byId.get(mark.dataset.term ?? '');
      if (!item || (current.current?.focus && !focus)) return; // the keyboard's stays
      setOpen({ item, mark, focus });
    },
    [byId, setOpen],
  );
  const close = useCallback(() => {
    const was = current.current;
    setOpen(null);
    if (was?.focus) was.mark.focus({ preventScroll: true });
  }, [setOpen]);
  /** Closes a popover the pointer opened, unless the pointer is over it. */
  const closeHovered = useCallback(() => {
    if (!overPopover.current && !current.current?.focus) setOpen(null);
  }, [setOpen]);

  useEffect(() => {
    const root = pane.current;
    if (!root) return;
    const later = (run: () => void, ms: number) => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(run, ms);
    };
    // Selecting text comes first: no popover opens while a button is held or text is selected,
    // and one the pointer opened closes as soon as a selection is being made.
    const selecting = () => !(document.getSelection()?.isCollapsed ?? true);
    const onOver = (event: MouseEvent) => {
      const mark = markOf(event.target);
      if (mark && event.buttons === 0 && !selecting()) {
        later(() => !selecting() && show(mark, false), HOVER_OPEN_MS);
      }
    };
    const onSelection = () => {
      if (selecting() && current.current && !current.current.focus) setOpen(null);
    };
    const onOut = (event: MouseEvent) => {
      if (markOf(event.target)) later(closeHovered, HOVER_CLOSE_MS);
    };
    const onClick = (event: MouseEvent) => {
      const mark = markOf(event.target);
      if (mark) show(mark, false);
    };
    const onScroll = () => current.current && close();
    // Capture phase: Esc closes the popover before anything else (a selected highlight, a panel).
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || modalOpen() || event.ctrlKey || event.metaKey || event.altKey)
        return;
      const mark = markOf(document.activeElement);
      if (mark && (event.key === 'Enter' || event.key === ' ')) {
        show(mark, true);
      } else if (event.key === 'Escape' && current.current) {
        close();
      } else if (event.key === 'g' && !isTyping(event)) {
        const view = root.getBoundingClientRect();
        const seen = new Map<string, { item: GlossaryItem; mark: HTMLElement }>();
        for (const m of root.querySelectorAll<HTMLElement>('.term-mark')) {
          const r = m.getBoundingClientRect();
          const item = byId.get(m.dataset.term ?? '');
          if (item && r.bottom > view.top && r.top < view.bottom && !seen.has(item.id)) {
            seen.set(item.id, { item, mark: m });
          }
        }
        setListing([...seen.values()]);
      } else {
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    root.addEventListener('mouseover', onOver);
    root.addEventListener('mouseout', onOut);
    root.addEventListener('click', onClick);
    root.addEventListener('scroll', onScroll, { passive: true });
    document.addEventListener('selectionchange', onSelection);
    window.addEventListener('keydown', onKey, { capture: true });
    return () => {
      window.clearTimeout(timer.current);
      root.removeEventListener('mouseover', onOver);
      root.removeEventListener('mouseout', onOut);
      root.removeEventListener('click', onClick);
      root.removeEventListener('scroll', onScroll);
      document.removeEventListener('selectionchange', onSelection);
      window.removeEventListener('keydown', onKey, { capture: true });
    };
  }, [pane, byId, show, close, closeHovered, setOpen]);

  return {
    open,
    close,
    listing,
    closeListing: () => setListing(null),
    /** From the `g` list (already closed): go to the mention and open its definition. */
    choose: (mark: HTMLElement) => {
      setListing(null);
      mark.focus({ preventScroll: true });
      show(mark, true);
    },
    hoverPopover: (inside: boolean) => {
      overPopover.current = inside;
      if (!inside) {
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(closeHovered, HOVER_CLOSE_MS);
      }
    },
  };
}
