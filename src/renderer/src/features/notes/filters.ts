import type { ArticleSummary } from '../../../../shared/article';
import type { AnchorStatus, Color, PlacedHighlight } from '../../../../shared/highlights';

export type SortOrder = 'position' | 'date';

export interface NoteFilters {
  /** Words to find in the quote, the note or the tags (all of them, in any order). */
  text: string;
  /** '' for every article. */
  articleId: string;
  /** Empty for every colour. */
  colors: Color[];
  /** '' for every tag. */
  tag: string;
  hasNote: boolean;
  status: AnchorStatus | 'all';
  sort: SortOrder;
}

export const NO_FILTERS: NoteFilters = {
  text: '',
  articleId: '',
  colors: [],
  tag: '',
  hasNote: false,
  status: 'all',
  sort: 'position',
};

/** True when some filter hides highlights (the sort order hides nothing). */
export const isFiltering = (f: NoteFilters): boolean =>
  f.text.trim() !== '' ||
  f.articleId !== '' ||
  f.colors.length > 0 ||
  f.tag !== '' ||
  f.hasNote ||
  f.status !== 'all';

/** The words of a text filter, lower-cased. */
export const searchTerms = (text: string): string[] =>
  text.toLocaleLowerCase().split(/\s+/).filter(Boolean);

const hasNote = (h: PlacedHighlight) => h.note.trim() !== '';

function matches(h: PlacedHighlight, f: NoteFilters, terms: string[]): boolean {
  if (f.articleId && h.articleId !== f.articleId) return false;
  if (f.colors.length > 0 && !f.colors.includes(h.color)) return false;
  if (f.tag && !h.tags.some((t) => t.toLocaleLowerCase() === f.tag.toLocaleLowerCase())) {
    return false;
  }
  if (f.hasNote && !hasNote(h)) return false;
  if (f.status !== 'all' && h.status !== f.status) return false;
  if (terms.length === 0) return true;
  const haystack = [h.quote.exact, h.note, ...h.tags].join('\n').toLocaleLowerCase();
  return terms.every((term) => haystack.includes(term));
}

/**
 * The highlights the filters let through, in order: by position (article order, then where the
 * highlight is now; orphaned ones last within their article), or newest change first.
 */
export function filterHighlights(
  highlights: PlacedHighlight[],
  f: NoteFilters,
  articles: ArticleSummary[],
): PlacedHighlight[] {
  const terms = searchTerms(f.text);
  const list = highlights.filter((h) => matches(h, f, terms));
  if (f.sort === 'date') {
    return list.sort(
      (a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.createdAt.localeCompare(a.createdAt),
    );
  }
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const rank = (h: PlacedHighlight) => order.get(h.articleId) ?? articles.length;
  const orphaned = (h: PlacedHighlight) => (h.status === 'orphaned' ? 1 : 0);
  const start = (h: PlacedHighlight) => h.start ?? h.position.start;
  return list.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      orphaned(a) - orphaned(b) ||
      start(a) - start(b) ||
      a.createdAt.localeCompare(b.createdAt),
  );
}
