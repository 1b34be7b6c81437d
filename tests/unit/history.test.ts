import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempAppDirs } from './temp-app';
import { dispatch } from '../../src/main/ipc';
import { createServices, type Services } from '../../src/main/services';
import { TRASH_DAYS } from '../../src/shared/highlights';
import { describe as describeSpan } from '../../src/shared/anchoring';
import type { PlacedHighlight } from '../../src/shared/highlights';

/** Undo/redo, the Trash, and re-anchoring after the corpus changes, on the real services. */

const DAY = 24 * 60 * 60 * 1000;
const dirs = tempAppDirs('history');
let services: Services;
let time: number;
const open = () => createServices({ ...dirs, clock: () => time }).then((s) => (services = s));

async function textOf(id = 'taihe'): Promise<string> {
  const article = await services['corpus:get']({ id });
  return article.blocks.map((b) => b.text).join('\n\n');
}

async function highlight(exact: string, color = 'yellow'): Promise<PlacedHighlight> {
  const text = await textOf();
  const start = text.indexOf(exact);
  const result = await dispatch(services, 'highlights:create', {
    articleId: 'taihe',
    ...describeSpan(text, start, start + exact.length),
    color,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as PlacedHighlight;
}

const list = () => services['highlights:list']({});
const trash = async () => (await services['trash:list'](undefined)).map((t) => t.id);
const state = async () => services['history:state'](undefined);

beforeEach(async () => {
  time = Date.parse('2026-11-23T10:00:00Z');
  await open();
});
afterEach(async () => {
  await services.dispose();
});

describe('undo and redo', () => {
  it('undoes and redoes create, edit and delete, restoring exact records', async () => {
    const h = await highlight('total factor productivity');
    const edited = await services['highlights:update']({ id: h.id, color: 'blue', note: 'why' });
    await services['highlights:delete']({ id: h.id });
    expect(await list()).toEqual([]);
    expect(await state()).toMatchObject({
      undo: { label: 'Delete highlight', articleId: 'taihe', id: h.id },
      redo: null,
    });

    expect(await services['history:undo'](undefined)).toMatchObject({ label: 'Delete highlight' });
    expect(await list()).toEqual([edited]);
    expect(await trash()).toEqual([]);
    expect(await services['history:undo'](undefined)).toMatchObject({ label: 'Edit note' });
    expect(await list()).toEqual([h]);
    expect(await services['history:undo'](undefined)).toMatchObject({ label: 'Highlight' });
    expect(await list()).toEqual([]);
    expect(await services['history:undo'](undefined)).toBeNull();

    await services['history:redo'](undefined);
    await services['history:redo'](undefined);
    expect(await list()).toEqual([edited]);
    await services['history:redo'](undefined);
    expect(await list()).toEqual([]);
    expect(await trash()).toHaveLength(1);
    expect(await services['history:redo'](undefined)).toBeNull();
  });

  it('keeps at least 50 steps, and undone work is durable across a restart', async () => {
    const h = await highlight('total factor productivity');
    const colors = ['green', 'blue', 'pink', 'purple', 'yellow'] as const;
    for (let i = 0; i < 60; i++) {
      await services['highlights:update']({ id: h.id, color: colors[i % 5], note: `v${i}` });
    }
    for (let i = 0; i < 55; i++) await services['history:undo'](undefined);
    expect((await list())[0]).toMatchObject({ note: 'v4' });
    await services.dispose();
    await open();
    expect((await list())[0]).toMatchObject({ note: 'v4' });
    // History is per session: a new session starts with nothing to undo.
    expect(await state()).toEqual({ undo: null, redo: null });
  });

  it('a new step clears redo', async () => {
    const h = await highlight('total factor productivity');
    await services['highlights:update']({ id: h.id, color: 'blue' });
    await services['history:undo'](undefined);
    await services['highlights:update']({ id: h.id, color: 'pink' });
    expect((await state()).redo).toBeNull();
    expect(await services['history:redo'](undefined)).toBeNull();
    expect((await list())[0].color).toBe('pink');
  });
});

describe('trash', () => {
  it('restores a deleted highlight, newest deletions first', async () => {
    const a = await highlight('total factor productivity');
    const b = await highlight('new quality productive forces');
    await services['highlights:delete']({ id: a.id });
    time += 1000;
    await services['highlights:delete']({ id: b.id });
    expect(await trash()).toEqual([b.id, a.id]);
    expect(await services['trash:restore']({ id: a.id })).toMatchObject({
      id: a.id,
      status: 'anchored',
    });
    expect((await list()).map((h) => h.id)).toEqual([a.id]);
    expect(await trash()).toEqual([b.id]);
    // Restoring is itself undoable.
    await services['history:undo'](undefined);
    expect(await list()).toEqual([]);
  });

  it('deletes for good, and that cannot be undone', async () => {
    const a = await highlight('total factor productivity');
    await services['highlights:delete']({ id: a.id });
    await services['trash:purge']({ id: a.id });
    expect(await trash()).toEqual([]);
    expect(await services['history:undo'](undefined)).toBeNull();
    expect(await list()).toEqual([]);
    expect(await dispatch(services, 'trash:restore', { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it(`keeps deleted highlights ${TRASH_DAYS} days, then empties them at start`, async () => {
    const a = await highlight('total factor productivity');
    const b = await highlight('new quality productive forces');
    await services['highlights:delete']({ id: a.id });
    time += 2 * DAY;
    await services['highlights:delete']({ id: b.id });
    await services.dispose();
    time += (TRASH_DAYS - 1) * DAY;
    await open();
    expect(await trash()).toEqual([b.id]);
    await services['trash:empty'](undefined);
    expect(await trash()).toEqual([]);
  });
});

describe('re-anchoring when the corpus changes', () => {
  const ARTICLE = () => join(dirs.resourcesDir, 'corpus', 'taihe.md');

  /** Rewrites the article's body as a later app version might, then restarts. */
  async function editArticle(edit: (body: string) => string) {
    await services.dispose();
    const source = await readFile(ARTICLE(), 'utf8');
    const end = source.indexOf('\n---', 3) + 4;
    await writeFile(ARTICLE(), source.slice(0, end) + edit(source.slice(end)));
    await open();
  }

  it('keeps a highlight when a paragraph is added before it (moved), and confirms it', async () => {
    const h = await highlight('total factor productivity through the optimal combination');
    await editArticle((body) => `\n\nA new opening paragraph added by the editors.\n${body}`);
    const [moved] = await list();
    const text = await textOf();
    expect(moved.status).toBe('moved');
    expect(text.slice(moved.start, moved.end)).toBe(h.quote.exact);
    const confirmed = await services['highlights:confirm']({ id: h.id });
    expect(confirmed).toMatchObject({ status: 'anchored', start: moved.start });
    await services.dispose();
    await open();
    expect((await list())[0]).toMatchObject({ status: 'anchored', start: moved.start });
  });

  it('orphans a highlight whose text is gone, keeps it listed, and re-attaches it', async () => {
    const quote = 'total factor productivity through the optimal combination';
    const h = await highlight(quote);
    const paragraph = (await textOf()).split('\n\n').find((p) => p.includes(quote)) ?? '';
    await editArticle((body) => body.replace(paragraph, 'This paragraph was rewritten entirely.'));
    const [orphan] = await list();
    expect(orphan).toMatchObject({ id: h.id, status: 'orphaned', quote: h.quote });
    expect(orphan.start).toBeUndefined();
    expect(await dispatch(services, 'highlights:confirm', { id: h.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    const text = await textOf();
    const start = text.indexOf('rewritten entirely');
    const result = await dispatch(services, 'highlights:reattach', {
      id: h.id,
      ...describeSpan(text, start, start + 'rewritten entirely'.length),
    });
    expect(result).toMatchObject({ ok: true, value: { status: 'anchored', start } });
  });

  it('refuses a re-attachment that does not match the article, changing nothing', async () => {
    const h = await highlight('total factor productivity');
    const text = await textOf();
    const selectors = describeSpan(text, 10, 30);
    const result = await dispatch(services, 'highlights:reattach', {
      id: h.id,
      ...selectors,
      quote: { ...selectors.quote, exact: 'x'.repeat(20) },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await list()).toEqual([h]);
  });
});

describe('review fixes', () => {
  it('keeps highlights of an article a later version no longer ships, orphaned', async () => {
    const h = await highlight('total factor productivity');
    await services.dispose();
    await rm(join(dirs.resourcesDir, 'corpus', 'taihe.md'));
    await open();
    expect(await list()).toMatchObject([{ id: h.id, status: 'orphaned', quote: h.quote }]);
  });

  it('records what each of two quick edits did, so undo and redo step through both', async () => {
    const h = await highlight('total factor productivity');
    await Promise.all([
      services['highlights:update']({ id: h.id, color: 'blue' }),
      services['highlights:update']({ id: h.id, color: 'green' }),
    ]);
    await services['history:undo'](undefined);
    expect((await list())[0].color).toBe('blue');
    await services['history:undo'](undefined);
    expect((await list())[0].color).toBe('yellow');
    await services['history:redo'](undefined);
    expect((await list())[0].color).toBe('blue');
  });

  it('an unchanged save records nothing; an empty patch is refused', async () => {
    const h = await highlight('total factor productivity');
    await services['highlights:update']({ id: h.id, note: '' });
    expect((await state()).undo?.label).toBe('Highlight');
    expect((await list())[0].updatedAt).toBe(h.updatedAt);
    expect(await dispatch(services, 'highlights:update', { id: h.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('trash:purge needs an id; emptying the Trash is its own channel', async () => {
    expect(await dispatch(services, 'trash:purge', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
