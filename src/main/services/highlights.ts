import { randomUUID } from 'node:crypto';
import { AppError, type ParsedInput } from '../../shared/api';
import type { Article } from '../../shared/article';
import type { Highlight, PlacedHighlight } from '../../shared/highlights';
import type { StoreRecord } from '../store/schema';
import type { Store } from '../store/store';
import type { Corpus } from './corpus';

/**
 * Where a stored highlight lands in the current text. When the article is unchanged (same hash)
 * the stored position is trusted once its text is checked; anything else is never guessed here.
 */
function place(h: Highlight, article: Article, text: string): PlacedHighlight {
  const { start, end } = h.position;
  if (text.slice(start, end) === h.quote.exact) {
    return {
      ...h,
      status: h.contentHash === article.contentHash ? 'anchored' : 'moved',
      start,
      end,
    };
  }
  return { ...h, status: 'orphaned' };
}

const isHighlight = (r: StoreRecord): r is StoreRecord & Highlight =>
  typeof (r as Partial<Highlight>).articleId === 'string';

export function highlightServices(store: Store, corpus: Corpus, now: () => Date) {
  const textOf = (article: Article) => corpus.text(article.id);
  const find = (id: string): Highlight => {
    const found = store.data.highlights.find((h) => h.id === id);
    if (!found || !isHighlight(found))
      throw new AppError('not_found', 'That highlight no longer exists.');
    return found;
  };
  const placed = (h: Highlight) => {
    const article = corpus.get(h.articleId);
    return place(h, article, textOf(article));
  };

  return {
    'highlights:list'({ articleId }: ParsedInput<'highlights:list'>): PlacedHighlight[] {
      if (articleId) corpus.get(articleId);
      return store.data.highlights
        .filter(isHighlight)
        .filter((h) => !articleId || h.articleId === articleId)
        .map(placed);
    },

    async 'highlights:create'(input: ParsedInput<'highlights:create'>): Promise<PlacedHighlight> {
      const article = corpus.get(input.articleId);
      const text = textOf(article);
      const { start, end } = input.position;
      const { exact, prefix, suffix } = input.quote;
      if (end > text.length) {
        throw new AppError('invalid_input', 'The selection is outside the article.');
      }
      if (
        text.slice(start, end) !== exact ||
        text.slice(start - prefix.length, start) !== prefix ||
        text.slice(end, end + suffix.length) !== suffix
      ) {
        throw new AppError(
          'invalid_input',
          'The quote does not match the article at that position.',
        );
      }
      const at = now().toISOString();
      const highlight: Highlight = {
        id: `h-${randomUUID()}`,
        articleId: article.id,
        contentHash: article.contentHash,
        quote: input.quote,
        position: input.position,
        color: input.color,
        note: input.note ?? '',
        tags: dedupe(input.tags ?? []),
        createdAt: at,
        updatedAt: at,
      };
      await store.apply([{ type: 'put', collection: 'highlights', record: { ...highlight } }]);
      return place(highlight, article, text);
    },

    async 'highlights:update'(input: ParsedInput<'highlights:update'>): Promise<PlacedHighlight> {
      const { id, ...patch } = input;
      const next: Highlight = {
        ...find(id),
        ...patch,
        ...(patch.tags ? { tags: dedupe(patch.tags) } : {}),
        updatedAt: now().toISOString(),
      };
      await store.apply([{ type: 'put', collection: 'highlights', record: { ...next } }]);
      return placed(next);
    },

    async 'highlights:delete'({ id }: ParsedInput<'highlights:delete'>): Promise<null> {
      const highlight = find(id);
      await store.apply([
        { type: 'delete', collection: 'highlights', id },
        {
          type: 'put',
          collection: 'trash',
          record: { id, kind: 'highlight', deletedAt: now().toISOString(), item: highlight },
        },
      ]);
      return null;
    },
  };
}

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
