/**
 * Between DOM ranges and offsets in an article's canonical text. Every block element carries
 * `data-block-id`; its textContent is its canonical text, and `starts` gives where each block
 * begins in the article text.
 */

import { BLOCK_SEPARATOR, type Article } from '../../../shared/article';
import { smooth } from './text';

const texts = new WeakMap<Article, { text: string; starts: Map<string, number> }>();
/** An article's canonical text and where each block starts in it (one object per article, so
 * everything keyed on `starts` shares it). */
export function articleText(article: Article): { text: string; starts: Map<string, number> } {
  let found = texts.get(article);
  if (!found) {
    found = {
      text: article.blocks.map((b) => b.text).join(BLOCK_SEPARATOR),
      starts: new Map(article.blocks.map((b) => [b.id, b.start])),
    };
    texts.set(article, found);
  }
  return found;
}

const blockOf = (node: Node): HTMLElement | null =>
  (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('[data-block-id]') ??
  null;

/** Characters of `block`'s text before the DOM point (container, offset). */
function localOffset(block: HTMLElement, container: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(block, 0);
  r.setEnd(container, offset);
  return r.toString().length;
}

function blocksIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-block-id]'));
}

/** Article offsets of a selection inside `root`, or null if it covers no block text. */
export function rangeToOffsets(
  range: Range,
  root: HTMLElement,
  starts: Map<string, number>,
): { start: number; end: number } | null {
  if (range.collapsed || !root.contains(range.commonAncestorContainer)) return null;
  const blocks = blocksIn(root).filter(
    (b) => range.intersectsNode(b) && starts.has(b.dataset.blockId ?? ''),
  );
  if (blocks.length === 0) return null;
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  const startLocal =
    blockOf(range.startContainer) === first
      ? localOffset(first, range.startContainer, range.startOffset)
      : 0;
  const endLocal =
    blockOf(range.endContainer) === last
      ? localOffset(last, range.endContainer, range.endOffset)
      : (last.textContent ?? '').length;
  const start = (starts.get(first.dataset.blockId ?? '') ?? 0) + startLocal;
  const end = (starts.get(last.dataset.blockId ?? '') ?? 0) + endLocal;
  return end > start ? { start, end } : null;
}

/** DOM point for a character offset inside `block`. */
function pointAt(block: HTMLElement, offset: number): [Node, number] {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let remaining = offset;
  let node = walker.nextNode();
  let last: Node | null = null;
  while (node) {
    const length = (node as Text).data.length;
    if (remaining <= length) return [node, remaining];
    remaining -= length;
    last = node;
    node = walker.nextNode();
  }
  return last ? [last, (last as Text).data.length] : [block, 0];
}

interface IndexedBlock {
  element: HTMLElement;
  start: number;
  length: number;
}

/** Blocks in text order with their offsets, built once per rendered article (hundreds of
 * highlights are placed at once; walking every block for each would be quadratic). */
const indexes = new WeakMap<Map<string, number>, { root: HTMLElement; blocks: IndexedBlock[] }>();

function blockIndex(root: HTMLElement, starts: Map<string, number>): IndexedBlock[] {
  const cached = indexes.get(starts);
  if (cached?.root === root && cached.blocks.every((b) => b.element.isConnected)) {
    return cached.blocks;
  }
  const blocks: IndexedBlock[] = [];
  for (const element of blocksIn(root)) {
    const start = starts.get(element.dataset.blockId ?? '');
    if (start !== undefined) {
      blocks.push({ element, start, length: (element.textContent ?? '').length });
    }
  }
  blocks.sort((a, b) => a.start - b.start);
  indexes.set(starts, { root, blocks });
  return blocks;
}

/** The DOM points of each block piece that the article span [start, end) touches. */
function pieces(start: number, end: number, root: HTMLElement, starts: Map<string, number>) {
  const blocks = blockIndex(root, starts);
  // First block that ends after `start` (binary search), then walk while blocks begin before `end`.
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].start + blocks[mid].length <= start) lo = mid + 1;
    else hi = mid;
  }
  const found: { from: [Node, number]; to: [Node, number] }[] = [];
  for (let k = lo; k < blocks.length && blocks[k].start < end; k++) {
    const block = blocks[k];
    const from = Math.max(start, block.start);
    const to = Math.min(end, block.start + block.length);
    if (to <= from) continue;
    found.push({
      from: pointAt(block.element, from - block.start),
      to: pointAt(block.element, to - block.start),
    });
  }
  return found;
}

let shared: Range | null = null;
/**
 * One live range, set on the first block piece of the article span [start, end) (or, with
 * `onePiece`, null unless the span lies in one block): to measure or wrap at once, before the
 * next call moves it. Every live range the page keeps is updated on each DOM change and traced
 * by each GC; measuring a thousand notes with a new range each made both slow.
 */
export function firstRange(
  start: number,
  end: number,
  root: HTMLElement,
  starts: Map<string, number>,
  onePiece = false,
): Range | null {
  const found = pieces(start, end, root, starts);
  if (found.length === 0 || (onePiece && found.length > 1)) return null;
  shared ??= document.createRange();
  shared.setStart(...found[0].from);
  shared.setEnd(...found[0].to);
  return shared;
}

/** The same as static ranges, for painting: the browser need not keep them up to date, which
 * with hundreds of highlights is measurably cheaper. The article's text never changes. */
export function offsetsToStaticRanges(
  start: number,
  end: number,
  root: HTMLElement,
  starts: Map<string, number>,
): StaticRange[] {
  return pieces(start, end, root, starts).map(
    ({ from, to }) =>
      new StaticRange({
        startContainer: from[0],
        startOffset: from[1],
        endContainer: to[0],
        endOffset: to[1],
      }),
  );
}

/** Article offset of the character under the viewport point (x, y), or null if none. */
export function offsetAtPoint(
  x: number,
  y: number,
  root: HTMLElement,
  starts: Map<string, number>,
): number | null {
  const caret = document.caretRangeFromPoint?.(x, y);
  if (!caret || !root.contains(caret.startContainer)) return null;
  const block = blockOf(caret.startContainer);
  const start = block && starts.get(block.dataset.blockId ?? '');
  if (!block || start === undefined || start === null) return null;
  return start + localOffset(block, caret.startContainer, caret.startOffset);
}

/** Scrolls a passage (a highlight's, a match's) a third of the way down the pane; returns the
 * span, to flash, or null when it is not in the text. */
export function reveal(
  span: { start?: number; end?: number },
  pane: HTMLElement,
  starts: Map<string, number>,
): { start: number; end: number } | null {
  if (span.start === undefined || span.end === undefined) return null;
  const first = firstRange(span.start, span.end, pane, starts);
  if (!first) return null;
  const top = first.getBoundingClientRect().top - pane.getBoundingClientRect().top;
  pane.scrollTo({ top: pane.scrollTop + top - pane.clientHeight / 3, behavior: smooth() });
  return { start: span.start, end: span.end };
}

/** Sets (or clears) one named CSS custom highlight. */
export function paint(name: string, ranges: AbstractRange[]): void {
  if (ranges.length > 0) CSS.highlights.set(name, new Highlight(...ranges));
  else CSS.highlights.delete(name);
}
