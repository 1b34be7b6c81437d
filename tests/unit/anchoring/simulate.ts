/**
 * The re-anchoring simulation: highlights on an article, then random edits to its text, tracking
 * where each highlighted span ends up. Randomness comes from a seeded generator so a failing case
 * can be replayed from its seed.
 */

export type Random = () => number;

/** mulberry32: small, fast, good enough for test data. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

export interface Span {
  start: number;
  end: number;
}

/** Replace text[at, at + remove) by `insert`. Edits are applied in one pass, sorted by `at`. */
interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** Where an offset goes after the edits. An insertion exactly at a span's edge stays outside it. */
function mapOffset(edits: Edit[], x: number, edge: 'start' | 'end'): number {
  let shift = 0;
  for (const e of edits) {
    const delta = e.insert.length - e.remove;
    if (e.at > x || (e.at === x && (edge === 'end' || e.remove > 0))) break;
    if (x < e.at + e.remove) return e.at + shift + (edge === 'start' ? 0 : e.insert.length);
    shift += delta;
  }
  return x + shift;
}

function applyEdits(text: string, edits: Edit[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const e of edits) {
    parts.push(text.slice(from, e.at), e.insert);
    from = e.at + e.remove;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
export const EDIT_KINDS = ['substitute', 'transpose', 'insert', 'delete', 'whitespace'] as const;

/**
 * Edits `rate` of the words (each chosen word gets one edit of a random kind) and prepends a new
 * first paragraph, which half the time repeats a sentence of the article to tempt a wrong match.
 */
export function editText(
  text: string,
  spans: Span[],
  rate: number,
  random: Random,
): { text: string; spans: Span[] } {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const vocabulary = words.map((w) => text.slice(w.start, w.end));
  let edits: (Edit & { word?: number })[] = [];
  const paragraph = Array.from({ length: 20 + Math.floor(random() * 60) }, () =>
    pick(random, vocabulary),
  );
  if (random() < 0.5) {
    const sentences = text.split(/(?<=\.)\s+/).filter((s) => s.length > 20 && !s.includes('\n'));
    if (sentences.length > 0) paragraph.push(pick(random, sentences));
  }
  edits.push({ at: 0, remove: 0, insert: `${paragraph.join(' ')}\n\n` });
  // Words inserted, and words deleted, by their place among the words.
  const inserted = new Map<number, string>();
  const deleted = new Map<number, string>();
  for (const [k, w] of words.entries()) {
    if (random() >= rate) continue;
    const word = text.slice(w.start, w.end);
    const kind = pick(random, EDIT_KINDS);
    if (kind === 'substitute' || (kind === 'transpose' && word.length < 2)) {
      const i = Math.floor(random() * word.length);
      edits.push({ at: w.start + i, remove: 1, insert: pick(random, [...LETTERS]) });
    } else if (kind === 'transpose') {
      const i = Math.floor(random() * (word.length - 1));
      edits.push({ at: w.start + i, remove: 2, insert: word[i + 1] + word[i] });
    } else if (kind === 'insert') {
      const insert = pick(random, vocabulary);
      inserted.set(k, insert);
      edits.push({ at: w.end, remove: 0, insert: ` ${insert}`, word: k });
    } else if (kind === 'delete') {
      deleted.set(k, word);
      // Take one neighbouring space with the word, never a paragraph break.
      if (text[w.end] === ' ') edits.push({ at: w.start, remove: w.end + 1 - w.start, insert: '' });
      else if (text[w.start - 1] === ' ')
        edits.push({ at: w.start - 1, remove: w.end - w.start + 1, insert: '' });
      else edits.push({ at: w.start, remove: w.end - w.start, insert: '' });
    } else if (text[w.end] === ' ') {
      // A doubled space, a no-break space, or a paragraph split.
      edits.push({ at: w.end, remove: 1, insert: pick(random, ['  ', '\u00a0', '\n\n']) });
    }
  }
  // A word inserted near a deleted copy of itself makes the text read as before, and no one
  // could tell which copy a highlight kept (the truth here would say the new one): such an
  // insertion is left out.
  const twin = (k: number, word: string) =>
    [...deleted].some(([d, w]) => w === word && Math.abs(d - k) <= 5);
  edits = edits.filter((e) => e.word === undefined || !twin(e.word, inserted.get(e.word)!));
  edits.sort((a, b) => a.at - b.at || a.remove - b.remove);
  // Keep edits disjoint (a deletion may take the space a neighbour's edit touches).
  const disjoint: Edit[] = [];
  for (const e of edits) {
    const last = disjoint[disjoint.length - 1];
    if (!last || e.at >= last.at + last.remove) disjoint.push(e);
  }
  return {
    text: applyEdits(text, disjoint),
    spans: spans.map((s) => {
      const start = mapOffset(disjoint, s.start, 'start');
      return { start, end: Math.max(start, mapOffset(disjoint, s.end, 'end')) };
    }),
  };
}

/** A random span of 1–40 whole words inside one block. */
export function randomSpan(blocks: { start: number; text: string }[], random: Random): Span {
  const block = pick(random, blocks);
  const words = [...block.text.matchAll(/\S+/g)];
  const count = 1 + Math.floor(random() * Math.min(40, words.length));
  const first = Math.floor(random() * (words.length - count + 1));
  const last = words[first + count - 1];
  return {
    start: block.start + words[first].index,
    end: block.start + last.index + last[0].length,
  };
}

/** Overlap as a share of the union (Jaccard): ≥ 0.5 counts as the right text. */
export function overlapShare(a: Span, b: Span): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union > 0 ? inter / union : 0;
}
