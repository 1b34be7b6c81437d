import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/main/services/search/search-index';
import { Segment, type IndexDoc } from '../../src/main/services/search/segment';

const WORDS = ['force', 'quality', 'digital', 'economy', 'chip', '新质', 'green', 'labour'];
const QUERIES = ['force', 'quality digital', 'chip', '新质', 'economy green', 'lab'];
const AVERAGE = 4;

const doc = (key: string, words: string[], version: string): IndexDoc => ({
  key,
  version,
  fields: [{ text: words.join(' '), boost: 1 }],
});
const docArb = fc.record({
  key: fc.integer({ min: 0, max: 25 }).map((n) => `h:${n}`),
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }),
});

/** Each term's postings as document key → weight, terms with none left out. */
function postingsByKey(segment: Segment) {
  const out: Record<string, Record<string, number>> = {};
  segment.terms.forEach((term, t) => {
    for (let p = segment.offsets[t]; p < segment.offsets[t + 1]; p++) {
      (out[term] ??= {})[segment.docs[segment.postDoc[p]].key] = segment.postWeight[p];
    }
  });
  return out;
}

describe('Segment.merge', () => {
  it('holds what building the surviving documents and the new ones at once would', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(docArb, { selector: (d) => d.key }),
        fc.uniqueArray(docArb, { selector: (d) => d.key }),
        fc.array(fc.boolean()),
        (before, after, deadFlags) => {
          const a = before.map((d) => doc(`a${d.key}`, d.words, '1'));
          const b = after.map((d) => doc(`b${d.key}`, d.words, '1'));
          const dead = new Set(a.flatMap((_, i) => (deadFlags[i] ? [i] : [])));
          const merged = Segment.build(a, AVERAGE).merge(dead, Segment.build(b, AVERAGE));
          const built = Segment.build([...a.filter((_, i) => !dead.has(i)), ...b], AVERAGE);
          expect(merged.docs).toEqual(built.docs);
          expect(postingsByKey(merged)).toEqual(postingsByKey(built));
          // (The words of dead documents stay, as their terms do, until a rebuild.)
          const surfaceTerms = (s: Segment) =>
            Object.fromEntries(
              s.surfaces.map((surface, i) => [surface, s.terms[s.surfaceTerm[i]]]),
            );
          expect(surfaceTerms(merged)).toMatchObject(surfaceTerms(built));
        },
      ),
    );
  });
});

type Op =
  | { kind: 'upsert'; key: string; words: string[] }
  | { kind: 'remove'; key: string }
  | { kind: 'tick'; turns: number }
  | { kind: 'catchUp' | 'compact' | 'search' | 'compactNow' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: docArb.map((d) => ({ kind: 'upsert' as const, ...d })) },
  { weight: 1, arbitrary: docArb.map((d) => ({ kind: 'remove' as const, key: d.key })) },
  { weight: 2, arbitrary: fc.constantFrom<Op>({ kind: 'catchUp' }, { kind: 'compact' }) },
  { weight: 1, arbitrary: fc.constantFrom<Op>({ kind: 'search' }, { kind: 'compactNow' }) },
  // Lets the work under way take a few steps.
  {
    weight: 4,
    arbitrary: fc.integer({ min: 1, max: 12 }).map((turns) => ({ kind: 'tick' as const, turns })),
  },
);

/** The keys a query finds: which documents match does not depend on when work was done. */
const found = (index: SearchIndex, query: string) =>
  index
    .search(query, { limit: 1000 })
    .matches.map((m) => `${m.doc.key}@${m.doc.version}`)
    .sort();

describe('SearchIndex, with its work done a slice at a time', () => {
  it('finds what an index built from scratch over the same documents finds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 10, maxLength: 80, size: 'max' }),
        async (ops) => {
          const shipped = [doc('p:1', ['force', 'quality'], 's'), doc('p:2', ['chip'], 's')];
          // Slices of no time at all: every step of the background work lets others in.
          const index = new SearchIndex(Segment.build(shipped), 0);
          const model = new Map(shipped.map((d) => [d.key, d]));
          const work: Promise<unknown>[] = [];
          let version = 0;
          for (const op of ops) {
            if (op.kind === 'upsert') {
              const d = doc(op.key, op.words, String(++version));
              index.upsert(d);
              model.set(d.key, d);
            } else if (op.kind === 'remove') {
              index.remove(op.key);
              model.delete(op.key);
            } else if (op.kind === 'catchUp') work.push(index.catchUp());
            else if (op.kind === 'compact') work.push(index.compactInSlices());
            else if (op.kind === 'compactNow') index.compact();
            else if (op.kind === 'search') found(index, 'force');
            else if (op.kind === 'tick') {
              for (let i = 0; i < op.turns; i++) await new Promise((r) => setImmediate(r));
            }
          }
          const reference = SearchIndex.build([...model.values()]);
          const check = () => {
            expect(index.size).toBe(model.size);
            for (const [key, d] of model) expect(index.version(key)).toBe(d.version);
            for (const q of QUERIES) expect(found(index, q)).toEqual(found(reference, q));
          };
          check();
          await Promise.all(work);
          check();
          await index.compactInSlices();
          check();
        },
      ),
      { numRuns: 300 },
    );
  });
});
