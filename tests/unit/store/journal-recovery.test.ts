import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../../src/main/store/errors';
import { emptyStore, type StoreData } from '../../../src/main/store/schema';
import { openStore, type Change } from '../../../src/main/store/store';
import {
  DAY,
  T0,
  filesMatching,
  ids,
  journalFile,
  journalLines,
  manualClock,
  put,
  readJson,
  storeFile,
  tempDir,
} from './helpers';

describe('journal damage at start-up', () => {
  async function setUp(journal: string) {
    const dir = await tempDir();
    await fs.writeFile(storeFile(dir), JSON.stringify(emptyStore()));
    await fs.writeFile(journalFile(dir), journal);
    return dir;
  }
  const line = (seq: number, changes: unknown[]) => JSON.stringify({ seq, changes });

  it('ignores a torn last line', async () => {
    const dir = await setUp(`${line(1, [put('a')])}\n${line(2, [put('b')])}\n{"seq":3,"chan`);
    const store = await openStore({ dataDir: dir });
    expect(ids(store)).toEqual(['a', 'b']);
    expect(store.recovery).toBeNull();
    await store.apply([put('c')]);
    expect((await journalLines(dir)).map((l) => l.seq)).toEqual([1, 2, 3]);
    await store.close();
  });

  it.each([
    ['an unparseable line', 'not json'],
    ['a line that fails validation', line(2, [{ type: 'put', collection: 'nope', record: {} }])],
    ['a line out of order', line(1, [put('again')])],
  ])(
    'on %s in the middle, keeps the lines before it and moves the journal aside',
    async (_, bad) => {
      const content = `${line(1, [put('a')])}\n${bad}\n${line(3, [put('c')])}\n`;
      const dir = await setUp(content);
      const clock = manualClock();
      const store = await openStore({ dataDir: dir, clock: clock.now });
      expect(ids(store)).toEqual(['a']);
      const aside = await filesMatching(dir, /^xinzhi\.journal\.damaged-/);
      expect(aside).toEqual(['xinzhi.journal.damaged-2025-03-01T08-00-00.000Z']);
      expect(await fs.readFile(path.join(dir, aside[0]!), 'utf8')).toBe(content);
      expect(store.recovery).toMatchObject({
        damagedFile: path.join(dir, aside[0]!),
        damagedJournal: path.join(dir, aside[0]!),
        restoredFrom: storeFile(dir),
        reason: expect.stringContaining('xinzhi.journal line 2') as unknown,
      });
      // The good part is in a fresh snapshot; the new journal starts empty.
      expect(ids((await readJson(storeFile(dir))) as StoreData)).toEqual(['a']);
      expect(await fs.readFile(journalFile(dir), 'utf8')).toBe('');
      await store.apply([put('d')]);
      const again = await openStore({ dataDir: dir, clock: clock.now });
      expect(again.recovery).toBeNull();
      expect(ids(again)).toEqual(['a', 'd']);
      await again.close();
    },
  );

  it('after restoring a damaged store file from a backup, replays only lines newer than it', async () => {
    const dir = await tempDir();
    await fs.writeFile(storeFile(dir), '{"damaged');
    await fs.mkdir(path.join(dir, 'backups'));
    const backup = { ...emptyStore(), journalSeq: 2, highlights: [{ id: 'b1' }, { id: 'b2' }] };
    await fs.writeFile(
      path.join(dir, 'backups', 'xinzhi-2025-02-28T08-00-00.000Z-interval.json'),
      JSON.stringify(backup),
    );
    const lines = [[put('x')], [put('b2', { v: 2 })], [put('b1', { v: 3 })], [put('new')]];
    const text = lines.map((changes, i) => `${line(i + 1, changes)}\n`).join('');
    await fs.writeFile(journalFile(dir), text);
    const store = await openStore({ dataDir: dir, clock: manualClock().now });
    expect(store.recovery?.restoredFrom).toMatch(/interval\.json$/);
    expect(store.data.highlights).toEqual([{ id: 'b1', v: 3 }, { id: 'b2' }, { id: 'new' }]);
    expect(((await readJson(storeFile(dir))) as StoreData).journalSeq).toBe(4);
    await store.close();
  });
});

