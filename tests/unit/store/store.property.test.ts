import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { THEMES } from '../../../src/shared/settings';
import { emptyStore, type StoreData } from '../../../src/main/store/schema';
import { openStore } from '../../../src/main/store/store';
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
});
