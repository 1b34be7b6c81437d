import fs from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../../src/main/store/errors';
import { emptyStore, type StoreData } from '../../../src/main/store/schema';
import { openStore } from '../../../src/main/store/store';
import { del, ids, journalFile, journalLines, put, readJson, storeFile, tempDir } from './helpers';

/** Holds snapshot writes until released; the snapshot is still taken when the write starts. */
function gate() {
  let held: Promise<void> | null = null;
  let open = () => {};
  return {
    hold() {
      held = new Promise((resolve) => (open = resolve));
    },
    release() {
      held = null;
      open();
    },
    wrap: (inner: Adapter<StoreData>): Adapter<StoreData> => ({
      read: () => inner.read(),
      write(data) {
        const written = inner.write(data);
        const waitFor = held;
        return waitFor ? waitFor.then(() => written) : written;
      },
    }),
  };
}

describe('apply() and the journal', () => {
  it('survives a crash: replayed from the journal by the next open', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    await store.apply([put('h1', { note: '新质' })]);
    expect(((await readJson(storeFile(dir))) as StoreData).highlights).toEqual([]);
    expect(await journalLines(dir)).toEqual([{ seq: 1, changes: [put('h1', { note: '新质' })] }]);
    // No close(): as after a crash.
    const again = await openStore({ dataDir: dir });
    expect(again.data.highlights).toEqual([{ id: 'h1', note: '新质' }]);
    expect(again.data.journalSeq).toBe(1);
    expect(again.recovery).toBeNull();
    await again.apply([put('h2')]);
    expect((await journalLines(dir)).map((l) => l.seq)).toEqual([1, 2]); // numbering continues
    await again.close();
  });

  it('compacts into the store file on close and leaves the journal empty', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    await store.apply([put('h1')]);
    await store.apply([{ type: 'set', doc: 'windowState', value: null }]);
    await store.close();
    const onDisk = (await readJson(storeFile(dir))) as StoreData;
    expect(onDisk.highlights).toEqual([{ id: 'h1' }]);
    expect(onDisk.journalSeq).toBe(2);
    expect(await fs.readFile(journalFile(dir), 'utf8')).toBe('');
    const error = await store.apply([put('late')]).catch((e: unknown) => e);
    expect(isStoreError(error, 'closed')).toBe(true);
  });

  it('puts by id in place, appends new ids, deletes, and sets documents', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    const progress = { a1: { blockId: 'b', percent: 5, maxPercent: 9, updatedAt: 'x' } };
    await store.apply([put('a'), put('b'), put('c')]);
    await store.apply([put('b', { v: 2 }), del('a'), del('missing'), put('d')]);
    await store.apply([{ type: 'set', doc: 'progress', value: progress }]);
    await store.apply([
      { type: 'put', collection: 'cards', record: { id: 'c1' } },
      { type: 'put', collection: 'trash', record: { id: 't1' } },
      { type: 'delete', collection: 'cards', id: 'c1' },
    ]);
    const expected = (data: StoreData) => {
      expect(data.highlights).toEqual([{ id: 'b', v: 2 }, { id: 'c' }, { id: 'd' }]);
      expect(data.progress).toEqual(progress);
      expect(data.cards).toEqual([]);
      expect(data.trash).toEqual([{ id: 't1' }]);
    };
    expected(store.data);
    const again = await openStore({ dataDir: dir }); // replay gives the same
    expected(again.data);
    await again.close();
    expected((await readJson(storeFile(dir))) as StoreData);
  });

  it('keeps its own copy: mutating an applied object later changes nothing', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    const record = { id: 'h1', tags: ['a'] };
    await store.apply([{ type: 'put', collection: 'highlights', record }]);
    record.tags.push('b');
    expect(store.data.highlights).toEqual([{ id: 'h1', tags: ['a'] }]);
    await store.close();
  });

  it('preserves the order of concurrent calls, in memory, on disk and in resolution', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    const resolved: number[] = [];
    const calls = Array.from({ length: 300 }, (_, i) =>
      store.apply([put('same', { i }), put(`h${i}`)]).then(() => resolved.push(i)),
    );
    await Promise.all(calls);
    expect(resolved).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(store.data.highlights[0]).toEqual({ id: 'same', i: 299 });
    expect((await journalLines(dir)).map((l) => l.seq)).toEqual(resolved.map((i) => i + 1));
    const again = await openStore({ dataDir: dir });
    expect(again.data).toEqual(store.data);
    await again.close();
  });

  it('resolves 1,000 applies made in one tick, and all survive a crash', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir, journalMaxLines: 100_000 });
    await Promise.all(Array.from({ length: 1000 }, (_, i) => store.apply([put(`h${i}`)])));
    const again = await openStore({ dataDir: dir });
    expect(ids(again)).toEqual(Array.from({ length: 1000 }, (_, i) => `h${i}`));
    expect(again.data.journalSeq).toBe(1000);
    await again.close();
  });

  it('resolves an empty batch without writing a line', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    await store.apply([]);
    expect(await fs.readFile(journalFile(dir), 'utf8')).toBe('');
    expect(store.data.journalSeq).toBe(0);
    await store.close();
  });
});

