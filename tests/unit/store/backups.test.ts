import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  createBackup,
  listBackups,
  newestValidBackup,
  pruneBackups,
} from '../../../src/main/store/backups';
import { isStoreError } from '../../../src/main/store/errors';
import { storeDataSchema, type StoreData } from '../../../src/main/store/schema';
import { openStore } from '../../../src/main/store/store';
import { DAY, T0, manualClock, putBackup, readJson, sampleData, tempDir } from './helpers';

const MIN = 60 * 1000;

describe('backup files', () => {
  it('writes a verified, sortable, re-parseable backup', async () => {
    const dir = await tempDir();
    const info = await createBackup(dir, sampleData('a'), 'manual', T0);
    expect(info.file).toBe('xinzhi-2025-03-01T08-00-00.000Z-manual.json');
    expect(info.path).toBe(path.join(dir, 'backups', info.file));
    expect(info.createdAt).toBe('2025-03-01T08:00:00.000Z');
    expect(info.reason).toBe('manual');
    expect(info.sizeBytes).toBe((await fs.stat(info.path)).size);
    expect(storeDataSchema.parse(await readJson(info.path))).toEqual(sampleData('a'));
    expect(await fs.readdir(path.join(dir, 'backups'))).toEqual([info.file]); // no .tmp left
  });

  it('lists newest first, including backups made in the same millisecond', async () => {
    const dir = await tempDir();
    await createBackup(dir, sampleData('1'), 'interval', T0);
    await createBackup(dir, sampleData('3'), 'quit', T0 + MIN);
    await createBackup(dir, sampleData('4'), 'manual', T0 + MIN);
    await createBackup(dir, sampleData('2'), 'manual', T0 + 1);
    await fs.writeFile(path.join(dir, 'backups', 'notes.txt'), 'not a backup');
    const list = await listBackups(dir);
    expect(list.map((b) => b.reason)).toEqual(['manual', 'quit', 'manual', 'interval']);
    const ids = await Promise.all(
      list.map(async (b) => ((await readJson(b.path)) as StoreData).highlights[0]?.id),
    );
    expect(ids).toEqual(['4', '3', '2', '1']);
  });

  it('lists nothing when there is no backups folder', async () => {
    expect(await listBackups(await tempDir())).toEqual([]);
    expect(await newestValidBackup(await tempDir())).toBeNull();
  });

  it('finds the newest backup that validates, skipping damaged ones', async () => {
    const dir = await tempDir();
    await putBackup(dir, T0 - 2 * DAY, JSON.stringify(sampleData('good')));
    await putBackup(dir, T0 - DAY, '');
    const found = await newestValidBackup(dir);
    expect(found?.data.highlights[0]?.id).toBe('good');
    expect(found?.createdAt).toBe(new Date(T0 - 2 * DAY).toISOString());
  });

  it('prunes backups older than the retention once a new one is verified', async () => {
    const dir = await tempDir();
    await createBackup(dir, sampleData('old'), 'interval', T0);
    await createBackup(dir, sampleData('recent'), 'interval', T0 + 3 * DAY);
    const stale = path.join(dir, 'backups', 'xinzhi-x.json.tmp'); // a crash mid-backup
    await fs.writeFile(stale, '{"half');
    await createBackup(dir, sampleData('new'), 'interval', T0 + 8 * DAY);
    await expect(fs.access(stale)).rejects.toThrow();
    const left = await listBackups(dir);
    expect(left.map((b) => b.createdAt)).toEqual([
      new Date(T0 + 8 * DAY).toISOString(),
      new Date(T0 + 3 * DAY).toISOString(),
    ]);
  });

  it('never prunes the newest valid backup, however old', async () => {
    const dir = await tempDir();
    await putBackup(dir, T0 - 30 * DAY, JSON.stringify(sampleData('older')));
    const keep = await putBackup(dir, T0 - 20 * DAY, JSON.stringify(sampleData('newest valid')));
    await putBackup(dir, T0 - 10 * DAY, 'damaged');
    const deleted = await pruneBackups(dir, T0, 7 * DAY);
    expect(deleted).toHaveLength(2);
    expect((await listBackups(dir)).map((b) => b.path)).toEqual([keep]);
  });

  it('does not prune when the new backup fails re-validation, and removes the bad one', async () => {
    const dir = await tempDir();
    const old = await putBackup(dir, T0 - 30 * DAY, JSON.stringify(sampleData('old')));
    const invalid = sampleData('bad');
    (invalid.highlights[0] as { id: unknown }).id = 42;
    const error = await createBackup(dir, invalid, 'manual', T0).catch((e: unknown) => e);
    expect(isStoreError(error, 'backup_unverified')).toBe(true);
    expect((await listBackups(dir)).map((b) => b.path)).toEqual([old]);
  });
});

