import { useCallback, useEffect, useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import { describe } from '../../../../shared/anchoring';
import type { Article } from '../../../../shared/article';
import { COLORS, isPlaced, type Color, type PlacedHighlight } from '../../../../shared/highlights';
import type { Report } from '../../components/Notices';
import { api, call, errorMessage } from '../../lib/api';
import { highlightsChanged, onHighlightsChanged } from '../../lib/highlightEvents';
import { articleText, offsetsToStaticRanges, paint } from '../../lib/textOffsets';
import { runHistory } from '../../lib/undo';

export type HighlightPatch = { color?: Color; note?: string; tags?: string[] };

/** Started with the article's own request, so the two load side by side; when the list is in
 * before the article (the usual case), the first render already has it. */
let prefetched: {
  articleId: string;
  list: Promise<PlacedHighlight[]>;
  value?: PlacedHighlight[];
} | null = null;
export function prefetchHighlights(articleId: string): void {
  const entry: NonNullable<typeof prefetched> = { articleId, list: call(api.highlightsList({})) };
  entry.list.then((value) => (entry.value = value)).catch(() => undefined);
  prefetched = entry;
}

/**
 * The article's highlights: loaded, changed through the API, and painted with the CSS Custom
 * Highlight API (no DOM changes, so they coexist with anything else that marks the text, and
 * overlapping highlights simply blend). Reloads whenever any view changes highlights.
 */
export function useHighlights(
  article: Article | null,
  pane: RefObject<HTMLDivElement | null>,
  report: Report,
  selectedId: string | null,
  /** Changes when something rewrapped the article's text nodes: paint again. */
  domKey: unknown,
  /** A passage to flash briefly (the reader was opened at it). */
  flash: { start: number; end: number } | null,
) {
  // Every highlight (the tags of all of them feed the autocomplete); this article's are derived.
  const [all, setAll] = useState<PlacedHighlight[]>(() =>
    article && prefetched?.articleId === article.id ? (prefetched.value ?? []) : [],
  );
  const highlights = useMemo(
    () =>
      all
        .filter((h) => h.articleId === article?.id)
        .sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity)),
    [all, article],
  );
  const allTags = useMemo(() => {
    const tags = new Map<string, string>();
    for (const t of all.flatMap((h) => h.tags)) tags.set(t.toLocaleLowerCase(), t);
    return [...tags.values()].sort((a, b) => a.localeCompare(b));
  }, [all]);
  const { text, starts } = useMemo(
    () => (article ? articleText(article) : { text: '', starts: new Map<string, number>() }),
    [article],
  );

  useEffect(() => {
    if (!article) return;
    let live = true;
    let latest = 0;
    const load = () => {
      const request = ++latest;
      const early = prefetched?.articleId === article.id ? prefetched.list : null;
      prefetched = null;
      return (early ?? call(api.highlightsList({}))).then(
        (list) => {
          if (live && request === latest) setAll(list); // else a newer reload is on its way
        },
        (error: unknown) => report(`Your highlights could not be loaded: ${errorMessage(error)}`),
      );
    };
    void load();
    const off = onHighlightsChanged(() => void load());
    return () => {
      live = false;
      off();
    };
  }, [article, report]);

  // Paint: one named highlight per colour, plus those awaiting a confirm. Before the browser
  // paints, so highlights show in the same frame as the list arrives.
  useLayoutEffect(() => {
    const root = pane.current;
    if (!root || !article || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const ranges = (h: PlacedHighlight) =>
      isPlaced(h) ? offsetsToStaticRanges(h.start, h.end, root, starts) : [];
    for (const color of COLORS) {
      paint(`hl-${color}`, highlights.filter((h) => h.color === color).flatMap(ranges));
    }
    paint('hl-uncertain', highlights.filter((h) => h.status === 'uncertain').flatMap(ranges));
    return () => {
      for (const name of [...COLORS.map((c) => `hl-${c}`), 'hl-uncertain']) {
        CSS.highlights.delete(name);
      }
    };
  }, [highlights, article, pane, starts, domKey]);

  // The selection on its own: selecting a highlight must not repaint every other one.
  const selected = highlights.find((h) => h.id === selectedId);
  useLayoutEffect(() => {
    const root = pane.current;
    if (!root || !selected || !isPlaced(selected) || typeof CSS === 'undefined') return;
    if (!('highlights' in CSS)) return;
    paint('hl-selected', offsetsToStaticRanges(selected.start, selected.end, root, starts));
    return () => void CSS.highlights.delete('hl-selected');
  }, [selected, pane, starts, domKey]);

  // The flash on its own: showing and clearing it must not repaint every highlight.
  useLayoutEffect(() => {
    const root = pane.current;
    if (!root || !flash || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    paint('hl-flash', offsetsToStaticRanges(flash.start, flash.end, root, starts));
    return () => void CSS.highlights.delete('hl-flash');
  }, [flash, pane, starts, domKey]);

  /** Runs a change, then reloads every view; a failure is reported (the change did not happen)
   * and gives undefined. */
  const mutate = useCallback(
    async <T>(what: string, run: () => Promise<T>): Promise<T | undefined> => {
      try {
        const result = await run();
        highlightsChanged();
        return result;
      } catch (error) {
        report(`${what}: ${errorMessage(error)}`);
        highlightsChanged(); // drop what was shown ahead of the answer
        return undefined;
      }
    },
    [report],
  );

  const create = useCallback(
    (start: number, end: number, color: Color, note = '') =>
      article
        ? mutate('The highlight was not saved', () =>
            call(
              api.highlightsCreate({
                articleId: article.id,
                ...describe(text, start, end),
                color,
                note,
              }),
            ),
          )
        : Promise.resolve(undefined),
    [article, text, mutate],
  );

  const update = useCallback(
    (id: string, patch: HighlightPatch) => {
      // Shown at once, so a second quick change (another tag) builds on this one.
      setAll((list) => list.map((h) => (h.id === id ? { ...h, ...patch } : h)));
      return mutate('The change was not saved', () => call(api.highlightsUpdate({ id, ...patch })));
    },
    [mutate],
  );

  const remove = useCallback(
    async (id: string) => {
      const done = await mutate('The highlight was not deleted', () =>
        call(api.highlightsDelete({ id })),
      );
      if (done !== undefined) {
        report('Highlight moved to the Trash.', {
          label: 'Undo',
          run: () => void runHistory('undo', report),
        });
      }
    },
    [mutate, report],
  );

  const confirm = useCallback(
    (id: string) =>
      mutate('The place was not confirmed', () => call(api.highlightsConfirm({ id }))),
    [mutate],
  );

  const reattach = useCallback(
    (id: string, start: number, end: number) =>
      mutate('The highlight was not re-attached', () =>
        call(api.highlightsReattach({ id, ...describe(text, start, end) })),
      ),
    [text, mutate],
  );

  return { highlights, allTags, text, starts, create, update, remove, confirm, reattach };
}

export type Highlights = ReturnType<typeof useHighlights>;
