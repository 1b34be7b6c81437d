import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineSeq } from '../../../src/main/store/change-log';
import { ChangeApplier, prepareChanges, type Change } from '../../../src/main/store/changes';
import { isStoreError } from '../../../src/main/store/errors';
import { emptyStore, type StoreData } from '../../../src/main/store/schema';

/** The contract, read literally: a linear scan for the first record with the id. */
function modelApply(data: StoreData, change: Change): void {
  if (change.type === 'set') return;
  const records = data[change.collection];
  const id = change.type === 'put' ? change.record.id : change.id;
  const at = records.findIndex((r) => r.id === id);
  if (change.type === 'put') {
    if (at >= 0) records[at] = change.record;
    else records.push(change.record);
  } else if (at >= 0) {
    records.splice(at, 1);
  }
}

const id = fc.integer({ min: 0, max: 40 }).map((n) => `r${n}`);
const change: fc.Arbitrary<Change> = fc.oneof(
  fc
    .tuple(id, fc.nat())
    .map(([i, v]): Change => ({ type: 'put', collection: 'cards', record: { id: i, v } })),
  { weight: 2, arbitrary: id.map((i): Change => ({ type: 'delete', collection: 'cards', id: i })) },
);

describe('ChangeApplier', () => {
  it('agrees with a linear scan, over long runs of deletes and with duplicate ids', () => {
    fc.assert(
      fc.property(
        fc.array(id, { maxLength: 30 }), // may hold duplicates, as update() could leave
        fc.array(fc.array(change, { minLength: 1, maxLength: 20 }), { maxLength: 60 }),
        fc.boolean(),
        (initial, batches, replace) => {
          const data = emptyStore();
          const model = emptyStore();
          data.cards = initial.map((i) => ({ id: i }));
          model.cards = initial.map((i) => ({ id: i }));
          const applier = new ChangeApplier();
          for (const [n, batch] of batches.entries()) {
            const { changes } = prepareChanges(batch);
            applier.apply(data, changes);
            for (const c of structuredClone(batch)) modelApply(model, c);
            if (replace && n === 3) {
              // As update() may: replace the array; the index must notice.
              data.cards = [...data.cards, { id: 'x' }];
              model.cards = [...model.cards, { id: 'x' }];
            }
          }
          expect(data.cards).toEqual(model.cards);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles more deletes than it lets positions drift', () => {
    const data = emptyStore();
    const applier = new ChangeApplier();
    const count = 2000;
    const puts = Array.from({ length: count }, (_, i): Change => ({
      type: 'put',
      collection: 'highlights',
      record: { id: `h${i}` },
    }));
    applier.apply(data, puts);
    // Delete every other record from the front, then touch the survivors.
    for (let i = 0; i < count; i += 2) {
      applier.apply(data, [{ type: 'delete', collection: 'highlights', id: `h${i}` }]);
    }
    for (let i = 1; i < count; i += 2) {
      applier.apply(data, [{ type: 'put', collection: 'highlights', record: { id: `h${i}`, i } }]);
    }
    expect(data.highlights).toEqual(
      Array.from({ length: count / 2 }, (_, k) => ({ id: `h${2 * k + 1}`, i: 2 * k + 1 })),
    );
  });
});

describe('prepareChanges', () => {
  it('returns the journal text and a copy that equals it', () => {
    const record = { id: 'h', nested: { list: [1, 'two', null] } };
    const input: Change[] = [
      { type: 'put', collection: 'highlights', record },
      { type: 'set', doc: 'windowState', value: { width: 800, height: 600, maximized: false } },
    ];
    const { text, changes } = prepareChanges(input);
    expect(JSON.parse(text)).toEqual(input);
    expect(changes).toEqual(input);
    expect((changes[0] as { record: unknown }).record).not.toBe(record);
  });

  it('drops fields a change is not made of', () => {
    const extra = { type: 'delete', collection: 'trash', id: 't', note: 'x' } as Change;
    expect(JSON.parse(prepareChanges([extra]).text)).toEqual([
      { type: 'delete', collection: 'trash', id: 't' },
    ]);
  });

  it('names the bad change', () => {
    const error = (() => {
      try {
        prepareChanges([
          { type: 'delete', collection: 'cards', id: 'ok' },
          { type: 'put', collection: 'cards', record: { id: 'c', deep: { f: Symbol('s') } } },
        ]);
      } catch (e) {
        return e;
      }
    })();
    expect(isStoreError(error, 'invalid')).toBe(true);
    expect((error as Error).message).toMatch(/change 1: record: deep: f: a symbol/);
  });
});

describe('lineSeq', () => {
  it('reads the seq a line starts with, and keeps what it cannot read', () => {
    expect(lineSeq('{"seq":42,"changes":[]}')).toBe(42);
    expect(lineSeq('{ "changes": [], "seq": 7 }')).toBe(7);
    expect(lineSeq('garbage')).toBe(Infinity);
    expect(lineSeq('{"changes":[]}')).toBe(Infinity);
  });
});
