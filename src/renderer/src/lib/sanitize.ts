import DOMPurify from 'dompurify';

/**
 * Every HTML string that reaches the DOM goes through here: corpus HTML now, user notes later.
 * Only inline formatting and links survive; links may point inside the page or to http(s).
 */
const ALLOWED_TAGS = [
  'a',
  'strong',
  'em',
  'b',
  'i',
  'sup',
  'sub',
  'code',
  'br',
  'span',
  'del',
  's',
];
const ALLOWED_ATTR = ['href', 'id', 'class', 'data-n', 'aria-label', 'title'];

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return;
  const href = node.getAttribute('href') ?? '';
  if (href.startsWith('#')) return;
  if (/^https?:\/\//i.test(href)) {
    // Opened by the shell in the system browser, never inside the app.
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  } else {
    node.removeAttribute('href');
  }
});

export function sanitizeInline(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [...ALLOWED_ATTR, 'target', 'rel'],
    ALLOWED_URI_REGEXP: /^(?:https?:|#)/i,
  });
}
