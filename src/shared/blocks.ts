import { Marked, Parser, type MarkedExtension, type Token, type Tokens } from 'marked';
import markedFootnote from 'marked-footnote';
import { BLOCK_SEPARATOR, type Block, type TocEntry } from './article';

/**
 * Turns an article's Markdown into blocks. Each block carries its inline HTML and its canonical
 * text — by definition the DOM `textContent` of that HTML (a test checks this in a real browser).
 * Footnote markers and back-links render with CSS-generated text, so they add nothing to it.
 */

interface FootnoteRefToken {
  type: 'footnoteRef';
  label: string;
  index: number;
}
interface FootnoteToken {
  type: 'footnote';
  label: string;
  content: Token[];
}

const escapeAttr = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export const footnoteRefId = (label: string, index = 0): string =>
  `fnref-${label}${index > 0 ? `-${index + 1}` : ''}`;

/** Our rendering of footnote references: empty anchors whose number comes from CSS. */
const footnoteRenderer: MarkedExtension = {
  extensions: [
    {
      name: 'footnoteRef',
      renderer(token) {
        const { label, index } = token as unknown as FootnoteRefToken;
        const l = escapeAttr(label);
        return `<sup class="fnref"><a id="${footnoteRefId(l, index)}" href="#fn-${l}" data-n="${l}" aria-label="Footnote ${l}"></a></sup>`;
      },
    },
  ],
};

function createMarked(): Marked {
  // marked-footnote keeps per-instance state, so each parse gets a fresh instance.
  return new Marked({ gfm: true }, markedFootnote(), footnoteRenderer);
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** The text a browser would give as `textContent` for this (well-formed, marked-generated) HTML. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X'
            ? parseInt(name.slice(2), 16)
            : parseInt(name.slice(1), 10);
        return String.fromCodePoint(code);
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

export interface ParsedBlocks {
  blocks: Block[];
  toc: TocEntry[];
  /** All block texts joined with BLOCK_SEPARATOR; `block.start` indexes into it. */
  text: string;
}

type Draft = Omit<Block, 'id' | 'text' | 'start'>;

export function parseBlocks(markdown: string): ParsedBlocks {
  const marked = createMarked();
  const options = marked.defaults;
  const inline = (tokens: Token[] | undefined): string =>
    Parser.parseInline(tokens ?? [], options).trim();
  const drafts: Draft[] = [];
  let groupId = 0;

  const listItems = (list: Tokens.List): void => {
    const group = { id: ++groupId, tag: list.ordered ? ('ol' as const) : ('ul' as const) };
    for (const item of list.items) {
      const inlineParts = item.tokens.filter((t) => t.type === 'text' || t.type === 'paragraph');
      const html = inlineParts.map((t) => inline((t as Tokens.Text).tokens)).join(' ');
      drafts.push({ kind: 'list-item', group, html });
      for (const nested of item.tokens)
        if (nested.type === 'list') listItems(nested as Tokens.List);
    }
  };

  let footnotes: FootnoteToken[] = [];
  for (const token of marked.lexer(markdown)) {
    switch (token.type) {
      case 'heading': {
        const t = token as Tokens.Heading;
        drafts.push({ kind: 'heading', level: Math.max(2, t.depth), html: inline(t.tokens) });
        break;
      }
      case 'paragraph':
        drafts.push({ kind: 'paragraph', html: inline((token as Tokens.Paragraph).tokens) });
        break;
      case 'list':
        listItems(token as Tokens.List);
        break;
      case 'blockquote': {
        const group = { id: ++groupId, tag: 'blockquote' as const };
        for (const inner of (token as Tokens.Blockquote).tokens) {
          if (inner.type === 'paragraph') {
            drafts.push({ kind: 'quote', group, html: inline((inner as Tokens.Paragraph).tokens) });
          }
        }
        break;
      }
      case 'footnotes':
        footnotes = (token as unknown as { rawItems: FootnoteToken[] }).rawItems;
        break;
      default:
        // space, hr, footnote definitions (collected via `footnotes`): nothing to show.
        break;
    }
  }
  for (const note of footnotes) {
    const paragraphs = note.content.filter((t) => t.type === 'paragraph') as Tokens.Paragraph[];
    const label = escapeAttr(note.label);
    const backLink = `<a class="fnback" href="#${footnoteRefId(label)}" aria-label="Back to reference ${label}"></a>`;
    drafts.push({
      kind: 'footnote',
      footnote: note.label,
      html: `${paragraphs.map((p) => inline(p.tokens)).join(' ')}${backLink}`,
    });
  }

  const blocks: Block[] = [];
  const toc: TocEntry[] = [];
  let offset = 0;
  let ordinal = 0;
  for (const draft of drafts) {
    const text = htmlToText(draft.html);
    if (text.trim() === '') continue;
    const id = draft.kind === 'footnote' ? `fn-${draft.footnote}` : `b${ordinal++}`;
    if (blocks.length > 0) offset += BLOCK_SEPARATOR.length;
    blocks.push({ ...draft, id, text, start: offset });
    offset += text.length;
    if (draft.kind === 'heading') toc.push({ blockId: id, level: draft.level ?? 2, text });
  }
  return { blocks, toc, text: blocks.map((b) => b.text).join(BLOCK_SEPARATOR) };
}

export function countWords(text: string): number {
  const latin = text.match(/[A-Za-z0-9][A-Za-z0-9'’.-]*/g)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return latin + Math.ceil(han / 2);
}
