/**
 * How text becomes search terms. The same rules run on documents and on queries, so a query
 * matches what the reader sees: case, diacritics (toneless pinyin finds tone-marked pinyin),
 * plurals and common function words do not matter. Chinese has no spaces: it is indexed as
 * single characters and character pairs (bigrams).
 */

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
/** A run of Chinese characters, or a word of other letters and digits (decimals kept whole). */
export const TOKEN = new RegExp(
  `[${CJK}]+|\\p{N}+(?:[.,]\\p{N}+)*(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])*|(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])+`,
  'gu',
);
const CJK_RUN = new RegExp(`^[${CJK}]`, 'u');

/*
 * The same words for Latin text, three times faster (Unicode property classes are slow), used
 * when NOT_LATIN_SAFE finds nothing in a text: there both patterns find exactly the same words
 * (a unit test compares them on random text).
 */
const LATIN_LETTERS = '\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u1E00-\\u1EFF';
const LATIN = `0-9A-Za-z${LATIN_LETTERS}`;
// eslint-disable-next-line no-misleading-character-class -- combining marks count one by one, as \p{M} does in TOKEN
export const LATIN_TOKEN = new RegExp(`[0-9]+(?:[.,][0-9]+)*[${LATIN}]*|[${LATIN}]+`, 'g');
/** Latin letters, digits and marks, ASCII and Latin-1 punctuation and symbols (not ª ² ³ µ ¹
 * º ¼ ½ ¾, which are letters or numbers), and general punctuation (dashes, curly quotes). */
const NOT_LATIN_SAFE = new RegExp(
  // eslint-disable-next-line no-misleading-character-class -- combining marks count one by one
  `[^\\x00-\\x7f${LATIN_LETTERS}\\u2000-\\u206F\\u00A0-\\u00A9\\u00AB-\\u00B1\\u00B4\\u00B6-\\u00B8\\u00BB\\u00BF\\u00D7\\u00F7]`,
);

export const STOP_WORDS = new Set(
  (
    'a an and are as at be but by for from had has have he her his i if in into is it its ' +
    'of on or our she so than that the their them then there these they this those to was ' +
    'we were what when which while who will with would you your'
  ).split(' '),
);

/** Lower case without diacritics: "Shēngchǎnlì" → "shengchanli". */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  // Most words are plain ASCII: skip the (slow) Unicode decomposition for them.
  return !/[^\x20-\x7e]/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** A light plural stemmer, enough for "forces" to find "force" and "industries" "industry". */
export function stem(word: string): string {
  if (word.length <= 3 || !/[a-z]$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (/(?:sses|xes|zes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** One occurrence of a term in a text: the indexed term, the word as typed (folded, for prefix
 * and typo matching), and where it is. */
export interface Token {
  term: string;
  surface: string;
  start: number;
  end: number;
}

/** Every indexable term of `text` with its offsets. Chinese runs give characters and bigrams. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  eachToken(text, (token) => void tokens.push(token));
  return tokens;
}

/** What a (non-Chinese) word indexes as, or null for a stop word: memoised, since the same
 * words recur in every snippet. */
const wordTerms = new Map<string, { term: string; surface: string } | null>();
function wordTerm(word: string): { term: string; surface: string } | null {
  let known = wordTerms.get(word);
  if (known === undefined) {
    const surface = fold(word);
    const stop = STOP_WORDS.has(surface) || (surface.length < 2 && !/\d/.test(surface));
    known = stop ? null : { term: stem(surface), surface };
    if (wordTerms.size >= 100_000) wordTerms.clear();
    wordTerms.set(word, known);
  }
  return known;
}

/** Calls `visit` with each token in order until it returns false (a plain loop: this runs for
 * every document indexed and every snippet shown). */
export function eachToken(text: string, visit: (token: Token) => boolean | void): void {
  // A shared pattern, from the start and left at the start (matchAll copies its position).
  const pattern = NOT_LATIN_SAFE.test(text) ? TOKEN : LATIN_TOKEN;
  pattern.lastIndex = 0;
  try {
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (visitWord(match[0], match.index, visit) === false) return;
    }
  } finally {
    pattern.lastIndex = 0;
  }
}

function visitWord(word: string, at: number, visit: (token: Token) => boolean | void) {
  if (!CJK_RUN.test(word)) {
    const known = wordTerm(word);
    if (!known) return undefined;
    return visit({ term: known.term, surface: known.surface, start: at, end: at + word.length });
  }
  for (let i = 0; i < word.length; i++) {
    if (visit({ term: word[i], surface: word[i], start: at + i, end: at + i + 1 }) === false) {
      return false;
    }
    const pair = word.slice(i, i + 2);
    if (
      pair.length === 2 &&
      visit({ term: pair, surface: pair, start: at + i, end: at + i + 2 }) === false
    ) {
      return false;
    }
  }
}

/** One word of a query and how it may match. */
export interface QueryWord {
  term: string;
  surface: string;
  /** The word being typed: it also matches the start of longer words. */
  prefix: boolean;
  /** Long enough (5+ letters) that one typo is forgiven. */
  fuzzy: boolean;
}

const FUZZY_MIN_LENGTH = 5;

/**
 * The words of a query, each required. A Chinese run needs each of its bigrams (a single
 * character stands for itself). The last word is a prefix unless the query ends in a space.
 */
export function parseQuery(query: string): QueryWord[] {
  const words: QueryWord[] = [];
  const typing = !/\s$/.test(query);
  const matches = [...query.matchAll(TOKEN)];
  matches.forEach((match, i) => {
    const word = match[0];
    const last = typing && i === matches.length - 1;
    if (CJK_RUN.test(word)) {
      if (word.length === 1) words.push({ term: word, surface: word, prefix: false, fuzzy: false });
      for (let k = 0; k + 1 < word.length; k++) {
        const pair = word.slice(k, k + 2);
        words.push({ term: pair, surface: pair, prefix: false, fuzzy: false });
      }
      return;
    }
    const surface = fold(word);
    // A stop word is skipped, unless it is all there is so far: "the" may become "theory".
    const alone = last && words.length === 0 && i === 0;
    if (!alone && (STOP_WORDS.has(surface) || surface.length < 2) && !/\d/.test(surface)) return;
    words.push({
      term: stem(surface),
      surface,
      prefix: last,
      fuzzy: surface.length >= FUZZY_MIN_LENGTH && /^[a-z]+$/.test(surface),
    });
  });
  return words;
}
