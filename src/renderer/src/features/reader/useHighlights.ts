import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import { describe } from '../../../../shared/anchoring';
import type { Article } from '../../../../shared/article';
import {
  COLORS,
  distinctTags,
  isPlaced,
  unionOfSpans,
  type Color,
  type PlacedHighlight,
  type Span,
} from '../../../../shared/highlights';
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
  const entry: NonNullable<typeof prefetched> = {
    articleId,
    list: call(api.highlightsList({ articleId })),
  };
  entry.list.then((value) => (entry.value = byStart(value))).catch(() => undefined);
  prefetched = entry;
}

/** In text order (the order Alt+↓ walks); orphans last. */
const byStart = (list: PlacedHighlight[]) =>
  [...list].sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
const replace = (list: PlacedHighlight[], next: PlacedHighlight) =>
  list.map((h) => (h.id === next.id ? next : h));
const PAINTS = [...COLORS.map((c) => `hl-${c}`), 'hl-uncertain'];

/**
 * The article's highlights: loaded, changed through the API, and painted with the CSS Custom
 * Highlight API (no DOM changes, so they coexist with anything else that marks the text, and
 * overlapping highlights simply blend). A change made here is applied to the list as the main
 * process answers it; a change made elsewhere (Notes, undo) reloads the list.
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
  const [highlights, setHighlights] = useState<PlacedHighlight[]>(() =>
    article && prefetched?.articleId === article.id ? (prefetched.value ?? []) : [],
  );
  // Every tag in use, of every article: the tag box suggests them.
  const [allTags, setAllTags] = useState<string[]>([]);
  // Who this reader is, to the other views: its own changes are not news to it.
  const [self] = useState(() => ({}));
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
      const list = early ?? call(api.highlightsList({ articleId: article.id }));
      return Promise.all([list, call(api.highlightsSummary())]).then(
        ([value, { tags }]) => {
          if (!live || request !== latest) return; // a newer reload is on its way
          setHighlights(byStart(value));
          setAllTags(tags);
        },
        (error: unknown) => report(`Your highlights could not be loaded: ${errorMessage(error)}`),
      );
    };
    void load();
    const off = onHighlightsChanged(() => void load(), self);
    return () => {
      live = false;
      off();
    };
  }, [article, report, self]);

  // Paint: one named highlight per colour, plus those awaiting a confirm, each the union of its
  // highlights' spans. The browser rebuilds its marks for every range on each change to the page
  // (a keystroke in the palette, say), so overlapping highlights are painted as one range. Before
  // the browser paints, so highlights show in the same frame as the list arrives. Only the names
  // whose spans changed are set again: each set restyles the text.
  const painted = useRef({ root: null as unknown, starts, domKey, signatures: new Map() });
  useLayoutEffect(() => {
    const root = pane.current;
    if (!root || !article || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const last = painted.current;
    if (last.root !== root || last.starts !== starts || last.domKey !== domKey) {
      painted.current = { root, starts, domKey, signatures: new Map() };
    }
    const { signatures } = painted.current;
    const groups = new Map<string, Span[]>(PAINTS.map((name) => [name, []]));
    for (const h of highlights) {
      if (!isPlaced(h)) continue;
      groups.get(`hl-${h.color}`)!.push(h);
      if (h.status === 'uncertain') groups.get('hl-uncertain')!.push(h);
    }
    for (const [name, list] of groups) {
      const spans = unionOfSpans(list);
      const signature = spans.map((s) => `${s.start}-${s.end}`).join();
      if (signatures.get(name) === signature) continue;
      signatures.set(name, signature);
      paint(
        name,
        spans.flatMap((s) => offsetsToStaticRanges(s.start, s.end, root, starts)),
      );
    }
  }, [highlights, article, pane, starts, domKey]);
  useLayoutEffect(
    () => () => {
      painted.current.signatures.clear();
      if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
      for (const name of PAINTS) CSS.highlights.delete(name);
    },
    [article],
  );

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

  /** Runs a change and applies its answer to the list (other views reload); a failure is
   * reported (the change did not happen) and gives undefined. */
  const mutate = useCallback(
    async <T>(
      what: string,
      run: () => Promise<T>,
      apply: (list: PlacedHighlight[], value: T) => PlacedHighlight[],
    ): Promise<T | undefined> => {
      try {
        const value = await run();
        setHighlights((list) => apply(list, value));
        highlightsChanged(self);
        return value;
      } catch (error) {
        report(`${what}: ${errorMessage(error)}`);
        highlightsChanged(); // this view too: drop what was shown ahead of the answer
        return undefined;
      }
    },
    [report, self],
  );
  /** New tags join the suggestions at once. */
  const learnTags = useCallback(
    (h: PlacedHighlight) => setAllTags((tags) => distinctTags([{ tags }, h])),
    [],
  );

  const create = useCallback(
    async (start: number, end: number, color: Color, note = '') => {
      if (!article) return undefined;
      const input = { articleId: article.id, ...describe(text, start, end), color, note };
      const created = await mutate(
        'The highlight was not saved',
        () => call(api.highlightsCreate(input)),
        (list, value) => byStart([...list, value]),
      );
      if (created) learnTags(created);
      return created;
    },
    [article, text, mutate, learnTags],
  );

  // Per highlight, the latest change sent: only its answer is applied, so an earlier answer
  // cannot undo a later change shown ahead of its own (two tags added quickly).
  const latestChange = useRef(new Map<string, number>());
  const update = useCallback(
    async (id: string, patch: HighlightPatch) => {
      // Shown at once, so a second quick change (another tag) builds on this one.
      setHighlights((list) => list.map((h) => (h.id === id ? { ...h, ...patch } : h)));
      const n = (latestChange.current.get(id) ?? 0) + 1;
      latestChange.current.set(id, n);
      const updated = await mutate(
        'The change was not saved',
        () => call(api.highlightsUpdate({ id, ...patch })),
        (list, value) => (latestChange.current.get(id) === n ? replace(list, value) : list),
      );
      if (updated) learnTags(updated);
      return updated;
    },
    [mutate, learnTags],
  );

  const remove = useCallback(
    async (id: string) => {
      const done = await mutate(
        'The highlight was not deleted',
        () => call(api.highlightsDelete({ id })),
        (list) => list.filter((h) => h.id !== id),
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
      mutate('The place was not confirmed', () => call(api.highlightsConfirm({ id })), replace),
    [mutate],
  );

  const reattach = useCallback(
    (id: string, start: number, end: number) =>
      mutate(
        'The highlight was not re-attached',
        () => call(api.highlightsReattach({ id, ...describe(text, start, end) })),
        (list, value) => byStart(replace(list, value)),
      ),
    [text, mutate],
  );

  return { highlights, allTags, text, starts, create, update, remove, confirm, reattach };
}

export type Highlights = ReturnType<typeof useHighlights>;
