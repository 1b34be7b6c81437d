import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codeUnits,
  distinctEnds,
  editDistance,
  searchEnds,
} from '../../../src/shared/anchoring/search';
import { wordIds, wordsOf } from '../../../src/shared/anchoring/words';

/** The textbook dynamic programme: every end where all of `pattern` matches within `k` edits. */
function slowEnds(text: string, pattern: string, k: number) {
  let prev = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const ends: { end: number; errors: number }[] = [];
  for (let j = 1; j <= text.length; j++) {
    const cur = [0];
    for (let i = 1; i <= pattern.length; i++) {
      const same = pattern[i - 1] === text[j - 1] ? 0 : 1;
      cur[i] = Math.min(prev[i - 1] + same, prev[i] + 1, cur[i - 1] + 1);
    }
    if (cur[pattern.length] <= k) ends.push({ end: j, errors: cur[pattern.length] });
    prev = cur;
  }
  return ends;
}

function slowDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
    }
    prev = cur;
  }
  return prev[b.length];
}

// A small alphabet makes many near matches; up to 150 characters spans five 32-bit blocks.
const text = (max: number) =>
  fc.array(fc.constantFrom('a', 'b', 'c', ' ', '😀'), { maxLength: max }).map((a) => a.join(''));

describe('searchEnds (bit-parallel, blocks of 32)', () => {
  it('finds the same ends as the plain dynamic programme', () => {
    fc.assert(
      fc.property(text(300), text(150), fc.nat(160), (t, p, k) => {
        expect(searchEnds(codeUnits(t), codeUnits(p), k)).toEqual(p ? slowEnds(t, p, k) : []);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the best end of each place', () => {
    const ends = [
      { end: 10, errors: 3 },
      { end: 11, errors: 2 },
      { end: 12, errors: 3 },
      { end: 40, errors: 1 },
    ];
    expect(distinctEnds(ends, 5, 10)).toEqual([
      { end: 40, errors: 1 },
      { end: 11, errors: 2 },
    ]);
    expect(distinctEnds(ends, 5, 1)).toEqual([{ end: 40, errors: 1 }]);
  });
});

describe('editDistance', () => {
  it('is the Levenshtein distance to a stretch of text', () => {
    fc.assert(
      fc.property(text(120), text(160), fc.nat(), fc.nat(), (a, t, i, j) => {
        const lo = i % (t.length + 1);
        const hi = lo + (j % (t.length - lo + 1));
        expect(editDistance(a, t, lo, hi)).toBe(slowDistance(a, t.slice(lo, hi)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('words', () => {
  it('splits on spaces, and Chinese into characters, with offsets into the text', () => {
    const t = 'New 新质生产力 forces\u00a0grow.';
    const words = wordsOf(t);
    const list = [...words.ids].map((_, i) => t.slice(words.starts[i], words.ends[i]));
    expect(list).toEqual(['New', '新', '质', '生', '产', '力', 'forces', 'grow.']);
    expect([...wordIds(words, 'forces New unknown')]).toEqual([
      words.ids[6],
      words.ids[0],
      0, // not in the text
    ]);
  });
});
