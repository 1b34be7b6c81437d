import { SLICE_MS, runInSlices, runNow, type Steps } from '../../slices';
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

/** A compaction under way: what it started from, and the keys changed since. */
interface Compaction {
  main: Segment;
  /** A copy: the index's own set grows while the compaction runs. */
  dead: Set<number>;
  live: Segment;
  changed: Set<string>;
}

/** The segment a compaction makes, in steps. */
const mergeSteps = ({ main, dead, live }: Compaction) => main.mergeSteps(dead, live);

/**
 * The search index: a large main segment (built once, loaded from the cache) and a small live
 * one holding what changed since. A changed or removed document is marked dead in the main
 * segment. Every query word must match (in any of its forms); if no document has them all,
 * documents with some of them are returned, ranked lower.
 *
 * The live segment is kept up to date incrementally: only documents changed since it was last
 * built are tokenized, and merged into it. That work, and folding the live segment into the
 * main one, can run a slice at a time (catchUp, compactInSlices) while searches go on over
 * the state before it; search() and compact() do whatever is left at once.
 */
export class SearchIndex {
  private main: Segment;
  private mainByKey = new Map<string, number>();
  private dead = new Set<number>();
  /** Every document not in the main segment, in the order they were last upserted. */
  private liveDocs = new Map<string, IndexDoc>();
  /** Holds liveDocs except the keys in `changed`, in the same order. */
  private live: Segment;
  private liveByKey = new Map<string, number>();
  /** Keys upserted or removed since `live` was built, in the order of their last change. */
  private changed = new Set<string>();
  private compactions = new Set<Compaction>();
  private catchingUp: Promise<void> | null = null;
  private compacting: Promise<Segment> | null = null;

  /** `sliceMs`: how long each slice of background work may run (tests make it 0). */
  constructor(
    main: Segment,
    private readonly sliceMs = SLICE_MS,
  ) {
    this.main = main;
    main.docs.forEach((doc, i) => this.mainByKey.set(doc.key, i));
    this.live = Segment.build([], main.averageLength);
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
    this.liveDocs.delete(doc.key); // to the end: the live segment adds it there
    this.liveDocs.set(doc.key, doc);
  }

  remove(key: string): void {
    this.kill(key);
    this.liveDocs.delete(key);
  }

  private kill(key: string) {
    const i = this.mainByKey.get(key);
    if (i !== undefined) this.dead.add(i);
    this.changed.delete(key);
    this.changed.add(key);
    for (const compaction of this.compactions) compaction.changed.add(key);
  }

  /** Brings the live segment up to date a slice at a time; search() then has nothing to do. */
  catchUp(): Promise<void> {
    // Cleared in a finally() callback, which runs after the assignment even when nothing waits.
    this.catchingUp ??= this.absorbAll().finally(() => (this.catchingUp = null));
    return this.catchingUp;
  }

  private async absorbAll(): Promise<void> {
    while (this.changed.size > 0) await runInSlices(this.absorbSteps(), this.sliceMs);
  }

  /** True when the live segment is large enough to be folded into the main one. */
  get liveIsLarge(): boolean {
    return this.liveDocs.size > LIVE_LIMIT;
  }

  /**
   * Merges the changed documents into the live segment: the live segment without their old
   * versions, then the new ones. If the live segment was replaced meanwhile (by search() or a
   * compaction), the result is dropped and `changed` stays as it is, for another try.
   */
  private *absorbSteps(): Steps<void> {
    const base = this.live;
    const taken = [...this.changed].map((key) => [key, this.liveDocs.get(key)] as const);
    const gone = new Set<number>();
    const fresh: IndexDoc[] = [];
    for (const [key, doc] of taken) {
      const i = this.liveByKey.get(key);
      if (i !== undefined) gone.add(i);
      if (doc) fresh.push(doc);
    }
    const added = yield* Segment.buildSteps(fresh, this.main.averageLength);
    const live = yield* base.mergeSteps(gone, added);
    if (this.live !== base) return;
    this.setLive(live);
    // A key changed again while this ran stays changed: its newest version is not in yet.
    for (const [key, doc] of taken) if (this.liveDocs.get(key) === doc) this.changed.delete(key);
  }

  private setLive(live: Segment) {
    this.live = live;
    this.liveByKey = new Map(live.docs.map((doc, i) => [doc.key, i]));
  }

  /** One segment with everything, for the cache; the live part starts empty again. */
  compact(): Segment {
    while (this.changed.size > 0) runNow(this.absorbSteps());
    const compaction = this.startCompaction();
    if (compaction) this.finishCompaction(compaction, runNow(mergeSteps(compaction)));
    return this.main;
  }

  /** compact(), a slice at a time; searches and changes may come meanwhile. */
  compactInSlices(): Promise<Segment> {
    this.compacting ??= this.compactAll().finally(() => (this.compacting = null));
    return this.compacting;
  }

  private async compactAll(): Promise<Segment> {
    for (;;) {
      while (this.changed.size > 0) await this.catchUp();
      const compaction = this.startCompaction();
      if (!compaction) return this.main;
      const merged = await runInSlices(mergeSteps(compaction), this.sliceMs);
      if (this.finishCompaction(compaction, merged)) return this.main;
    }
  }

  /** Records what a compaction starts from, if there is anything to fold in. */
  private startCompaction(): Compaction | null {
    if (this.liveDocs.size === 0 && this.dead.size === 0) return null;
    const { main, live } = this;
    const compaction = { main, dead: new Set(this.dead), live, changed: new Set<string>() };
    this.compactions.add(compaction);
    return compaction;
  }

  /**
   * Makes `merged` the main segment, unless another compaction replaced the main segment
   * meanwhile (then false). Documents changed since the compaction started are dead in it and
   * stay live: they are indexed again by the next catch-up.
   */
  private finishCompaction(compaction: Compaction, merged: Segment): boolean {
    this.compactions.delete(compaction);
    if (this.main !== compaction.main) return false;
    this.main = merged;
    this.mainByKey = new Map(merged.docs.map((doc, i) => [doc.key, i]));
    this.dead = new Set();
    const { changed } = compaction;
    for (const key of changed) {
      const i = this.mainByKey.get(key);
      if (i !== undefined) this.dead.add(i);
    }
    for (const key of this.liveDocs.keys()) if (!changed.has(key)) this.liveDocs.delete(key);
    this.setLive(Segment.build([], merged.averageLength));
    this.changed = new Set(this.liveDocs.keys());
    return true;
  }

  search(query: string, options: SearchOptions): SearchResult {
    const words = parseQuery(query);
    if (words.length === 0) return { matches: [], terms: new Set(), complete: true };
    while (this.changed.size > 0) runNow(this.absorbSteps());
    // (A compaction under way will fold the live segment in soon enough.)
    if (this.liveIsLarge && !this.compacting) this.compact();
    const segments = this.liveDocs.size > 0 ? [this.main, this.live] : [this.main];
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
