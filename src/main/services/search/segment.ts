import { runNow, type Steps } from '../../slices';
import { withinOneEdit } from './fuzzy';
import { tokenize, type QueryWord } from './text';

/** What the index keeps of a document besides its terms: enough to filter and to re-check. */
export interface DocInfo {
  /** `<kind letter>:<id>`, e.g. `p:gmw:b3`, `g:productive-forces`, `h:h-…`, `c:t-…`. */
  key: string;
  /** Changes whenever the document's text does (an `updatedAt`), so a stale entry is seen. */
  version: string;
  article?: string;
  color?: string;
  tags?: string[];
}

/** A document to index: its fields with their weights (a term name counts more than a body). */
export interface IndexDoc extends DocInfo {
  fields: { text: string; boost: number }[];
}

// BM25's usual constants: how fast repeated words saturate, how much length matters.
const K1 = 1.2;
const B = 0.75;

/** How good a match is: the word itself, the start of a longer one, or one typo away. */
const QUALITY = { exact: 1, typo: 0.45, typoPrefix: 0.35 } as const;
const MIN_PREFIX = 2;
const prefixQuality = (typed: number, whole: number) => 0.5 + (0.5 * typed) / whole;

// How much work goes between two yields of the stepped versions (a fraction of a millisecond).
const DOCS_PER_STEP = 20;
const TERMS_PER_STEP = 2048;

/**
 * An immutable inverted index over a set of documents, in flat typed arrays: postings of term
 * `t` are `postDoc/postWeight[offsets[t] .. offsets[t + 1]]`, each weight already BM25's term
 * frequency part. It loads from a file without rebuilding anything, which is what makes the
 * cached index quick to open. `surfaces` are the folded words as written, sorted, each
 * pointing at its term: prefix and typo matching run over them.
 */
export class Segment {
  constructor(
    readonly docs: DocInfo[],
    readonly terms: string[],
    readonly offsets: Uint32Array,
    readonly postDoc: Uint32Array,
    readonly postWeight: Float32Array,
    readonly surfaces: string[],
    readonly surfaceTerm: Uint32Array,
    /** Average weighted document length, kept so later segments weigh terms alike. */
    readonly averageLength: number,
  ) {}

  static build(input: readonly IndexDoc[], averageLength?: number): Segment {
    return runNow(Segment.buildSteps(input, averageLength));
  }

  /** build(), in steps (see slices.ts). */
  static *buildSteps(input: readonly IndexDoc[], averageLength?: number): Steps<Segment> {
    const postings = new Map<string, number[]>(); // term → [doc, weight, doc, weight, …]
    const surfaceOf = new Map<string, string>();
    const docTerms: Map<string, number>[] = [];
    const lengths: number[] = [];
    for (const doc of input) {
      const tf = new Map<string, number>();
      let length = 0;
      for (const field of doc.fields) {
        for (const token of tokenize(field.text)) {
          tf.set(token.term, (tf.get(token.term) ?? 0) + field.boost);
          if (!surfaceOf.has(token.surface)) surfaceOf.set(token.surface, token.term);
          length += field.boost;
        }
      }
      docTerms.push(tf);
      lengths.push(length);
      if (docTerms.length % DOCS_PER_STEP === 0) yield;
    }
    const average =
      averageLength ?? Math.max(1, lengths.reduce((a, b) => a + b, 0) / (lengths.length || 1));
    for (let doc = 0; doc < docTerms.length; doc++) {
      const norm = K1 * (1 - B + (B * lengths[doc]) / average);
      for (const [term, f] of docTerms[doc]) {
        let list = postings.get(term);
        if (!list) postings.set(term, (list = []));
        list.push(doc, (f * (K1 + 1)) / (f + norm));
      }
      if (doc % DOCS_PER_STEP === 0) yield;
    }
    const terms = [...postings.keys()].sort(compare);
    yield;
    const offsets = new Uint32Array(terms.length + 1);
    let total = 0;
    terms.forEach((term, t) => {
      offsets[t] = total;
      total += postings.get(term)!.length / 2;
    });
    offsets[terms.length] = total;
    const postDoc = new Uint32Array(total);
    const postWeight = new Float32Array(total);
    for (let t = 0; t < terms.length; t++) {
      const list = postings.get(terms[t])!;
      for (let i = 0, p = offsets[t]; i < list.length; i += 2, p++) {
        postDoc[p] = list[i];
        postWeight[p] = list[i + 1];
      }
      if (t % TERMS_PER_STEP === 0) yield;
    }
    const surfaces = [...surfaceOf.keys()].sort(compare);
    const surfaceTerm = yield* surfaceTerms(terms, surfaces, surfaceOf);
    const docs = input.map(({ fields: _fields, ...info }) => info);
    return new Segment(docs, terms, offsets, postDoc, postWeight, surfaces, surfaceTerm, average);
  }

  /** The index of `term`, or -1. */
  termIndex(term: string): number {
    const i = lowerBound(this.terms, term);
    return this.terms[i] === term ? i : -1;
  }

  /** How many documents have term number `t` (0 for -1, a term not here). */
  documentFrequency(t: number): number {
    return t < 0 ? 0 : this.offsets[t + 1] - this.offsets[t];
  }

