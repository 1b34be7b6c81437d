import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyStore, type StoreData } from '../../../src/main/store/schema';
import { openStore } from '../../../src/main/store/store';
import {
  DAY,
  T0,
  filesMatching,
  manualClock,
  putBackup,
  readJson,
  sampleData,
  tempDir,
} from './helpers';

const good = JSON.stringify(sampleData('current'));

const DAMAGED: [string, string | Buffer][] = [
  ['an empty file', ''],
  ['truncated JSON', good.slice(0, good.length / 2)],
  ['null', 'null'],
  ['garbage bytes', Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x13, 0x37, 0x80, 0x00])],
  ['a JSON array', '[{"schemaVersion":1}]'],
  [
    'wrong field types',
    JSON.stringify({ ...emptyStore(), progress: { a1: { blockId: 3, percent: '40%' } } }),
  ],
  ['a future schemaVersion', JSON.stringify({ ...sampleData('future'), schemaVersion: 99 })],
];

async function setUp(content: string | Buffer): Promise<{ dir: string; file: string }> {
  const dir = await tempDir();
  const file = path.join(dir, 'xinzhi.json');
  await fs.writeFile(file, content);
  return { dir, file };
}

describe.each(DAMAGED)('a store file holding %s', (_, content) => {
  it('is kept aside byte for byte and the newest valid backup is restored', async () => {
    const { dir, file } = await setUp(content);
    await putBackup(dir, T0 - 2 * DAY, JSON.stringify(sampleData('older')));
    const newest = await putBackup(dir, T0 - DAY, JSON.stringify(sampleData('newest')));
    const store = await openStore({ dataDir: dir, clock: manualClock().now });

    const aside = await filesMatching(dir, /^xinzhi\.damaged-.*\.json$/);
    expect(aside).toEqual(['xinzhi.damaged-2025-03-01T08-00-00.000Z.json']);
    expect(await fs.readFile(path.join(dir, aside[0]!))).toEqual(Buffer.from(content));

    expect(store.data.highlights[0]?.id).toBe('newest');
    expect(await readJson(file)).toEqual(store.data); // written back as the main file
    expect(store.recovery).toEqual({
      damagedFile: path.join(dir, aside[0]!),
      restoredFrom: newest,
      reason: expect.stringContaining('xinzhi.json') as unknown,
      at: new Date(T0).toISOString(),
    });
    await store.close();
  });

  it('with no backup, starts empty and says so', async () => {
    const { dir, file } = await setUp(content);
    const store = await openStore({ dataDir: dir });
    expect(store.data).toEqual(emptyStore());
    expect(store.recovery?.restoredFrom).toBeNull();
    expect(store.recovery?.damagedFile).toMatch(/xinzhi\.damaged-.*\.json$/);
    expect(await fs.readFile(store.recovery!.damagedFile!)).toEqual(Buffer.from(content));
    expect(await readJson(file)).toEqual(emptyStore());
    await store.close();
  });
});

describe('recovery', () => {
  it('skips a damaged newest backup and uses the next one', async () => {
    const { dir } = await setUp('{"oops"');
    await putBackup(dir, T0 - 3 * DAY, JSON.stringify(sampleData('oldest')));
    const usable = await putBackup(dir, T0 - 2 * DAY, JSON.stringify(sampleData('usable')));
    await putBackup(dir, T0 - DAY, '{"schemaVersion":1,"settings":'); // truncated
    await putBackup(dir, T0 - DAY / 2, JSON.stringify({ ...emptyStore(), trash: 'no' })); // invalid
    const store = await openStore({ dataDir: dir, clock: manualClock().now });
    expect(store.data.highlights[0]?.id).toBe('usable');
    expect(store.recovery?.restoredFrom).toBe(usable);
    await store.close();
  });

  it('restores an older-version (pre-migration) backup by migrating it', async () => {
    const { dir } = await setUp('garbage');
    await putBackup(dir, T0 - DAY, JSON.stringify({ fontSize: 24, extra: 1 }), 'pre-migration');
    const store = await openStore({ dataDir: dir, clock: manualClock().now });
    expect(store.data.settings.fontSize).toBe(24);
    expect((store.data as unknown as Record<string, unknown>).extra).toBe(1);
    await store.close();
  });

  it('refuses a future version without overwriting it in place', async () => {
    const future = JSON.stringify({ ...sampleData('future'), schemaVersion: 2, newThing: [1] });
    const { dir, file } = await setUp(future);
    const store = await openStore({ dataDir: dir });
    expect(store.recovery?.reason).toMatch(/newer version/);
    expect(await fs.readFile(store.recovery!.damagedFile!, 'utf8')).toBe(future);
    expect(((await readJson(file)) as StoreData).schemaVersion).toBe(1);
    await store.close();
  });

  it('never overwrites an earlier damaged file', async () => {
    const { dir, file } = await setUp('first');
    const clock = manualClock();
    const first = await openStore({ dataDir: dir, clock: clock.now });
    await first.close();
    await fs.writeFile(file, 'second');
    const second = await openStore({ dataDir: dir, clock: clock.now }); // same millisecond
    await second.close();
    const aside = await filesMatching(dir, /damaged/);
    expect(aside).toHaveLength(2);
    const contents = await Promise.all(aside.map((f) => fs.readFile(path.join(dir, f), 'utf8')));
    expect(contents.sort()).toEqual(['first', 'second']);
  });

  it('removes a stale .tmp beside a good file and keeps the good file', async () => {
    const { dir, file } = await setUp(good);
    await fs.writeFile(`${file}.tmp`, good.slice(0, 10)); // a crash mid-write
    const store = await openStore({ dataDir: dir });
    expect(store.recovery).toBeNull();
    expect(store.data.highlights[0]?.id).toBe('current');
    expect(await filesMatching(dir, /\.tmp$|damaged/)).toEqual([]);
    await store.close();
  });

  it('starts empty without a notice on a first start (no file, no backups)', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    expect(store.recovery).toBeNull();
    expect(store.data).toEqual(emptyStore());
    await store.close();
  });

  it('restores the newest valid backup, and says so, when the file is missing', async () => {
    const dir = await tempDir();
    await putBackup(dir, T0 - 2 * DAY, JSON.stringify(sampleData('older')));
    await putBackup(dir, T0 - DAY, JSON.stringify(sampleData('old')));
    const store = await openStore({ dataDir: dir });
    expect(store.data.highlights[0]?.id).toBe('old');
    expect(store.recovery).toMatchObject({
      damagedFile: null,
      reason: expect.stringMatching(/missing/),
    });
    expect(store.recovery?.restoredFrom).toMatch(/backups[\\/]xinzhi-/);
    await store.close();
    // The restored data is the store file now.
    const reopened = await openStore({ dataDir: dir });
    expect(reopened.recovery).toBeNull();
    expect(reopened.data.highlights[0]?.id).toBe('old');
    await reopened.close();
  });
});
