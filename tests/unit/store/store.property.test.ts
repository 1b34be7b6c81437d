import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { THEMES } from '../../../src/shared/settings';
import { emptyStore, type StoreData } from '../../../src/main/store/schema';
import { openStore, type Change, type StoreCollection } from '../../../src/main/store/store';
import { readJson, tempDir } from './helpers';

type Op =
  | { kind: 'theme'; value: (typeof THEMES)[number] }
  | { kind: 'fontSize'; value: number }
  | { kind: 'add'; id: string; extra: Record<string, string | number | boolean | null> }
  | { kind: 'remove'; index: number }
  | { kind: 'note'; index: number; note: string }
  | { kind: 'progress'; articleId: string; percent: number };

const key = fc
  .string({ minLength: 1, maxLength: 8 })
  .filter((k) => k !== '__proto__' && k !== 'id');
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('theme' as const), value: fc.constantFrom(...THEMES) }),
  fc.record({ kind: fc.constant('fontSize' as const), value: fc.integer({ min: 14, max: 28 }) }),
  fc.record({
    kind: fc.constant('add' as const),
    id: fc.uuid(),
    extra: fc.dictionary(
      key,
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
      {
        maxKeys: 4,
      },
    ),
  }),
  fc.record({ kind: fc.constant('remove' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('note' as const), index: fc.nat(), note: fc.string() }),
  fc.record({
    kind: fc.constant('progress' as const),
    articleId: fc.constantFrom('a1', 'a2', 'a3'),
    percent: fc.integer({ min: 0, max: 100 }),
  }),
);

/** Applies one operation; the same code runs on the store's draft and on the model. */
function apply(data: StoreData, o: Op): void {
  const { highlights } = data;
  switch (o.kind) {
    case 'theme':
      data.settings.theme = o.value;
      break;
    case 'fontSize':
      data.settings = { ...data.settings, fontSize: o.value };
      break;
    case 'add':
      highlights.push({ ...o.extra, id: o.id });
      break;
    case 'remove':
      if (highlights.length > 0)
        data.trash.push(...highlights.splice(o.index % highlights.length, 1));
      break;
    case 'note':
      if (highlights.length > 0) highlights[o.index % highlights.length]!.note = o.note;
      break;
    case 'progress':
      data.progress[o.articleId] = {
        blockId: 'b',
        percent: o.percent,
        maxPercent: Math.max(data.progress[o.articleId]?.maxPercent ?? 0, o.percent),
        updatedAt: '2025-01-01T00:00:00.000Z',
      };
      break;
  }
}

/** The model's own reading of a change: a linear scan, first match, as the contract says. */
function applyToModel(data: StoreData, change: Change): void {
  const copy = structuredClone(change);
  if (copy.type === 'set') {
    (data as unknown as Record<string, unknown>)[copy.doc] = copy.value;
    return;
  }
  const records = data[copy.collection];
  const id = copy.type === 'put' ? copy.record.id : copy.id;
  const at = records.findIndex((r) => r.id === id);
  if (copy.type === 'delete') {
    if (at >= 0) records.splice(at, 1);
  } else if (at >= 0) {
    records[at] = copy.record;
  } else {
    records.push(copy.record);
  }
}

/** A change, or a settings theme to be set on top of the settings of the moment. */
type ChangeSpec = Change | { type: 'theme'; theme: (typeof THEMES)[number] };

type Step =
  { kind: 'update'; op: Op } | { kind: 'apply'; changes: ChangeSpec[] } | { kind: 'crash' };

function resolve(spec: ChangeSpec, model: StoreData): Change {
  if (spec.type !== 'theme') return spec;
  return { type: 'set', doc: 'settings', value: { ...model.settings, theme: spec.theme } };
}

