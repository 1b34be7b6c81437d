import type { Article } from '../../../shared/article';
import { isPlaced, type Color, type PlacedHighlight } from '../../../shared/highlights';

/**
 * Highlights and notes as Markdown, one file per article, for Obsidian and the like: front
 * matter with the article's metadata, then each highlight in reading order as a quote ending in
 * a block id (`^h-…`, so a note elsewhere can link to it), with its colour, tags, where it is,
 * and the note as written. Deterministic: the same data gives the same bytes (no export time,
 * a fixed order), so exporting again rewrites the files in place and a diff shows only changes.
 */

export interface MarkdownFile {
  name: string;
  text: string;
}

const COLOR_NAME: Record<Color, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** A file name from a title: lower case, ASCII letters and digits joined by hyphens. */
function slug(title: string): string {
  const words = title
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ');
  let name = '';
  for (const word of words) {
    if (name && name.length + word.length + 1 > 60) break;
    name = name ? `${name}-${word}` : word;
  }
  return name || 'article';
}

/** A YAML scalar: JSON's double-quoted strings are valid YAML. */
const yaml = (value: string | number) => JSON.stringify(value);

const obsidianTag = (tag: string) => `#${tag.trim().replace(/\s+/g, '-').replace(/#/g, '')}`;

const byPlace = (a: PlacedHighlight, b: PlacedHighlight) =>
  (a.start ?? Infinity) - (b.start ?? Infinity) ||
  a.createdAt.localeCompare(b.createdAt) ||
  a.id.localeCompare(b.id);

function entry(h: PlacedHighlight, meanings: Partial<Record<Color, string>>): string {
  const quote = h.quote.exact
    .trim()
    .split(/\n+/)
    .map((line) => `> ${line}`)
    .join('\n');
  const meaning = meanings[h.color]?.trim();
  const lines = [
    `${quote} ^${h.id}`,
    '',
    `- Colour: ${COLOR_NAME[h.color]}${meaning ? ` (${meaning})` : ''}`,
  ];
  if (h.tags.length > 0) lines.push(`- Tags: ${h.tags.map(obsidianTag).join(' ')}`);
  lines.push(
    isPlaced(h)
      ? `- Passage: characters ${h.start}–${h.end} of the article`
      : '- Passage: no longer found in the current text',
    `- Made ${h.createdAt.slice(0, 10)}, changed ${h.updatedAt.slice(0, 10)}`,
  );
  if (h.note.trim()) lines.push('', h.note.trim());
  return lines.join('\n');
}

export function articleMarkdown(
  article: Article,
  highlights: PlacedHighlight[],
  meanings: Partial<Record<Color, string>> = {},
): MarkdownFile {
  const sorted = [...highlights].sort(byPlace);
  const front = [
    '---',
    `title: ${yaml(article.title)}`,
    `author: ${yaml(article.author)}`,
    `publisher: ${yaml(article.publisher)}`,
    `date: ${yaml(article.date)}`,
    `source: ${yaml(article.source)}`,
    `kind: ${yaml(article.kind)}`,
    `xinzhi-article: ${yaml(article.id)}`,
    `highlights: ${sorted.length}`,
    'tags: [xinzhi]',
    '---',
  ];
  const body =
    sorted.length === 0
      ? ['No highlights in this article yet.']
      : sorted
          .map((h) => entry(h, meanings))
          .join('\n\n---\n\n')
          .split('\n');
  const text = [
    ...front,
    '',
    `# ${article.title}`,
    '',
    `*${article.author}, ${article.publisher}, ${article.date}.*`,
    '',
    ...body,
    '',
  ].join('\n');
  return { name: `${slug(article.title)}.md`, text };
}