  /** Adds to `into` every term `word` matches here, exactly or (when typing) as a prefix,
   * with the best quality of the match; `found` learns each term's number here. */
  expand(word: QueryWord, into: Map<string, number>, found: Map<string, number>): void {
    const exact = this.termIndex(word.term);
    if (exact >= 0) this.add(into, found, exact, QUALITY.exact);
    const { surface } = word;
    // One letter is too little to complete: it would match a good part of the vocabulary.
    if (!word.prefix || surface.length < MIN_PREFIX) return;
    for (let i = lowerBound(this.surfaces, surface); i < this.surfaces.length; i++) {
      const s = this.surfaces[i];
      if (!s.startsWith(surface)) break;
      this.add(into, found, this.surfaceTerm[i], prefixQuality(surface.length, s.length));
    }
  }

  /** Adds to `into` every term one typo away from `word` (from the start of it, when typing). */
  expandTypo(word: QueryWord, into: Map<string, number>, found: Map<string, number>): void {
    const { surface, prefix } = word;
    const min = surface.length - 1;
    const max = prefix ? Infinity : surface.length + 1;
    const quality = prefix ? QUALITY.typoPrefix : QUALITY.typo;
    for (let i = 0; i < this.surfaces.length; i++) {
      const s = this.surfaces[i];
      if (s.length >= min && s.length <= max && withinOneEdit(surface, s, prefix)) {
        this.add(into, found, this.surfaceTerm[i], quality);
      }
    }
  }

  private add(into: Map<string, number>, found: Map<string, number>, t: number, quality: number) {
    const term = this.terms[t];
    found.set(term, t);
    if ((into.get(term) ?? 0) < quality) into.set(term, quality);
  }

  /** One segment holding this one's documents except `dead`, then `other`'s. No text is
   * tokenized again: postings are copied and renumbered. */
  merge(dead: ReadonlySet<number>, other: Segment): Segment {
    return runNow(this.mergeSteps(dead, other));
  }

  /** merge(), in steps (see slices.ts). */
  *mergeSteps(dead: ReadonlySet<number>, other: Segment): Steps<Segment> {
    const renumber = new Int32Array(this.docs.length).fill(-1);
    const docs: DocInfo[] = [];
    this.docs.forEach((doc, i) => {
      if (!dead.has(i)) renumber[i] = docs.push(doc) - 1;
    });
    const shift = docs.length;
    docs.push(...other.docs);
    const terms = unionSorted(this.terms, other.terms);
    yield;

    const offsets = new Uint32Array(terms.length + 1);
    const postDoc = new Uint32Array(this.postDoc.length + other.postDoc.length);
    const postWeight = new Float32Array(postDoc.length);
    // Each term's new number, by its number in this segment and in `other`.
    const fromThis = new Uint32Array(this.terms.length);
    const fromOther = new Uint32Array(other.terms.length);
    let p = 0;
    let a = 0;
    let b = 0;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t];
      offsets[t] = p;
      if (this.terms[a] === term) {
        for (let i = this.offsets[a]; i < this.offsets[a + 1]; i++) {
          const doc = renumber[this.postDoc[i]];
          if (doc < 0) continue;
          postDoc[p] = doc;
          postWeight[p++] = this.postWeight[i];
        }
        fromThis[a++] = t;
      }
      if (other.terms[b] === term) {
        for (let i = other.offsets[b]; i < other.offsets[b + 1]; i++) {
          postDoc[p] = other.postDoc[i] + shift;
          postWeight[p++] = other.postWeight[i];
        }
        fromOther[b++] = t;
      }
      if (t % TERMS_PER_STEP === 0) yield;
    }
    offsets[terms.length] = p;

    // The sorted union of the surfaces. One in both segments stands for the same term in
    // both (a surface's term depends on the surface alone).
    const surfaces: string[] = [];
    const surfaceTerm: number[] = [];
    for (let i = 0, j = 0; i < this.surfaces.length || j < other.surfaces.length;) {
      const mine = this.surfaces[i];
      const theirs = other.surfaces[j];
      if (j >= other.surfaces.length || (i < this.surfaces.length && mine < theirs)) {
        surfaces.push(mine);
        surfaceTerm.push(fromThis[this.surfaceTerm[i++]]);
      } else {
        if (mine === theirs) i++;
        surfaces.push(theirs);
        surfaceTerm.push(fromOther[other.surfaceTerm[j++]]);
      }
      if (surfaces.length % TERMS_PER_STEP === 0) yield;
    }
    return new Segment(
      docs,
      terms,
      offsets,
      postDoc.slice(0, p),
      postWeight.slice(0, p),
      surfaces,
      Uint32Array.from(surfaceTerm),
      this.averageLength,
    );
  }
}

/** Each surface's term number in `terms` (sorted), in steps. */
function* surfaceTerms(
  terms: readonly string[],
  surfaces: readonly string[],
  surfaceOf: ReadonlyMap<string, string>,
): Steps<Uint32Array> {
  const termIndex = new Map<string, number>();
  for (let t = 0; t < terms.length; t++) {
    termIndex.set(terms[t], t);
    if (t % TERMS_PER_STEP === 0) yield;
  }
  const surfaceTerm = new Uint32Array(surfaces.length);
  for (let i = 0; i < surfaces.length; i++) {
    surfaceTerm[i] = termIndex.get(surfaceOf.get(surfaces[i])!)!;
    if (i % TERMS_PER_STEP === 0) yield;
  }
  return surfaceTerm;
}

/** Code-unit order, the same everywhere (localeCompare would differ between machines). */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The first index whose item is not below `key`. */
export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function unionSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
    else if (i >= a.length || b[j] < a[i]) out.push(b[j++]);
    else {
      out.push(a[i++]);
      j++;
    }
  }
  return out;
}
