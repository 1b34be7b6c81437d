/**
 * Where each glossary term occurs in a text: case-insensitive (but a capitalised spelling, a
 * name, only matches capitalised text), whole words, with plural and possessive forms ("industry"
 * finds "industries" and "industry's"; the occurrence covers the term, not the 's).
 * One regular expression with a capturing group per spelling, longest spellings first, so at any
 * place the longest term wins and a mention of "new quality productive forces" is not also
 * counted as one of "productive forces". Offsets are UTF-16 code units of the text.
 */

export interface TermSpellings {
  id: string;
  term: string;
  aliases: readonly string[];
}

export interface Occurrence {
  termId: string;
  start: number;
  end: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One spelling as a pattern: flexible spaces and hyphens, and a plural ending. */
function spellingPattern(spelling: string): string {
  const words = spelling.trim().split(/[\s\u00a0]+/);
  const last = words.pop() ?? '';
  // "industry" → "industr(?:y|ies)"; otherwise an optional -s / -es.
  const plural = /[^aeiou]y$/i.test(last)
    ? `${escape(last.slice(0, -1))}(?:y|ies)`
    : `${escape(last)}(?:e?s)?`;
  const body = [...words.map(escape), plural]
    .join('[\\s\\u00a0]+')
    .replace(/\\?-/g, '[-\\u2010\\u2011]');
  // A possessive ’s needs nothing: the apostrophe ends the word (s’ and ’s are both found).
  return body;
}

export interface Concordancer {
  /** Every occurrence of every term in `text`, in text order. */
  find(text: string): Occurrence[];
}

export function concordancer(terms: readonly TermSpellings[]): Concordancer {
  const spellings = terms
    .flatMap((t) => [t.term, ...t.aliases].map((s) => ({ id: t.id, s })))
    .sort((a, b) => b.s.length - a.s.length);
  const ids = spellings.map((x) => x.id);
  const source = spellings.map((x) => `(${spellingPattern(x.s)})`).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'giu');
  return {
    find(text) {
      const found: Occurrence[] = [];
      for (const match of text.matchAll(pattern)) {
        let group = 1;
        while (match[group] === undefined) group++;
        // A capitalised spelling (a name: "Pan", "AI") must be capitalised in the text too.
        if (/^\p{Lu}/u.test(spellings[group - 1].s) && !/^\p{Lu}/u.test(match[0])) continue;
        found.push({
          termId: ids[group - 1],
          start: match.index,
          end: match.index + match[0].length,
        });
      }
      return found;
    },
  };
}