const collection = fc.constantFrom<StoreCollection>('highlights', 'cards', 'trash');
// A small pool of ids, so puts replace and deletes hit; 'remove' moves them into trash too.
const poolId = fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5');
const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
const change: fc.Arbitrary<ChangeSpec> = fc.oneof(
  fc
    .tuple(collection, poolId, fc.dictionary(key, value, { maxKeys: 3 }))
    .map(([c, id, extra]): Change => ({ type: 'put', collection: c, record: { ...extra, id } })),
  fc.tuple(collection, poolId).map(([c, id]): Change => ({ type: 'delete', collection: c, id })),
  fc.constantFrom(...THEMES).map((theme) => ({ type: 'theme' as const, theme })),
  fc.integer({ min: 0, max: 100 }).map((percent): Change => ({
    type: 'set',
    doc: 'progress',
    value: { a1: { blockId: 'b', percent, maxPercent: percent, updatedAt: 'x' } },
  })),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: op.map((o) => ({ kind: 'update' as const, op: o })) },
  {
    weight: 6,
    arbitrary: fc
      .array(change, { minLength: 1, maxLength: 3 })
      .map((changes) => ({ kind: 'apply' as const, changes })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'crash' as const }) },
);

describe('store (property)', () => {
  it('after flush and reopen, equals a model that saw the same updates', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(op, fc.constantFrom('await', 'yield', 'burst')), { maxLength: 40 }),
        async (steps) => {
          const dir = await tempDir();
          const model = emptyStore();
          const store = await openStore({ dataDir: dir });
          const pending: Promise<void>[] = [];
          for (const [o, pace] of steps) {
            apply(model, o);
            const written = store.update((draft) => apply(draft, o));
            pending.push(written);
            // Mix awaited updates, updates landing while a write is in flight, and bursts.
            if (pace === 'await') await written;
            if (pace === 'yield') await new Promise((resolve) => setImmediate(resolve));
          }
          await store.flush();
          // flush alone (not close) must have put everything on disk.
          expect(await readJson(path.join(dir, 'xinzhi.json'))).toEqual(model);
          await Promise.all(pending);
          expect(store.data).toEqual(model);
          await store.close();
          const reopened = await openStore({ dataDir: dir });
          expect(reopened.data).toEqual(model);
          expect(reopened.recovery).toBeNull();
          await reopened.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('mixing apply() and update(), with crashes, equals the model after every reopen', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(step, fc.constantFrom('await', 'yield', 'burst')), { maxLength: 50 }),
        fc.integer({ min: 2, max: 12 }),
        async (steps, journalMaxLines) => {
          const dir = await tempDir();
          const options = { dataDir: dir, journalMaxLines, backupIntervalMs: 0 };
          const model = emptyStore();
          let store = await openStore(options);
          let pending: Promise<void>[] = [];
          for (const [s, pace] of steps) {
            if (s.kind === 'crash') {
              // Everything acknowledged so far must survive; the old store is abandoned, not
              // closed, so nothing is compacted for it.
              await Promise.all(pending);
              await store.flush();
              pending = [];
              store = await openStore(options);
              expect(store.data).toEqual(model);
              continue;
            }
            let written: Promise<void>;
            if (s.kind === 'apply') {
              const changes = s.changes.map((spec) => resolve(spec, model));
              for (const change of changes) applyToModel(model, change);
              model.journalSeq++;
              written = store.apply(changes);
            } else {
              apply(model, s.op);
              written = store.update((draft) => apply(draft, s.op));
            }
            pending.push(written);
            if (pace === 'await') await written;
            if (pace === 'yield') await new Promise((resolve) => setImmediate(resolve));
          }
          await Promise.all(pending);
          expect(store.data).toEqual(model);
          await store.flush();
          const crashed = await openStore(options);
          expect(crashed.data).toEqual(model);
          await crashed.close();
          const reopened = await openStore(options);
          expect(reopened.data).toEqual(model);
          expect(reopened.recovery).toBeNull();
          expect(await readFile(path.join(dir, 'xinzhi.journal'), 'utf8')).toBe('');
          await reopened.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
