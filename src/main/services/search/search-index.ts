import { Segment, type DocInfo, type IndexDoc } from './segment';
import { parseQuery, type QueryWord } from './text';

export interface Match {
  doc: DocInfo;
  score: number;
}

export interface SearchOptions {
  /** Keep only documents it accepts. */
  filter?: (doc: DocInfo) => boolean;
  /** At most this many results… */
  limit: number;
  /** …and at most this many of one kind (the key's first letter). */
  perKind?: number;
}

export interface SearchResult {
  matches: Match[];
  /** Every indexed term the query matched: what a snippet marks. */
  terms: Set<string>;
  /** False when no document had every word, and these match only some of them. */
  complete: boolean;
}

/** Past this many changed documents, the live segment is folded into the main one. */
const LIVE_LIMIT = 2_000;

/**
 * The search index: a large main segment (built once, loaded from the cache) and a small live
 * one holding what changed since, rebuilt on demand. A changed or removed document is marked
 * dead in the main segment. Every query word must match (in any of its forms); if no document
 * has them all, documents with some of them are returned, ranked lower.
 */
export class SearchIndex {
  private main: Segment;
  private mainByKey = new Map<string, number>();
  private dead = new Set<number>();
  private liveDocs = new Map<string, IndexDoc>();
  private live: Segment | null = null;

  constructor(main: Segment) {
    this.main = main;
    main.docs.forEach((doc, i) => this.mainByKey.set(doc.key, i));
  }

  static build(docs: readonly IndexDoc[]): SearchIndex {
    return new SearchIndex(Segment.build(docs));
  }

  get size(): number {
    return this.main.docs.length - this.dead.size + this.liveDocs.size;
  }

  /** The version indexed for `key`, or undefined. */
  version(key: string): string | undefined {
    const live = this.liveDocs.get(key);
    if (live) return live.version;
    const i = this.mainByKey.get(key);
    return i === undefined || this.dead.has(i) ? undefined : this.main.docs[i].version;
  }

  /** Every indexed key starting with `prefix` (a kind letter and colon). */
  *keys(prefix: string): Iterable<string> {
    for (const [key, i] of this.mainByKey) {
      if (key.startsWith(prefix) && !this.dead.has(i)) yield key;
    }
    for (const key of this.liveDocs.keys()) if (key.startsWith(prefix)) yield key;
  }

  upsert(doc: IndexDoc): void {
    this.kill(doc.key);
    this.liveDocs.set(doc.key, doc);
    this.live = null;
  }

  remove(key: string): void {
    this.kill(key);
    if (this.liveDocs.delete(key)) this.live = null;
  }

  private kill(key: string) {
    const i = this.mainByKey.get(key);
    if (i !== undefined) this.dead.add(i);
  }

  /** One segment with everything, for the cache; the live part starts empty again. */
  compact(): Segment {
    if (this.liveDocs.size > 0 || this.dead.size > 0) {
      const main = this.main.merge(this.dead, this.liveSegment());
      this.main = main;
      this.mainByKey = new Map(main.docs.map((doc, i) => [doc.key, i]));
      this.dead = new Set();
      this.liveDocs.clear();
      this.live = null;
    }
    return this.main;
  }

  private liveSegment(): Segment {
    this.live ??= Segment.build([...this.liveDocs.values()], this.main.averageLength);
    return this.live;
  }

  search(query: string, options: SearchOptions): SearchResult {
    const words = parseQuery(query);
    if (words.length === 0) return { matches: [], terms: new Set(), complete: true };
    if (this.liveDocs.size > LIVE_LIMIT) this.compact();
    const segments = this.liveDocs.size > 0 ? [this.main, this.liveSegment()] : [this.main];
    // Each term's number in each segment, learnt while expanding, looked up only if not.
    const found = segments.map(() => new Map<string, number>());
    const numberIn = (s: number, term: string) => {
      let t = found[s].get(term);
      if (t === undefined) found[s].set(term, (t = segments[s].termIndex(term)));
      return t;
    };
    const expansions = words.map((word) => expand(word, segments, found));
    const total = this.size;
    const idf = new Map<string, number>();
    for (const terms of expansions) {
      for (const term of terms.keys()) {
        if (idf.has(term)) continue;
        const df = segments.reduce((n, seg, s) => n + seg.documentFrequency(numberIn(s, term)), 0);
        // Dead postings still count in df, so it can exceed the total: keep idf positive.
        idf.set(term, Math.log(1 + (Math.max(0, total - df) + 0.5) / (df + 0.5)));
      }
    }
    const top = new TopMatches(options.limit, options.perKind ?? options.limit);
    let complete = true;
    for (const need of [words.length, 1]) {
      segments.forEach((segment, s) => {
        const dead = s === 0 ? this.dead : undefined;
        const termNumber = (term: string) => numberIn(s, term);
        scoreSegment(segment, expansions, idf, termNumber, need, dead, (doc, score) => {
          if (!options.filter || options.filter(doc)) top.offer(doc, score);
        });
      });
      if (top.size > 0 || words.length === 1) break;
      complete = false;
    }
    const terms = new Set(expansions.flatMap((e) => [...e.keys()]));
    return { matches: top.sorted(), terms, complete };
  }
}

