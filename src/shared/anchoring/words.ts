/**
 * A text as a sequence of words, for a fast first search: about six times shorter than its
 * characters, so finding where a quote's window might be costs little even in a long article.
 */

/** A word: a run of characters other than spaces, or one Han character (Chinese has no spaces). */
const WORD = /\p{Script=Han}|[^\s\p{Script=Han}]+/gu;
/** Ids share this range with code units in `searchEnds`; rarer words beyond it share the last id. */
const MAX_ID = 65_535;

export interface Words {
  /** An id per word: equal words, equal ids. 0 is never used (see `wordIds`). */
  ids: Uint16Array;
  starts: number[];
  ends: number[];
  vocabulary: Map<string, number>;
}

let cached: { text: string; words: Words } | undefined;

/** The words of `text` (the last text's are kept: re-anchoring asks for the same text often). */
export function wordsOf(text: string): Words {
  if (cached?.text === text) return cached.words;
  const vocabulary = new Map<string, number>();
  const starts: number[] = [];
  const ends: number[] = [];
  const list: number[] = [];
  for (const match of text.matchAll(WORD)) {
    let id = vocabulary.get(match[0]);
    if (id === undefined) vocabulary.set(match[0], (id = Math.min(MAX_ID, vocabulary.size + 1)));
    list.push(id);
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  const words = { ids: Uint16Array.from(list), starts, ends, vocabulary };
  cached = { text, words };
  return words;
}

/** The ids of the words of `s` in the vocabulary of `words`; 0 for a word the text lacks. */
export function wordIds(words: Words, s: string): Uint16Array {
  return Uint16Array.from(s.match(WORD) ?? [], (w) => words.vocabulary.get(w) ?? 0);
}
