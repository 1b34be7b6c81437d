import DOMPurify from 'dompurify';
import { Marked } from 'marked';

/**
 * User notes are untrusted Markdown. marked turns them into HTML (raw HTML in the note is
 * escaped, not passed through), then DOMPurify keeps only plain formatting: no scripts, frames,
 * SVG, event handlers, styles, images or forms, and links only to http(s) (opened outside the app).
 */
const marked = new Marked({ gfm: true, breaks: true, async: false });
marked.use({
  renderer: {
    // Raw HTML in a note is shown as text: it is never markup.
    html: ({ text }) => escapeHtml(text),
  },
});

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'b',
  'i',
  'del',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'sup',
  'sub',
];

const purifier = DOMPurify();
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return;
  if (/^https?:\/\//i.test(node.getAttribute('href') ?? '')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  } else {
    node.removeAttribute('href');
  }
});

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Rendered notes by source: views re-render often, and parsing plus sanitising is the cost. */
const rendered = new Map<string, string>();
const CACHE_SIZE = 2_000;

/** A note's Markdown as safe HTML for `dangerouslySetInnerHTML`. */
export function renderNote(markdown: string): string {
  const cached = rendered.get(markdown);
  if (cached !== undefined) return cached;
  const html = purifier.sanitize(marked.parse(markdown) as string, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'target', 'rel'],
    ALLOWED_URI_REGEXP: /^https?:/i,
    // No data-* either: the reader finds its own elements by data attributes.
    ALLOW_DATA_ATTR: false,
  });
  if (rendered.size >= CACHE_SIZE) rendered.delete(rendered.keys().next().value as string);
  rendered.set(markdown, html);
  return html;
}

/** A note as one line of plain text, for lists and previews. */
export function notePreview(markdown: string, max = 160): string {
  const div = document.createElement('div');
  div.innerHTML = renderNote(markdown);
  const text = (div.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
