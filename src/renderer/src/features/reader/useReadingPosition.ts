import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Article } from '../../../../shared/article';
import type { ReadingPosition } from '../../../../shared/settings';

const SAVE_DELAY_MS = 350;
/** A block counts as "current" once it reaches this far below the top of the pane. */
const TOP_SLACK_PX = 12;

/** The first block whose bottom is below the top of the pane. */
function topBlock(container: HTMLElement, blocks: HTMLElement[]): HTMLElement | null {
  const top = container.getBoundingClientRect().top + TOP_SLACK_PX;
  let lo = 0;
  let hi = blocks.length - 1;
  let found: HTMLElement | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].getBoundingClientRect().bottom > top) {
      found = blocks[mid];
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

function percentOf(container: HTMLElement): number {
  const max = container.scrollHeight - container.clientHeight;
  return max <= 0 ? 100 : Math.min(100, Math.max(0, (container.scrollTop / max) * 100));
}

export function scrollToBlock(
  container: HTMLElement,
  element: Element,
  behavior: ScrollBehavior = 'auto',
) {
  const offset = element.getBoundingClientRect().top - container.getBoundingClientRect().top;
  container.scrollTo({ top: container.scrollTop + offset - 24, behavior });
}

/**
 * Restores the saved paragraph when the article opens and saves the paragraph at the top of
 * the pane as the user scrolls (debounced, and flushed when the reader closes).
 * Returns the current section heading id and the latest saved block id.
 */
export function useReadingPosition(
  container: RefObject<HTMLDivElement | null>,
  article: Article | null,
  initial: ReadingPosition | null,
  save: (position: ReadingPosition) => void,
) {
  const [section, setSection] = useState<string | null>(null);
  const [percent, setPercent] = useState(initial?.percent ?? 0);
  const [savedBlock, setSavedBlock] = useState<string | null>(initial?.blockId ?? null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  const initialRef = useRef(initial);

  useLayoutEffect(() => {
    const pane = container.current;
    const wanted = initialRef.current?.blockId;
    if (!pane || !article || !wanted) return;
    const element = pane.querySelector(`[data-block-id="${CSS.escape(wanted)}"]`);
    if (element) scrollToBlock(pane, element);
  }, [article, container]);

  useEffect(() => {
    const pane = container.current;
    if (!pane || !article) return;
    const blocks = Array.from(pane.querySelectorAll<HTMLElement>('[data-block-id]')).filter(
      (el) => !el.closest('.footnotes'),
    );
    const headings = blocks.filter((el) => /^H[23]$/.test(el.tagName));
    let pending: ReadingPosition | null = null;
    // The last position saved (or restored): opening an article without moving saves nothing.
    let saved = initialRef.current;
    let timer: number | undefined;
    let frame = 0;

    const flush = () => {
      window.clearTimeout(timer);
      if (!pending) return;
      saveRef.current(pending);
      setSavedBlock(pending.blockId);
      saved = pending;
      pending = null;
    };
    const measure = () => {
      frame = 0;
      const block = topBlock(pane, blocks);
      const p = percentOf(pane);
      setPercent(p);
      const line = pane.getBoundingClientRect().top + pane.clientHeight / 3;
      const current = headings.filter((h) => h.getBoundingClientRect().top <= line).pop();
      setSection(current?.dataset.blockId ?? null);
      if (!block?.dataset.blockId) return;
      const next = { blockId: block.dataset.blockId, percent: Math.round(p * 10) / 10 };
      if (saved && saved.blockId === next.blockId && Math.abs(saved.percent - next.percent) < 1) {
        pending = null;
        return;
      }
      pending = next;
      window.clearTimeout(timer);
      timer = window.setTimeout(flush, SAVE_DELAY_MS);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    pane.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', flush);
    return () => {
      pane.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', flush);
      cancelAnimationFrame(frame);
      flush();
    };
  }, [article, container]);

  return { section, percent, savedBlock };
}