describe('store backups', () => {
  it('takes an interval backup only after changes and only once the interval has passed', async () => {
    const dir = await tempDir();
    const clock = manualClock();
    const store = await openStore({ dataDir: dir, clock: clock.now, backupIntervalMs: 5 * MIN });

    clock.advance(10 * MIN);
    expect(await store.maybeBackup()).toBeNull(); // due, but nothing changed

    await store.update((d) => void (d.settings.fontSize = 20));
    expect((await store.maybeBackup())?.reason).toBe('interval'); // changed and due
    expect(await store.maybeBackup()).toBeNull(); // nothing changed since

    await store.update((d) => void (d.settings.fontSize = 21));
    clock.advance(4 * MIN);
    expect(await store.maybeBackup()).toBeNull(); // changed, not due yet
    clock.advance(1 * MIN);
    const second = await store.maybeBackup();
    expect(((await readJson(second!.path)) as StoreData).settings.fontSize).toBe(21);

    await store.update((d) => void (d.settings.fontSize = 22));
    clock.advance(5 * MIN);
    const [one, two] = await Promise.all([store.maybeBackup(), store.maybeBackup()]);
    expect([one?.reason, two]).toEqual(['interval', null]); // never two at once

    expect((await store.listBackups()).map((b) => b.reason)).toEqual([
      'interval',
      'interval',
      'interval',
    ]);
    await store.close();
    expect(await store.listBackups()).toHaveLength(3); // no changes since: no quit backup
  });

  it('runs the interval timer on its own', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir, backupIntervalMs: 20 });
    await store.update((d) => void (d.settings.fontSize = 20));
    for (let i = 0; i < 250 && (await store.listBackups()).length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await store.listBackups())[0]?.reason).toBe('interval');
    await store.close();
  });

  it('never keeps the process alive with its backup timer', async () => {
    const dir = await tempDir();
    const storeModule = fileURLToPath(new URL('../../../src/main/store/store.ts', import.meta.url));
    const script = [
      `const { openStore } = await import(${JSON.stringify(storeModule)});`,
      `const store = await openStore({ dataDir: ${JSON.stringify(dir)} });`,
      `await store.update((d) => { d.settings.fontSize = 20; });`,
      // No close(): the process must still exit on its own.
    ].join('\n');
    const run = promisify(execFile);
    await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      timeout: 20_000,
    });
    expect(((await readJson(path.join(dir, 'xinzhi.json'))) as StoreData).settings.fontSize).toBe(
      20,
    );
  });

  it('takes a quit backup on close when something changed', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    await store.update((d) => void d.highlights.push({ id: 'h' }));
    await store.close();
    const [quit] = await listBackups(dir);
    expect(quit?.reason).toBe('quit');
    expect(((await readJson(quit!.path)) as StoreData).highlights).toEqual([{ id: 'h' }]);
  });

  it('takes no quit backup when nothing changed', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir });
    await store.close();
    expect(await listBackups(dir)).toEqual([]);
  });

  it('backupNow captures unflushed changes and prunes with the configured retention', async () => {
    const dir = await tempDir();
    const clock = manualClock();
    const store = await openStore({ dataDir: dir, clock: clock.now, backupRetentionMs: DAY });
    await store.backupNow('manual');
    clock.advance(2 * DAY);
    void store.update((d) => void (d.settings.theme = 'dark'));
    const info = await store.backupNow('manual');
    expect(((await readJson(info.path)) as StoreData).settings.theme).toBe('dark');
    expect((await store.listBackups()).map((b) => b.path)).toEqual([info.path]);
    await store.close();
  });
});
