import { AppError } from '../../../shared/api';
import { COLORS, type Color, type Highlight } from '../../../shared/highlights';

/**
 * Highlights as W3C Web Annotations (JSON-LD): an AnnotationCollection whose first page holds
 * every annotation. Each has the note as a Markdown TextualBody (purpose commenting), one
 * TextualBody per tag (purpose tagging), and a target naming the article by a stable URN with
 * both a TextQuoteSelector and a TextPositionSelector; the colour is the target's styleClass.
 * Reading goes the other way, for our files and other tools' that use the same selectors.
 */

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const ARTICLE_URN = 'urn:xinzhi:article:';
const HIGHLIGHT_URN = 'urn:xinzhi:highlight:';

const articleUri = (articleId: string) => `${ARTICLE_URN}${articleId}`;

/** The colours as CSS, for the stylesheet a styleClass must come with. */
const COLOR_CSS: Record<Color, string> = {
  yellow: '#ffd400',
  green: '#58c45c',
  blue: '#409cff',
  pink: '#ff63a0',
  purple: '#a06eff',
};

export function annotation(h: Highlight): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  if (h.note.trim()) {
    body.push({
      type: 'TextualBody',
      value: h.note,
      format: 'text/markdown',
      purpose: 'commenting',
    });
  }
  for (const tag of h.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  return {
    '@context': ANNO_CONTEXT,
    id: `${HIGHLIGHT_URN}${h.id}`,
    type: 'Annotation',
    motivation: 'highlighting',
    created: h.createdAt,
    modified: h.updatedAt,
    ...(body.length > 0 && { body }),
    stylesheet: {
      type: 'CssStylesheet',
      value: `.${h.color} { background-color: ${COLOR_CSS[h.color]}; }`,
    },
    target: {
      source: articleUri(h.articleId),
      styleClass: h.color,
      selector: [
        h.quote,
        { type: 'TextPositionSelector', start: h.position.start, end: h.position.end },
      ],
    },
  };
}

export function annotationCollection(highlights: Highlight[], exportedAt: string) {
  const sorted = [...highlights].sort(
    (a, b) =>
      a.articleId.localeCompare(b.articleId) ||
      a.position.start - b.position.start ||
      a.id.localeCompare(b.id),
  );
  const id = `urn:xinzhi:export:${exportedAt.replace(/[^0-9TZ]/g, '')}`;
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Xinzhi highlights and notes',
    total: sorted.length,
    generated: exportedAt,
    first: {
      id: `${id}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: sorted.map(annotation),
    },
  };
}

/** An annotation as read from a file: what a highlight needs, before it is placed. */
export interface ReadAnnotation {
  /** The annotation's own id (an IRI), if it has one. */
  id?: string;
  /** Our highlight id when the annotation is one of ours. */
  highlightId?: string;
  source: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
  note: string;
  tags: string[];
  color: Color;
  created?: string;
  modified?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const int = (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
const has = (v: Json, type: string) => list(v.type).includes(type);

/** The annotations in a collection, a page, a list or a single annotation. */
function annotationsIn(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) return [];
  if (has(doc, 'Annotation')) return [doc];
  if (has(doc, 'AnnotationPage')) return list(doc.items);
  if (has(doc, 'AnnotationCollection')) {
    const pages: unknown[] = [];
    for (let page: unknown = doc.first; isObject(page) && pages.length < 10_000; page = page.next) {
      pages.push(...list(page.items));
      if (!isObject(page.next)) break;
    }
    return pages;
  }
  return [];
}

const bad = (message: string) => new AppError('invalid_input', `${message} Nothing was imported.`);

/** Reads every annotation; an AppError names the first that cannot be used. */
export function readAnnotations(doc: unknown): ReadAnnotation[] {
  const items = annotationsIn(doc);
  if (items.length === 0) {
    throw bad(
      'The file holds no Web Annotations (an Annotation, AnnotationPage or AnnotationCollection).',
    );
  }
  return items.map((item, i) => {
    const where = `Annotation ${i + 1}`;
    if (!isObject(item) || !has(item, 'Annotation')) throw bad(`${where} is not an Annotation.`);
    const target = list(item.target).find((t) => isObject(t) && str(t.source)) as Json | undefined;
    if (!target) throw bad(`${where} has no target with a source.`);
    const selectors = list(target.selector).filter(isObject);
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    const position = selectors.find((s) => s.type === 'TextPositionSelector');
    const exact = str(quote?.exact);
    const start = int(position?.start);
    const end = int(position?.end);
    if (!exact && (start === undefined || end === undefined || end <= start)) {
      throw bad(`${where} has neither a TextQuoteSelector nor a usable TextPositionSelector.`);
    }
    const bodies = list(item.body).filter(isObject);
    const tags = bodies.filter((b) => b.purpose === 'tagging').flatMap((b) => str(b.value) ?? []);
    const notes = bodies.filter((b) => b.purpose !== 'tagging').flatMap((b) => str(b.value) ?? []);
    if (typeof item.bodyValue === 'string') notes.push(item.bodyValue);
    const id = str(item.id);
    const ours = id?.startsWith(HIGHLIGHT_URN) ? id.slice(HIGHLIGHT_URN.length) : undefined;
    const style = str(target.styleClass);
    return {
      id,
      highlightId: ours,
      source: str(target.source)!,
      exact,
      prefix: str(quote?.prefix),
      suffix: str(quote?.suffix),
      start,
      end,
      note: notes.join('\n\n'),
      tags: [...new Set(tags.map((t) => t.trim()).filter(Boolean))],
      color: (COLORS as readonly string[]).includes(style ?? '') ? (style as Color) : 'yellow',
      created: str(item.created),
      modified: str(item.modified),
    };
  });
}

/** The article an annotation's source names: our URN, or an article id or source given as is. */
export function articleFor(
  source: string,
  articles: { id: string; source: string }[],
): string | undefined {
  const id = source.startsWith(ARTICLE_URN) ? source.slice(ARTICLE_URN.length) : source;
  return articles.find((a) => a.id === id || a.source === source)?.id;
}
