import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { GlossaryItem } from '../../../../shared/glossary';
import { isTyping, modalOpen } from '../../lib/keys';
import type { OpenTerm } from './TermPopover';

const HOVER_OPEN_MS = 300;
const HOVER_CLOSE_MS = 250;

const markOf = (target: EventTarget | null) =>
  target instanceof Element ? target.closest<HTMLElement>('.term-mark') : null;

/**
 * When a term's popover opens and closes: on hover (after a short pause), on click, and from the
 * keyboard (Tab to a mention, Enter or Space opens, Esc closes). `g` lists the terms on screen.
 */
export function useTermPopover(pane: RefObject<HTMLDivElement | null>, items: GlossaryItem[]) {
  const [open, setOpen] = useState<OpenTerm | null>(null);
  const [listing, setListing] = useState<{ item: GlossaryItem; mark: HTMLElement }[] | null>(null);
  const timer = useRef(0);
  const overPopover = useRef(false);

  const show = useCallback(
    (mark: HTMLElement, focus: boolean) => {
      const item = items.find((i) => i.id === mark.dataset.term);
      if (item) setOpen({ item, mark, focus });
    },
    [items],
  );
  const close = useCallback(() => {
    setOpen((current) => {
      if (current?.focus) current.mark.focus({ preventScroll: true });
      return null;
    });
  }, []);

  useEffect(() => {
    const root = pane.current;
    if (!root) return;
    const later = (run: () => void, ms: number) => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(run, ms);
    };
    const onOver = (event: MouseEvent) => {
      const mark = markOf(event.target);
      if (mark) later(() => show(mark, false), HOVER_OPEN_MS);
    };
    const onOut = (event: MouseEvent) => {
      if (!markOf(event.target)) return;
      later(() => !overPopover.current && setOpen((o) => (o?.focus ? o : null)), HOVER_CLOSE_MS);
    };
    const onClick = (event: MouseEvent) => {
      const mark = markOf(event.target);
      if (!mark) return;
      window.clearTimeout(timer.current);
      show(mark, false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || modalOpen() || event.ctrlKey || event.metaKey || event.altKey)
        return;
      const mark = markOf(document.activeElement);
      if (mark && (event.key === 'Enter' || event.key === ' ')) {
        show(mark, true);
      } else if (event.key === 'Escape' && open) {
        close();
      } else if (event.key === 'g' && !isTyping(event)) {
        const view = root.getBoundingClientRect();
        const seen = new Map<string, { item: GlossaryItem; mark: HTMLElement }>();
        for (const m of root.querySelectorAll<HTMLElement>('.term-mark')) {
          const r = m.getBoundingClientRect();
          const item = items.find((i) => i.id === m.dataset.term);
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
    window.addEventListener('keydown', onKey);
    return () => {
      window.clearTimeout(timer.current);
      root.removeEventListener('mouseover', onOver);
      root.removeEventListener('mouseout', onOut);
      root.removeEventListener('click', onClick);
      window.removeEventListener('keydown', onKey);
    };
  }, [pane, items, show, close, open]);

  return {
    open,
    close,
    listing,
    closeListing: () => setListing(null),
    /** From the `g` list: go to the mention and open its definition. */
    choose: (mark: HTMLElement) => {
      setListing(null);
      mark.focus();
      show(mark, true);
    },
    hoverPopover: (inside: boolean) => {
      overPopover.current = inside;
      if (!inside && !open?.focus) {
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => !overPopover.current && setOpen(null), 250);
      }
    },
  };
}
