import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runNow } from '../../../src/main/slices';
import { JsonSnapshot } from '../../../src/main/store/json-snapshot';

const text = (snapshot: JsonSnapshot, perStep?: number) => {
  let out = '';
  runNow(snapshot.pieces((piece) => (out += piece), perStep));
  return out;
};

/** Top-level values as a store file has them, and what JSON.stringify treats specially. */
const topLevel = fc.dictionary(
  fc.string(),
  fc.oneof(
    fc.jsonValue(),
    fc.array(fc.oneof(fc.object(), fc.jsonValue())),
    fc.array(
      fc.oneof(
        fc.constant(undefined),
        fc.constant(() => 1),
        fc.string(),
      ),
    ),
    fc.constant(undefined),
  ),
);

describe('JsonSnapshot', () => {
  it("writes exactly JSON.stringify's text", () => {
    fc.assert(
      fc.property(topLevel, fc.integer({ min: 1, max: 4 }), (value, perStep) => {
        expect(text(new JsonSnapshot(value), perStep)).toBe(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
  });

  it('holds the state it was taken in while records are added, replaced and removed', () => {
    const records = Array.from({ length: 260 }, (_, i) => ({ id: `r${i}`, note: `n${i}` }));
    const data = { settings: { theme: 'light' }, seq: 1, records };
    const expected = JSON.stringify(data);
    const snapshot = new JsonSnapshot(data);
    const steps = snapshot.pieces(() => undefined);
    steps.next(); // part-way through, as when the event loop runs between slices
    let out = '';
    const later = new JsonSnapshot(data).pieces((piece) => (out += piece));
    records.push({ id: 'new', note: '' });
    records[3] = { id: 'r3', note: 'replaced' };
    records.splice(0, 10);
    data.settings.theme = 'dark';
    data.seq = 2;
    runNow(later);
    expect(out).toBe(expected);
    expect(text(snapshot)).toBe(expected);
  });
});