describe('both files damaged', () => {
  it('restores the backup, replays the good newer lines, and names both files', async () => {
    const dir = await tempDir();
    await fs.writeFile(storeFile(dir), 'garbage');
    const backup = { ...emptyStore(), journalSeq: 1, highlights: [{ id: 'b1' }] };
    await fs.mkdir(path.join(dir, 'backups'));
    await fs.writeFile(
      path.join(dir, 'backups', 'xinzhi-2025-02-28T08-00-00.000Z-quit.json'),
      JSON.stringify(backup),
    );
    const line = (seq: number, id: string) => JSON.stringify({ seq, changes: [put(id)] });
    const journal = `${line(1, 'old')}\n${line(2, 'y')}\n{oops\n${line(4, 'z')}\n`;
    await fs.writeFile(journalFile(dir), journal);
    const store = await openStore({ dataDir: dir, clock: manualClock().now });
    expect(ids(store)).toEqual(['b1', 'y']);
    const [storeAside, journalAside] = [
      await filesMatching(dir, /^xinzhi\.damaged-/),
      await filesMatching(dir, /^xinzhi\.journal\.damaged-/),
    ];
    expect(store.recovery).toMatchObject({
      damagedFile: path.join(dir, storeAside[0]!),
      damagedJournal: path.join(dir, journalAside[0]!),
      restoredFrom: expect.stringMatching(/quit\.json$/) as unknown,
    });
    expect(store.recovery?.reason).toMatch(/xinzhi\.json.*Also, xinzhi\.journal line 3/);
    expect(await fs.readFile(path.join(dir, journalAside[0]!), 'utf8')).toBe(journal);
    await store.close();
  });
});

describe('apply() validation', () => {
  const bad: [string, unknown][] = [
    ['an unknown document', [{ type: 'set', doc: 'secrets', value: {} }]],
    ['an unknown collection', [{ type: 'put', collection: 'notes', record: { id: 'n' } }]],
    ['a record without an id', [{ type: 'put', collection: 'cards', record: { text: 'x' } }]],
    ['a numeric id', [{ type: 'put', collection: 'cards', record: { id: 7 } }]],
    ['a delete without an id', [{ type: 'delete', collection: 'cards' }]],
    ['an unknown type', [{ type: 'patch', collection: 'cards', id: 'c' }]],
    ['a function', [put('f', { run: () => 1 })]],
    ['undefined inside', [put('u', { maybe: undefined })]],
    ['a bigint', [put('b', { n: 10n })]],
    ['NaN', [put('n', { score: NaN })]],
    ['a Date', [put('d', { at: new Date(0) })]],
    ['invalid settings', [{ type: 'set', doc: 'settings', value: { theme: 'neon' } }]],
    ['invalid progress', [{ type: 'set', doc: 'progress', value: { a: { percent: 'x' } } }]],
    ['not an array', { type: 'delete', collection: 'cards', id: 'c' }],
  ];
  const circular: Record<string, unknown> = { id: 'c' };
  circular.self = circular;
  bad.push(['a circular record', [{ type: 'put', collection: 'cards', record: circular }]]);

  it.each(bad)('rejects %s and changes nothing in memory or on disk', async (_, changes) => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    await store.apply([put('before')]);
    const files = async () =>
      Promise.all([fs.readFile(storeFile(dir)), fs.readFile(journalFile(dir))]);
    const [bytes, memory] = [await files(), structuredClone(store.data)];
    // A good change first in the same batch: all or nothing.
    const batch = Array.isArray(changes) ? [put('good'), ...(changes as Change[])] : changes;
    const error = await store.apply(batch as Change[]).catch((e: unknown) => e);
    expect(isStoreError(error, 'invalid')).toBe(true);
    await store.flush();
    expect(store.data).toEqual(memory);
    expect(await files()).toEqual(bytes);
    await store.apply([put('after')]); // seq is not used up by the failed call
    expect((await journalLines(dir)).map((l) => l.seq)).toEqual([1, 2]);
    await store.close();
  });
});

describe('backups with a journal', () => {
  it('include applied changes, and compact first', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    await store.apply([put('h1'), { type: 'set', doc: 'windowState', value: null }]);
    await store.apply([put('h2')]);
    const info = await store.backupNow('manual');
    const backup = (await readJson(info.path)) as StoreData;
    expect(ids(backup)).toEqual(['h1', 'h2']);
    expect(backup.journalSeq).toBe(2);
    expect(await fs.readFile(journalFile(dir), 'utf8')).toBe('');
    expect((await readJson(storeFile(dir))) as StoreData).toEqual(backup);
    await store.close();
  });
});

describe('interval backups with a journal', () => {
  it('are due after applies alone, and hold them', async () => {
    const dir = await tempDir();
    const clock = manualClock();
    const store = await openStore({ dataDir: dir, clock: clock.now, backupIntervalMs: DAY });
    await store.apply([put('h1')]);
    expect(await store.maybeBackup()).toBeNull(); // not due yet
    clock.advance(DAY);
    const info = await store.maybeBackup();
    expect(info?.createdAt).toBe(new Date(T0 + DAY).toISOString());
    expect(ids((await readJson(info!.path)) as StoreData)).toEqual(['h1']);
    expect(await store.maybeBackup()).toBeNull(); // nothing changed since
    await store.close();
  });
});
