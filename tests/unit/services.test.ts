import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/api';
import { createServices, type Services } from '../../src/main/services';

const RESOURCES = join(import.meta.dirname, '../../resources');
let dataDir: string;
let services: Services;
const open = () =>
  createServices({
    dataDir,
    resourcesDir: RESOURCES,
    clock: () => Date.parse('2026-11-23T10:00:00Z'),
  });

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'xinzhi-services-'));
  services = await open();
});
afterEach(async () => {
  await services.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

describe('createServices', () => {
  it('lists the corpus in chronological order with reading times', async () => {
    const list = await services['corpus:list'](undefined);
    expect(list).toHaveLength(5);
    expect(list.map((a) => a.date)).toEqual([...list.map((a) => a.date)].sort());
    for (const a of list) {
      expect(a.words).toBeGreaterThan(500);
      expect(a.readingMinutes).toBeGreaterThan(0);
      expect(a).not.toHaveProperty('blocks');
    }
  });

  it('returns an article with blocks, contents and a content hash', async () => {
    const article = await services['corpus:get']({ id: 'qiushi' });
    expect(article.blocks.length).toBeGreaterThan(40);
    expect(article.toc.some((t) => t.level === 3)).toBe(true);
    expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an unknown article', async () => {
    await expect(async () => services['corpus:get']({ id: 'nope' })).rejects.toThrow(AppError);
  });

  it('keeps settings and reading positions across a restart', async () => {
    await services['settings:update']({ theme: 'sepia', fontSize: 21 });
    await services['progress:save']({ articleId: 'taihe', blockId: 'b12', percent: 40 });
    await services['progress:save']({ articleId: 'taihe', blockId: 'b3', percent: 10 });
    await services.dispose();
    services = await open();
    expect(await services['settings:get'](undefined)).toMatchObject({
      theme: 'sepia',
      fontSize: 21,
    });
    expect((await services['progress:list'](undefined)).taihe).toEqual({
      blockId: 'b3',
      percent: 10,
      maxPercent: 40,
      updatedAt: '2026-11-23T10:00:00.000Z',
    });
  });

  it('acknowledges a change only once it is on disk', async () => {
    await services['settings:update']({ lineHeight: 1.9 });
    // The journal line is fsync'd before the call resolves: it is in the file already...
    const journal = await readFile(join(dataDir, 'xinzhi.journal'), 'utf8');
    expect(journal).toContain('"lineHeight":1.9');
    // ...so a crash right now (no dispose, no flush) loses nothing.
    const afterCrash = await open();
    expect((await afterCrash['settings:get'](undefined)).lineHeight).toBe(1.9);
    await afterCrash.dispose();
  });

  it('refuses a reading position in a block the article does not have', async () => {
    await expect(
      services['progress:save']({ articleId: 'taihe', blockId: 'b9999', percent: 1 }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(services['settings:update']({ lastArticleId: 'nope' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
