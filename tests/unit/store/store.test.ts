import fs from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../../src/main/store/errors';
import { emptyStore, type StoreData } from '../../../src/main/store/schema';
import { openStore } from '../../../src/main/store/store';
import { readJson, tempDir } from './helpers';

function fileOf(dir: string): string {
  return path.join(dir, 'xinzhi.json');
}

/** An adapter wrapper that counts writes and can hold them until released. */
function instrument() {
  let writes = 0;
  let gate: Promise<void> | null = null;
  let open = () => {};
  return {
    get writes() {
      return writes;
    },
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open();
    },
    wrap: (inner: Adapter<StoreData>): Adapter<StoreData> => ({
      read: () => inner.read(),
      write(data) {
        writes++;
        const written = inner.write(data); // synchronously: the snapshot is taken now
        const waitFor = gate;
        return waitFor ? waitFor.then(() => written) : written;
      },
    }),
  };
}

describe('openStore', () => {
  it('creates the data dir and an empty store file', async () => {
    const dir = path.join(await tempDir(), 'nested', 'data');
    const store = await openStore({ dataDir: dir });
    expect(store.data).toEqual(emptyStore());
    expect(store.recovery).toBeNull();
    expect(await readJson(fileOf(dir))).toEqual(emptyStore());
    await store.close();
  });

  it('keeps an update across a reopen', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    await store.update((d) => {
      d.settings.fontSize = 22;
      d.progress['a1'] = { blockId: 'b1', percent: 10, maxPercent: 30, updatedAt: 'now' };
    });
    await store.close();
    const again = await openStore({ dataDir: dir });
    expect(again.data.settings.fontSize).toBe(22);
    expect(again.data.progress['a1']?.maxPercent).toBe(30);
    await again.close();
  });

  it('applies an update in memory at once and has it on disk when it resolves', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    const written = store.update((d) => {
      d.highlights.push({ id: 'h1' });
    });
    expect(store.data.highlights).toEqual([{ id: 'h1' }]);
    await written;
    expect(((await readJson(fileOf(dir))) as StoreData).highlights).toEqual([{ id: 'h1' }]);
    await store.close();
  });

  it('keeps unknown fields, top level and inside a highlight', async () => {
    const dir = await tempDir();
    const original = {
      ...emptyStore(),
      addedLater: { deep: [1, 'two'] },
      settings: { ...emptyStore().settings, fontFamily: 'serif' },
      highlights: [{ id: 'h1', color: 'yellow', anchors: { v: 2 } }],
    };
    await fs.writeFile(fileOf(dir), JSON.stringify(original));
    const store = await openStore({ dataDir: dir });
    await store.update((d) => {
      d.highlights.push({ id: 'h2' });
    });
    await store.close();
    expect(await readJson(fileOf(dir))).toEqual({
      ...original,
      highlights: [...original.highlights, { id: 'h2' }],
    });
  });

  it('repairs missing or invalid settings with defaults instead of refusing the file', async () => {
    const dir = await tempDir();
    // As written before a preference existed, with one value a later version no longer allows.
    const older: Record<string, unknown> = { ...emptyStore().settings };
    delete older[Object.keys(older).at(-1)!];
    const file = { ...emptyStore(), settings: { ...older, fontSize: 99, custom: 'kept' } };
    file.highlights.push({ id: 'h1' });
    await fs.writeFile(fileOf(dir), JSON.stringify(file));
    const store = await openStore({ dataDir: dir });
    expect(store.recovery).toBeNull();
    expect(store.data.highlights).toEqual([{ id: 'h1' }]);
    expect(store.data.settings).toEqual({ ...emptyStore().settings, custom: 'kept' });
    await store.close();
  });

  it('coalesces 100 updates in one tick into very few writes', async () => {
    const dir = await tempDir();
    const probe = instrument();
    const store = await openStore({ dataDir: dir, wrapAdapter: probe.wrap });
    const before = probe.writes;
    const pending = Array.from({ length: 100 }, (_, i) =>
      store.update((d) => {
        d.highlights.push({ id: `h${i}` });
      }),
    );
    await Promise.all(pending);
    expect(probe.writes - before).toBeLessThanOrEqual(2);
    expect(store.writeCount).toBe(probe.writes - before);
    const onDisk = (await readJson(fileOf(dir))) as StoreData;
    expect(onDisk.highlights.map((h) => h.id)).toEqual(
      Array.from({ length: 100 }, (_, i) => `h${i}`),
    );
    await store.close();
  });

  it('queues at most one write behind the one in flight', async () => {
    const dir = await tempDir();
    const probe = instrument();
    const store = await openStore({ dataDir: dir, wrapAdapter: probe.wrap });
    const before = probe.writes;
    probe.hold();
    const first = store.update((d) => {
      d.settings.fontSize = 15;
    });
    await new Promise((resolve) => setImmediate(resolve)); // the first write is now in flight
    const later: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      later.push(store.update((d) => void d.cards.push({ id: `c${i}` })));
      await new Promise((resolve) => setImmediate(resolve)); // separate ticks
    }
    probe.release();
    await Promise.all([first, ...later]);
    expect(probe.writes - before).toBe(2);
    expect(((await readJson(fileOf(dir))) as StoreData).cards).toHaveLength(50);
    await store.close();
  });

  it('rejects the updates of a failed write, keeps the file whole, and retries on flush', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    await store.update((d) => void d.highlights.push({ id: 'kept' }));
    await fs.mkdir(`${fileOf(dir)}.tmp`); // make the next write fail on real fs
    await expect(store.update((d) => void d.highlights.push({ id: 'lost?' }))).rejects.toThrow();
    expect(((await readJson(fileOf(dir))) as StoreData).highlights).toEqual([{ id: 'kept' }]);
    expect(store.data.highlights).toHaveLength(2); // memory still has it

    await fs.rmdir(`${fileOf(dir)}.tmp`);
    await store.flush(); // the next write carries the whole state
    expect(((await readJson(fileOf(dir))) as StoreData).highlights.map((h) => h.id)).toEqual([
      'kept',
      'lost?',
    ]);
    await store.close();
  });

  it('rejects with the error a mutation throws, and stays usable', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    const boom = new Error('boom');
    await expect(
      store.update(() => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    await store.update((d) => void (d.settings.theme = 'sepia'));
    expect(((await readJson(fileOf(dir))) as StoreData).settings.theme).toBe('sepia');
    await store.close();
  });

  it('flush resolves at once when nothing is pending, and refuses updates after close', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    await store.flush();
    void store.update((d) => void (d.windowState = { width: 800, height: 600, maximized: true }));
    await store.flush();
    expect(((await readJson(fileOf(dir))) as StoreData).windowState?.width).toBe(800);
    await store.close();
    await store.close(); // idempotent
    const error = await store.update(() => {}).catch((e: unknown) => e);
    expect(isStoreError(error, 'closed')).toBe(true);
  });

  it('uses a custom file name', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir, fileName: 'other.json' });
    await store.update((d) => void (d.settings.fontSize = 16));
    await store.close();
    expect(((await readJson(path.join(dir, 'other.json'))) as StoreData).settings.fontSize).toBe(
      16,
    );
  });
});
