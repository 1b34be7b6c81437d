import { useEffect, useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import type { Article } from '../../../../shared/article';
import { concordancer, type Occurrence } from '../../../../shared/concordance';
import type { GlossaryItem } from '../../../../shared/glossary';
import type { TermMarks } from '../../../../shared/settings';
import { loadGlossaryItems } from '../../lib/glossary';
import { articleText, firstRange } from '../../lib/textOffsets';

/** Mentions in body text (headings stay plain); with `first`, only the first mention of each
 * term in each section (between h2 headings). */
function choose(found: Occurrence[], article: Article, mode: TermMarks): Occurrence[] {
  if (mode === 'off') return [];
  const headings = article.blocks.filter((b) => b.kind === 'heading');
  const inHeading = (o: Occurrence) =>
    headings.some((h) => o.start >= h.start && o.start < h.start + h.text.length);
  const body = found.filter((o) => !inHeading(o));
  if (mode === 'all') return body;
  const sections = headings.filter((b) => b.level === 2).map((b) => b.start);
  const seen = new Set<string>();
  return body.filter((o) => {
    const section = sections.filter((s) => s <= o.start).length;
    const key = `${section}:${o.termId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function unwrap(root: HTMLElement) {
  for (const mark of root.querySelectorAll('.term-mark')) {
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent?.normalize();
  }
}

/**
 * Marks glossary terms in the article's DOM: each mention becomes a focusable element around the
 * same text (the canonical text, and so every offset, is unchanged; highlights repaint after).
 * A mention that crosses inline formatting is left unmarked. Returns the glossary and the marked
 * mentions; whatever depends on the DOM (the highlights' paint) must list `marks` as a dependency
 * and be declared after this hook, so it runs after the marks are in place.
 */
export function useTermMarks(
  article: Article,
  pane: RefObject<HTMLDivElement | null>,
  mode: TermMarks,
) {
  const { text, starts } = articleText(article);
  const [items, setItems] = useState<GlossaryItem[]>([]);
  useEffect(() => {
    let live = true;
    loadGlossaryItems().then(
      (list) => live && setItems(list),
      () => undefined, // the reader works without term marks
    );
    return () => {
      live = false;
    };
  }, []);

  const marks = useMemo(
    () => (items.length ? choose(concordancer(items).find(text), article, mode) : []),
    [items, text, article, mode],
  );

  useLayoutEffect(() => {
    const root = pane.current;
    if (!root) return;
    unwrap(root);
    for (const o of [...marks].reverse()) {
      const range = firstRange(o.start, o.end, root, starts, true);
      if (!range || range.startContainer !== range.endContainer) continue;
      const mark = document.createElement('span');
      mark.className = 'term-mark';
      mark.tabIndex = 0;
      mark.setAttribute('role', 'button');
      mark.setAttribute('aria-haspopup', 'dialog');
      mark.dataset.term = o.termId;
      range.surroundContents(mark);
    }
    return () => unwrap(root);
  }, [marks, pane, starts]);

  return { items, marks };
}
