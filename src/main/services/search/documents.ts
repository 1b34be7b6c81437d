import { DECK_LABEL, clozePlain, type CardRecord, type CardView } from '../../../shared/cards';
import type { GlossaryEntry } from '../../../shared/glossary';
import type { Highlight } from '../../../shared/highlights';
import type { SearchHit, SearchKind } from '../../../shared/search';
import type { Corpus } from '../corpus';
import type { IndexDoc } from './segment';
import { snippet } from './snippet';

/**
 * What the app indexes, one document each: a block of an article (`p:`), a glossary entry
 * (`g:`), a highlight with its note and tags (`h:`), a card (`c:`). Keys start with the kind's
 * letter. The index keeps no text: a hit's snippet is cut from the source when it is shown.
 */
export const KIND_LETTER: Record<SearchKind, string> = {
  term: 'g',
  passage: 'p',
  note: 'h',
  card: 'c',
};
const KIND_OF: Record<string, SearchKind> = { g: 'term', p: 'passage', h: 'note', c: 'card' };
const kindOf = (key: string): SearchKind => KIND_OF[key[0]];

// Field weights: a term's own name counts most, then its other spellings.
const BOOST = { name: 5, alias: 4, pinyin: 4, heading: 1.5, tags: 2, note: 1.2, body: 1 };

/** Built-in documents change only with the shipped files, which the cache fingerprint covers. */
const SHIPPED = 's';

export function passageDocs(corpus: Corpus): IndexDoc[] {
  return corpus.ids().flatMap((articleId) =>
    corpus.get(articleId).blocks.map((block) => ({
      key: `p:${articleId}:${block.id}`,
      version: SHIPPED,
      article: articleId,
      fields: [{ text: block.text, boost: block.kind === 'heading' ? BOOST.heading : BOOST.body }],
    })),
  );
}

/** Toneless pinyin written together too, so "shengchanli" and "xinzhishengchanli" both work. */
const joined = (pinyin: string) => pinyin.replace(/[\s'-]+/g, '');

export function termDocs(entries: GlossaryEntry[]): IndexDoc[] {
  return entries.map((e) => ({
    key: `g:${e.id}`,
    version: SHIPPED,
    fields: [
      { text: e.term, boost: BOOST.name },
      { text: e.aliases.join(' · '), boost: BOOST.alias },
      { text: e.chinese ?? '', boost: BOOST.name },
      { text: e.pinyin ? `${e.pinyin} ${joined(e.pinyin)}` : '', boost: BOOST.pinyin },
      { text: e.definition, boost: BOOST.body },
    ],
  }));
}

export function noteDoc(h: Highlight): IndexDoc {
  return {
    key: `h:${h.id}`,
    version: h.updatedAt,
    article: h.articleId,
    color: h.color,
    tags: h.tags,
    fields: [
      { text: h.quote.exact, boost: BOOST.body },
      { text: plainMarkdown(h.note), boost: BOOST.note },
      { text: h.tags.join(' · '), boost: BOOST.tags },
    ],
  };
}

/** Markdown as it reads: without emphasis marks, heading and quote markers, link targets. */
export function plainMarkdown(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/(?<!\w)(\*\*|__|\*|_|`|~~)(?=\S)([^\n]*?\S)\1(?!\w)/g, '$2')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** A card's text as it reads: both sides, or the cloze with its blanks filled in. */
export function cardText(edit: CardView['edit']): { front: string; back: string } {
  const sides = 'cloze' in edit ? { front: clozePlain(edit.cloze), back: edit.extra } : edit;
  return { front: plainMarkdown(sides.front), back: plainMarkdown(sides.back) };
}

export function cardDoc(r: CardRecord, edit: CardView['edit'], article?: string): IndexDoc {
  const { front, back } = cardText(edit);
  return {
    key: `c:${r.id}`,
    version: r.updatedAt,
    article,
    fields: [
      { text: front, boost: BOOST.body },
      { text: back, boost: BOOST.body },
    ],
  };
}

/** What a hit needs from the app's data, looked up by id when results are shown. */
export interface HitSources {
  corpus: Corpus;
  term(id: string): GlossaryEntry | undefined;
  highlight(id: string): Highlight | undefined;
  card(id: string): { record: CardRecord; edit: CardView['edit'] } | undefined;
}

/** The result for the document `key`, snippets marked with `terms`; null if it is gone. */
export function hitFor(key: string, terms: Set<string>, from: HitSources): SearchHit | null {
  const kind = kindOf(key);
  const id = key.slice(2);
  const mark = (text: string, width?: number) => snippet(text, terms, width);
  const articleTitle = (articleId: string) =>
    from.corpus.ids().includes(articleId) ? from.corpus.get(articleId).title : 'Unknown article';
  if (kind === 'passage') {
    const [articleId, blockId] = id.split(':');
    if (!from.corpus.ids().includes(articleId)) return null;
    const block = from.corpus.get(articleId).blocks.find((b) => b.id === blockId);
    if (!block) return null;
    return {
      key,
      kind,
      context: articleTitle(articleId),
      title: mark(block.text),
      snippet: [],
      target: { kind, articleId, start: block.start, end: block.start + block.text.length },
    };
  }
  if (kind === 'term') {
    const e = from.term(id);
    if (!e) return null;
    const names = [e.term, ...e.aliases].join(' · ');
    return {
      key,
      kind,
      context: [e.chinese, e.pinyin].filter(Boolean).join(' · '),
      title: mark(names, 200),
      snippet: mark(e.definition),
      target: { kind, termId: e.id },
    };
  }
  if (kind === 'note') {
    const h = from.highlight(id);
    if (!h) return null;
    return {
      key,
      kind,
      context: articleTitle(h.articleId),
      title: mark(h.quote.exact),
      snippet: h.note ? mark(plainMarkdown(h.note)) : [],
      target: { kind, articleId: h.articleId, highlightId: h.id },
      color: h.color,
      tags: h.tags,
    };
  }
  const card = from.card(id);
  if (!card) return null;
  const { front, back } = cardText(card.edit);
  return {
    key,
    kind,
    context: DECK_LABEL[card.record.deck],
    title: mark(front),
    snippet: mark(back),
    target: { kind, cardId: id },
  };
}
