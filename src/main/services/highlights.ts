import { randomUUID } from 'node:crypto';
import { AppError, type ParsedInput } from '../../shared/api';
import { AnchorError, anchor, describe, type Anchor } from '../../shared/anchoring';
import type { Article } from '../../shared/article';
import type {
  PlacedHighlight,
  TextPositionSelector,
  TextQuoteSelector,
  TrashEntry,
} from '../../shared/highlights';
import { distinctTags, type Highlight, type HighlightSummary } from '../../shared/highlights';
import type { Change, StoreRecord } from '../store/store';
import type { Store } from '../store/store';
import type { Corpus } from './corpus';
import type { History } from './history';

export const isHighlight = (r: StoreRecord): r is StoreRecord & Highlight =>
  typeof (r as Partial<Highlight>).articleId === 'string';

/** The stored highlight with this id; not_found when there is none. */
export function findHighlight(store: Store, id: string): Highlight {
  const found = store.data.highlights.find((h) => h.id === id);
  if (!found || !isHighlight(found)) {
    throw new AppError('not_found', 'That highlight no longer exists.');
  }
  return found;
}

const put = (record: Highlight): Change => ({
  type: 'put',
  collection: 'highlights',
  record: { ...record },
});

/** Tags are case-insensitively unique; the first spelling wins. */
function dedupe(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => {
    const key = t.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The selectors must be exactly what `describe` gives for that span of `text`: nothing is
 * stored on trust (a split surrogate pair or a short context is refused too). */
function checkSelectors(text: string, quote: TextQuoteSelector, position: TextPositionSelector) {
  if (position.end > text.length) {
    throw new AppError('invalid_input', 'The selection is outside the article.');
  }
  let expected: Anchor;
  try {
    expected = describe(text, position.start, position.end);
  } catch (error) {
    if (error instanceof AnchorError) throw new AppError('invalid_input', error.message);
    throw error;
  }
  const q = expected.quote;
  if (q.exact !== quote.exact || q.prefix !== quote.prefix || q.suffix !== quote.suffix) {
    throw new AppError('invalid_input', 'The quote does not match the article at that position.');
  }
}

export function highlightServices(store: Store, corpus: Corpus, history: History, now: () => Date) {
  // Re-anchoring is pure and the corpus is fixed for the session, so each stored record (a new
  // object whenever it changes) is placed once.
  const placements = new WeakMap<Highlight, PlacedHighlight>();

  const place = (h: Highlight): PlacedHighlight => {
    const cached = placements.get(h);
    if (cached) return cached;
    // An article a later version no longer ships: the highlight is kept and listed, unplaced.
    const article = corpus.ids().includes(h.articleId) ? corpus.get(h.articleId) : null;
    const result = article
      ? anchor(corpus.text(article.id), h, { hashMatches: h.contentHash === article.contentHash })
      : ({ status: 'orphaned', confidence: 0 } as const);
    const placed: PlacedHighlight = { ...h, ...result };
    placements.set(h, placed);
    return placed;
  };

  const highlights = () => store.data.highlights.filter(isHighlight);
  const find = (id: string) => findHighlight(store, id);
  const step = (label: string, h: Highlight) => ({ label, articleId: h.articleId, id: h.id });
  const article = (articleId: string): { article: Article; text: string } => {
    const found = corpus.get(articleId);
    return { article: found, text: corpus.text(found.id) };
  };

  /** Saves `next` (already validated) as one undoable step and returns it placed. */
  const save = async (label: string, next: Highlight): Promise<PlacedHighlight> => {
    await history.apply(step(label, next), [put(next)]);
    return place(next);
  };

  const handlers = {
    'highlights:list'({ articleId }: ParsedInput<'highlights:list'>): PlacedHighlight[] {
      if (articleId) corpus.get(articleId);
      return highlights()
        .filter((h) => !articleId || h.articleId === articleId)
        .map(place);
    },

    'highlights:summary'(): HighlightSummary {
      const all = highlights();
      const byArticle: HighlightSummary['byArticle'] = {};
      for (const h of all) {
        const counts = (byArticle[h.articleId] ??= { highlights: 0, notes: 0 });
        counts.highlights++;
        if (h.note.trim()) counts.notes++;
      }
      return { tags: distinctTags(all), byArticle };
    },

    async 'highlights:create'(input: ParsedInput<'highlights:create'>): Promise<PlacedHighlight> {
      const { article: found, text } = article(input.articleId);
      checkSelectors(text, input.quote, input.position);
      const at = now().toISOString();
      return save('Highlight', {
        id: `h-${randomUUID()}`,
        articleId: found.id,
        contentHash: found.contentHash,
        quote: input.quote,
        position: input.position,
        color: input.color,
        note: input.note ?? '',
        tags: dedupe(input.tags ?? []),
        createdAt: at,
        updatedAt: at,
      });
    },

    async 'highlights:update'(input: ParsedInput<'highlights:update'>): Promise<PlacedHighlight> {
      const { id, ...patch } = input;
      const current = find(id);
      const next = { ...current, ...patch, ...(patch.tags ? { tags: dedupe(patch.tags) } : {}) };
      // Nothing changed (a note saved as it was): no undo step, no new date.
      if (JSON.stringify(next) === JSON.stringify(current)) return place(current);
      const label =
        patch.note !== undefined ? 'Edit note' : patch.tags ? 'Edit tags' : 'Change colour';
      return save(label, { ...next, updatedAt: now().toISOString() });
    },

    /** Moves a highlight to a new selection: for an orphaned one, or one the user re-places. */
    async 'highlights:reattach'(
      input: ParsedInput<'highlights:reattach'>,
    ): Promise<PlacedHighlight> {
      const highlight = find(input.id);
      const { article: found, text } = article(highlight.articleId);
      checkSelectors(text, input.quote, input.position);
      return save('Re-attach highlight', {
        ...highlight,
        quote: input.quote,
        position: input.position,
        contentHash: found.contentHash,
        updatedAt: now().toISOString(),
      });
    },

    /** Accepts where re-anchoring put a highlight: its selectors are rewritten there. */
    async 'highlights:confirm'({ id }: ParsedInput<'highlights:confirm'>) {
      const highlight = find(id);
      const placed = place(highlight);
      if (placed.start === undefined || placed.end === undefined) {
        throw new AppError(
          'conflict',
          'This highlight could not be found in the article. Re-attach it to a new selection.',
        );
      }
      const { article: found, text } = article(highlight.articleId);
      return save('Confirm highlight', {
        ...highlight,
        ...describe(text, placed.start, placed.end),
        contentHash: found.contentHash,
        updatedAt: now().toISOString(),
      });
    },

    async 'highlights:delete'({ id }: ParsedInput<'highlights:delete'>): Promise<null> {
      const highlight = find(id);
      const entry: TrashEntry = {
        id,
        kind: 'highlight',
        deletedAt: now().toISOString(),
        item: highlight,
      };
      await history.apply(step('Delete highlight', highlight), [
        { type: 'delete', collection: 'highlights', id },
        { type: 'put', collection: 'trash', record: { ...entry } },
      ]);
      return null;
    },
  };

  return {
    handlers,
    /** Puts a highlight back from the Trash. */
    async restore(entry: Extract<TrashEntry, { kind: 'highlight' }>): Promise<PlacedHighlight> {
      const { item } = entry;
      await history.apply(step('Restore highlight', item), [
        { type: 'delete', collection: 'trash', id: entry.id },
        put(item),
      ]);
      return place(item);
    },
  };
}
