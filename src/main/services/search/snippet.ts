import type { Snippet } from '../../../shared/search';
import { eachToken, type Token } from './text';

/** Characters of text before the first match, so it is read in context. */
const LEAD = 40;

/**
 * About `width` characters of `text` around its first matched word, with every word whose
 * term is in `terms` marked, cut at word boundaries with an ellipsis where text was left out.
 */
export function snippet(text: string, terms: Set<string>, width = 180): Snippet {
  let from = 0;
  let to = text.length;
  const marks: Token[] = [];
  // Tokenize only as far as the window: notes and definitions can be long.
  eachToken(text, (token) => {
    if (token.start >= to) return false;
    if (!terms.has(token.term)) return;
    if (marks.length === 0 && text.length > width) {
      from = token.start - LEAD <= 0 ? 0 : wordStart(text, token.start - LEAD);
      to = Math.min(text.length, from + width);
      if (to < text.length) to = wordEnd(text, to);
    }
    marks.push(token);
  });
  if (marks.length === 0 && text.length > width) to = wordEnd(text, width);
  const parts: Snippet = [];
  const push = (part: string, mark = false) => {
    if (part) parts.push(mark ? { text: part, mark } : { text: part });
  };
  let at = from;
  if (from > 0) push('…');
  for (const m of marks) {
    if (m.end <= at || m.end > to) continue;
    const start = Math.max(m.start, at); // Chinese pairs overlap
    push(text.slice(at, start));
    push(text.slice(start, m.end), true);
    at = m.end;
  }
  push(text.slice(at, to));
  if (to < text.length) push('…');
  return mergeText(parts);
}

/** The start of the word at or after `i`. */
function wordStart(text: string, i: number): number {
  const space = text.indexOf(' ', i);
  return space < 0 || space - i > 20 ? i : space + 1;
}

/** The end of the word at or before `i`. */
function wordEnd(text: string, i: number): number {
  const space = text.lastIndexOf(' ', i);
  return space < 0 || i - space > 20 ? i : space;
}

/** Neighbouring unmarked parts as one; an overlapping Chinese pair marks its characters once. */
function mergeText(parts: Snippet): Snippet {
  const out: Snippet = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last && Boolean(last.mark) === Boolean(part.mark)) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}