describe('compaction', () => {
  it('starts past the line limit, trims the journal, and keeps everything', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir, journalMaxLines: 10 });
    for (let i = 0; i < 25; i++) await store.apply([put(`h${i}`)]);
    await store.flush(); // waits for a compaction in progress
    const onDisk = (await readJson(storeFile(dir))) as StoreData;
    expect(onDisk.journalSeq).toBeGreaterThanOrEqual(10);
    const lines = await journalLines(dir);
    expect(lines.length).toBeLessThan(10);
    expect(lines.every((l) => l.seq > onDisk.journalSeq)).toBe(true);
    const again = await openStore({ dataDir: dir });
    expect(ids(again)).toEqual(Array.from({ length: 25 }, (_, i) => `h${i}`));
    await again.close();
  });

  it('starts past the byte limit too', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir, journalMaxBytes: 4096 });
    for (let i = 0; i < 6; i++) await store.apply([put(`h${i}`, { note: 'n'.repeat(1000) })]);
    await store.flush();
    expect(((await readJson(storeFile(dir))) as StoreData).journalSeq).toBeGreaterThanOrEqual(4);
    expect((await fs.stat(journalFile(dir))).size).toBeLessThan(4096);
    await store.close();
  });

  it('does not hold up appends while its snapshot is written, nor lose them', async () => {
    const dir = await tempDir();
    const probe = gate();
    const store = await openStore({ dataDir: dir, journalMaxLines: 5, wrapAdapter: probe.wrap });
    probe.hold();
    for (let i = 0; i < 5; i++) await store.apply([put(`h${i}`)]); // the 5th starts compaction
    await new Promise((resolve) => setImmediate(resolve)); // its snapshot write is now held
    // These resolve while the snapshot is still held: they only need their own fsync.
    for (let i = 5; i < 9; i++) await store.apply([put(`h${i}`)]);
    await store.apply([del('h0')]);
    probe.release();
    await store.flush();
    expect(((await readJson(storeFile(dir))) as StoreData).journalSeq).toBe(5);
    expect((await journalLines(dir)).map((l) => l.seq)).toEqual([6, 7, 8, 9, 10]);
    const again = await openStore({ dataDir: dir }); // a crash after compaction
    expect(ids(again)).toEqual(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8']);
    await again.close();
  });
  it('loses nothing changed while its snapshot is written a slice at a time', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir, journalMaxLines: 20 });
    // Large enough that the snapshot takes many slices, with changes in between.
    const note = 'n'.repeat(400);
    await store.update((draft) => {
      for (let i = 0; i < 20_000; i++) draft.highlights.push({ id: `h${i}`, note });
    });
    const applied: Promise<void>[] = [];
    for (let i = 0; i < 200; i++) {
      applied.push(store.apply([put(`h${i * 7}`, { note: `edit ${i}` }), del(`h${i * 7 + 1}`)]));
      applied.push(store.apply([put(`new${i}`)]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(applied);
    await store.flush();
    const expected = JSON.parse(JSON.stringify(store.data)) as StoreData;
    expect(((await readJson(storeFile(dir))) as StoreData).journalSeq).toBeGreaterThanOrEqual(20);
    const again = await openStore({ dataDir: dir }); // as after a crash: no close()
    expect(again.data).toEqual(expected);
    await again.close();
  });
});

describe('update() with apply()', () => {
  it('interleaved, they survive a crash with the right state and no line replayed twice', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    await store.apply([put('x', { v: 1 })]);
    await store.apply([put('y')]);
    // Removed outside the journal: replaying seq 1 again would bring x back.
    await store.update((d) => void d.highlights.splice(0, 1));
    expect(((await readJson(storeFile(dir))) as StoreData).journalSeq).toBe(2);
    await store.apply([del('y')]);
    await store.update((d) => void (d.settings.fontSize = 20));
    await store.apply([put('y', { v: 2 })]);
    await store.apply([put('z')]);
    const again = await openStore({ dataDir: dir });
    expect(again.data.highlights).toEqual([{ id: 'y', v: 2 }, { id: 'z' }]);
    expect(again.data.settings.fontSize).toBe(20);
    expect(again.data).toEqual(store.data);
    await again.close();
  });

  it('keeps journalSeq owned by the store even when update() replaces everything', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    await store.apply([put('gone')]);
    await store.update((d) => Object.assign(d, emptyStore())); // a restore
    expect(store.data.journalSeq).toBe(1);
    await store.apply([put('kept')]); // found through a rebuilt index
    const again = await openStore({ dataDir: dir });
    expect(ids(again)).toEqual(['kept']);
    await again.close();
  });

  it('skips journal lines the snapshot already holds (a crash between snapshot and trim)', async () => {
    const dir = await tempDir();
    const snapshot = { ...emptyStore(), journalSeq: 2, highlights: [{ id: 'b' }] };
    await fs.writeFile(storeFile(dir), JSON.stringify(snapshot));
    const lines = [[put('a')], [put('b'), del('a')], [put('c')]].map((changes, i) =>
      JSON.stringify({ seq: i + 1, changes }),
    );
    await fs.writeFile(journalFile(dir), `${lines.join('\n')}\n`);
    const store = await openStore({ dataDir: dir });
    expect(ids(store)).toEqual(['b', 'c']);
    expect(store.data.journalSeq).toBe(3);
    await store.close();
  });
});
