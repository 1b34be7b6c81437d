import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { isStoreError } from '../../../src/main/store/errors';
import {
  migrate,
  migrations,
  runMigrations,
  type Migration,
} from '../../../src/main/store/migrations';
import { CURRENT_SCHEMA_VERSION, emptyStore } from '../../../src/main/store/schema';
import { openStore } from '../../../src/main/store/store';
import { filesMatching, manualClock, readJson, tempDir } from './helpers';

/** The pre-release file: no schemaVersion, settings at the top level. */
const V0 = {
  theme: 'dark',
  fontSize: 20,
  lineHeight: 1.5,
  columnWidth: 999, // out of range: falls back to the default
  readingProgress: {
    'article-1': { blockId: 'p-3', percent: 40, updatedAt: '2024-12-01T00:00:00Z' },
  },
  window: { width: 1200, height: 800, maximized: false },
  highlights: [{ id: 'h1', text: 'quote', futureField: { nested: [1, 2] } }],
  cards: [],
  somethingNew: 'kept',
};

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('migrate', () => {
  it('has a chain of steps from 0 to the current version', () => {
    let version = 0;
    while (version < CURRENT_SCHEMA_VERSION) {
      const step = migrations.find((m) => m.from === version);
      expect(step, `step from ${version}`).toBeDefined();
      version = step!.to;
    }
    expect(version).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('migrates 0 → 1, keeping fields it does not know', () => {
    const { data, migrated, fromVersion } = migrate(structuredClone(V0));
    expect(migrated).toBe(true);
    expect(fromVersion).toBe(0);
    expect(data.schemaVersion).toBe(1);
    expect(data.settings).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      fontSize: 20,
      lineHeight: 1.5,
    });
    expect(data.progress['article-1']).toEqual({
      blockId: 'p-3',
      percent: 40,
      maxPercent: 40,
      updatedAt: '2024-12-01T00:00:00Z',
    });
    expect(data.windowState).toEqual({ width: 1200, height: 800, maximized: false });
    expect(data.highlights).toEqual(V0.highlights);
    expect(data.trash).toEqual([]);
    expect((data as unknown as Record<string, unknown>).somethingNew).toBe('kept');
    expect(data).not.toHaveProperty('fontSize');
    expect(data).not.toHaveProperty('readingProgress');
  });

  it('migrates an empty object (version 0) to an empty store', () => {
    expect(migrate({}).data).toEqual(emptyStore());
  });

  it('leaves current data alone and keeps unknown fields', () => {
    const raw = { ...emptyStore(), extra: { a: 1 }, settings: { ...DEFAULT_SETTINGS, more: true } };
    const result = migrate(structuredClone(raw));
    expect(result.migrated).toBe(false);
    expect(result.fromVersion).toBe(1);
    expect(result.data).toEqual(raw);
  });

  it('refuses a newer version instead of downgrading', () => {
    const error = errorOf(() => migrate({ ...emptyStore(), schemaVersion: 2 }));
    expect(isStoreError(error, 'unknown_version')).toBe(true);
  });

  it.each([
    ['null', null, 'not_an_object'],
    ['an array', [], 'not_an_object'],
    ['a string version', { ...emptyStore(), schemaVersion: '1' }, 'invalid'],
    ['wrong field types', { ...emptyStore(), highlights: [{ id: 7 }] }, 'invalid'],
    ['a missing collection', { ...emptyStore(), cards: undefined }, 'invalid'],
  ])('refuses %s', (_, raw, code) => {
    expect(
      isStoreError(
        errorOf(() => migrate(raw)),
        code as 'invalid',
      ),
    ).toBe(true);
  });

  it('runs a custom list of steps in order, whatever order they are listed in', () => {
    const calls: string[] = [];
    const steps: Migration[] = [
      {
        from: 1,
        to: 2,
        migrate: (d) => {
          calls.push('1→2');
          return { ...d, b: `${String(d.a)}+b` };
        },
      },
      {
        from: 0,
        to: 1,
        migrate: (d) => {
          calls.push('0→1');
          return { ...d, a: 'a' };
        },
      },
    ];
    const schema = z.looseObject({ schemaVersion: z.literal(2), a: z.string(), b: z.string() });
    const result = runMigrations(
      { keep: 'me' },
      { migrations: steps, currentVersion: 2, parse: (d) => schema.parse(d) },
    );
    expect(calls).toEqual(['0→1', '1→2']);
    expect(result).toEqual({
      data: { schemaVersion: 2, keep: 'me', a: 'a', b: 'a+b' },
      migrated: true,
      fromVersion: 0,
    });
  });

  it('reports a gap in the chain', () => {
    const plan = { migrations: [], currentVersion: 1, parse: (d: unknown) => d };
    expect(
      isStoreError(
        errorOf(() => runMigrations({}, plan)),
        'missing_migration',
      ),
    ).toBe(true);
  });
});

describe('opening an old file', () => {
  it('backs up the original bytes, migrates, writes, and keeps unknown fields', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'xinzhi.json');
    const original = JSON.stringify(V0, null, 2);
    await fs.writeFile(file, original);

    const store = await openStore({ dataDir: dir, clock: manualClock().now });
    expect(store.recovery).toBeNull();
    expect(store.data.settings.theme).toBe('dark');
    const onDisk = (await readJson(file)) as Record<string, unknown>;
    expect(onDisk.schemaVersion).toBe(1);
    expect(onDisk.somethingNew).toBe('kept');
    expect(onDisk.highlights).toEqual(V0.highlights);

    const backups = await store.listBackups();
    expect(backups).toHaveLength(1);
    expect(backups[0]!.reason).toBe('pre-migration');
    expect(await fs.readFile(backups[0]!.path, 'utf8')).toBe(original);

    // The migrated data is in no backup yet: quitting takes one even with no update.
    await store.close();
    expect((await store.listBackups()).map((b) => b.reason)).toEqual(['quit', 'pre-migration']);

    // Reopening finds version 1: no second migration, no second pre-migration backup.
    const again = await openStore({ dataDir: dir, clock: manualClock().now });
    expect(again.data).toEqual(store.data);
    await again.close();
    expect(await filesMatching(path.join(dir, 'backups'), /pre-migration/)).toHaveLength(1);
  });
});