/** The terms a word matches. Typos are looked for only when the word (or, while it is being
 * typed, a word it starts) is nowhere in the index: a word that exists was meant. */
function expand(
  word: QueryWord,
  segments: Segment[],
  found: Map<string, number>[],
): Map<string, number> {
  const terms = new Map<string, number>();
  segments.forEach((segment, s) => segment.expand(word, terms, found[s]));
  if (terms.size === 0 && word.fuzzy) {
    segments.forEach((segment, s) => segment.expandTypo(word, terms, found[s]));
  }
  return terms;
}

/**
 * Scores every document of `segment` that matches at least `need` of the words: per word, the
 * best of its forms (quality × idf × the document's weight for it), summed over words, then
 * scaled by the share of words matched.
 */
function scoreSegment(
  segment: Segment,
  expansions: Map<string, number>[],
  idf: Map<string, number>,
  termNumber: (term: string) => number,
  need: number,
  dead: ReadonlySet<number> | undefined,
  emit: (doc: DocInfo, score: number) => void,
): void {
  const n = segment.docs.length;
  // Per word, a document counts once, with its best form: `best` holds that value while
  // `seen[d] === w + 1` says it is this word's.
  const { total, count, best, seen } = scratchFor(segment);
  const { offsets, postDoc, postWeight } = segment;
  expansions.forEach((terms, w) => {
    const mark = w + 1;
    for (const [term, quality] of terms) {
      const t = termNumber(term);
      if (t < 0) continue;
      const factor = quality * idf.get(term)!;
      for (let p = offsets[t], end = offsets[t + 1]; p < end; p++) {
        const d = postDoc[p];
        const value = factor * postWeight[p];
        if (seen[d] !== mark) {
          seen[d] = mark;
          best[d] = value;
          total[d] += value;
          count[d]++;
        } else if (value > best[d]) {
          total[d] += value - best[d];
          best[d] = value;
        }
      }
    }
  });
  const words = expansions.length;
  for (let d = 0; d < n; d++) {
    if (count[d] < need || dead?.has(d)) continue;
    emit(segment.docs[d], (total[d] * count[d]) / words);
  }
}

/** Score arrays, one set per segment, reused by every query: a query allocates (and the
 * garbage collector frees) nothing in proportion to the index. */
const scratch = new WeakMap<
  Segment,
  Record<'total' | 'best', Float64Array> & Record<'count' | 'seen', Uint8Array>
>();
function scratchFor(segment: Segment) {
  const n = segment.docs.length;
  let arrays = scratch.get(segment);
  if (!arrays) {
    arrays = {
      total: new Float64Array(n),
      best: new Float64Array(n),
      count: new Uint8Array(n),
      seen: new Uint8Array(n),
    };
    scratch.set(segment, arrays);
  } else {
    arrays.total.fill(0);
    arrays.count.fill(0);
    arrays.seen.fill(0);
  }
  return arrays;
}

/** The best `limit` matches, at most `perKind` of each kind, without sorting them all: each
 * kind keeps its own short sorted list, so most candidates are turned away by one comparison. */
class TopMatches {
  private byKind = new Map<string, Match[]>();
  private count = 0;

  constructor(
    private readonly limit: number,
    private readonly perKind: number,
  ) {}

  get size(): number {
    return this.count;
  }

  offer(doc: DocInfo, score: number): void {
    const kind = doc.key[0];
    let kept = this.byKind.get(kind);
    if (!kept) this.byKind.set(kind, (kept = []));
    const cap = Math.min(this.perKind, this.limit);
    if (kept.length >= cap) {
      if (kept[kept.length - 1].score >= score) return;
      kept.pop();
      this.count--;
    }
    let i = kept.length;
    while (i > 0 && kept[i - 1].score < score) i--;
    kept.splice(i, 0, { doc, score });
    this.count++;
  }

  sorted(): Match[] {
    return [...this.byKind.values()]
      .flat()
      .sort((a, b) => b.score - a.score)
      .slice(0, this.limit);
  }
}
