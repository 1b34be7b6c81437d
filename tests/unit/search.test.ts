import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempAppDirs } from './temp-app';
import golden from './search-golden.json';
import { dispatch } from '../../src/main/ipc';
import { createServices, type Services } from '../../src/main/services';
import { INDEX_FILE } from '../../src/main/services/search';
import { plainMarkdown } from '../../src/main/services/search/documents';
import { withinOneEdit } from '../../src/main/services/search/fuzzy';
import { snippet } from '../../src/main/services/search/snippet';
import {
  LATIN_TOKEN,
  TOKEN,
  parseQuery,
  stem,
  tokenize,
} from '../../src/main/services/search/text';
import { describe as describeSpan } from '../../src/shared/anchoring';
import type { Color } from '../../src/shared/highlights';
import type { SearchQuery } from '../../src/shared/search';

/** Search on the real services over a real lowdb file in a temp dir. */

const dirs = tempAppDirs('search');
let services: Services;
const open = () => createServices({ ...dirs, fuzz: false }).then((s) => (services = s));
const restart = async () => {
  await services.dispose();
  await open();
};
const search = (query: string, more: Omit<SearchQuery, 'query'> = {}) =>
  services['search:query']({ query, ...more });
const keys = async (query: string, more: Omit<SearchQuery, 'query'> = {}) =>
  (await search(query, more)).hits.map((h) => h.key);

async function highlight(articleId: string, exact: string, note = '', color: Color = 'yellow') {
  const article = await services['corpus:get']({ id: articleId });
  const text = article.blocks.map((b) => b.text).join('\n\n');
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`not in ${articleId}: ${exact}`);
  return services['highlights:create']({
    articleId,
    ...describeSpan(text, start, start + exact.length),
    color,
    note,
    tags: ['exam'],
  });
}

beforeEach(open);
afterEach(() => services.dispose());

describe('matching rules', () => {
  it('folds case, diacritics and plurals, drops stop words, pairs Chinese characters', () => {
    expect(tokenize('The Forces of Shēngchǎnlì').map((t) => t.term)).toEqual([
      'force',
      'shengchanli',
    ]);
    expect(['industries', 'processes', 'status', 'analysis', 'taxes'].map(stem)).toEqual([
      'industry',
      'process',
      'status',
      'analysis',
      'tax',
    ]);
    expect(tokenize('新质生产').map((t) => t.term)).toEqual([
      '新',
      '新质',
      '质',
      '质生',
      '生',
      '生产',
      '产',
    ]);
    expect(parseQuery('生产力').map((w) => w.term)).toEqual(['生产', '产力']);
    const words = parseQuery('the digital eco');
    expect(words.map((w) => [w.term, w.prefix, w.fuzzy])).toEqual([
      ['digital', false, true],
      ['eco', true, false],
    ]);
    expect(parseQuery('digital ').at(-1)!.prefix).toBe(false);
  });

  it('finds the same words in Latin text with the fast pattern as with the Unicode one', () => {
    const chars = fc.constantFrom(
      ...'ab Zz09.,-’“”—é ü ǎ ò ā ß ñ Ø × ÷ © « » ¿ \u0301 \u00a0\u2009 \n'.split(''),
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), (list) => {
        const text = list.join('');
        const words = (pattern: RegExp) => [...text.matchAll(pattern)].map((m) => [m.index, m[0]]);
        expect(words(LATIN_TOKEN)).toEqual(words(TOKEN));
      }),
      { numRuns: 2000 },
    );
    // And tokenize, which picks the fast pattern for such text, agrees with the query parser.
    expect(tokenize('Shēngchǎnlì’s 41.5% “growth”—fast').map((t) => t.term)).toEqual([
      'shengchanli',
      '41.5',
      'growth',
      'fast',
    ]);
  });

  it('forgives exactly one typo: added, dropped, changed or swapped letters', () => {
    for (const typo of ['inovation', 'innovatoin', 'innovatiion', 'innovasion']) {
      expect(withinOneEdit(typo, 'innovation', false), typo).toBe(true);
    }
    expect(withinOneEdit('inovatoin', 'innovation', false)).toBe(false);
    expect(withinOneEdit('prodcut', 'production', true)).toBe(true);
    expect(withinOneEdit('prodcut', 'production', false)).toBe(false);
  });

  it('shows Markdown as it reads, without its marks', () => {
    expect(plainMarkdown('# A **bold** claim, see [CSST](https://x.cn) and snake_case')).toBe(
      'A bold claim, see CSST and snake_case',
    );
  });

  it('marks matched words in a snippet cut at word boundaries', () => {
    const text = `${'lorem ipsum '.repeat(20)}new quality productive forces ${'dolor '.repeat(40)}`;
    const parts = snippet(text, new Set(['productive', 'force']), 80);
    expect(parts[0]!.text).toMatch(/^…lorem/);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['productive', 'forces']);
    expect(parts.at(-1)!.text.endsWith('…')).toBe(true);
    expect(parts.map((p) => p.text).join('').length).toBeLessThan(100);
    expect(snippet('新质生产力', new Set(['生产', '产力']))).toEqual([
      { text: '新质' },
      { text: '生产力', mark: true },
    ]);
  });
});

describe('the golden set', () => {
  it(`finds the expected results in the top 10 for ${golden.length} queries (recall@10 ≥ 0.95)`, async () => {
    expect(golden.length).toBeGreaterThanOrEqual(40);
    const misses: string[] = [];
    let recall = 0;
    for (const { query, expect: expected } of golden) {
      const top = await keys(query, { limit: 10 });
      const found = expected.filter((k) => top.includes(k));
      recall += found.length / expected.length;
      if (found.length < expected.length) misses.push(`${query}: ${top.join(' ')}`);
    }
    recall /= golden.length;
    expect(recall, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    const types = new Set(golden.map((g) => g.type));
    for (const type of ['typo', 'prefix', 'chinese', 'pinyin', 'term', 'exact']) {
      expect(types).toContain(type);
    }
  });

  it('returns each kind with marked snippets and where it leads', async () => {
    const { hits } = await search('new quality productive forces');
    const term = hits.find((h) => h.key === 'g:new-quality-productive-forces')!;
    expect(term.context).toContain('新质生产力');
    expect(term.target).toEqual({ kind: 'term', termId: 'new-quality-productive-forces' });
    const passage = hits.find((h) => h.kind === 'passage')!;
    expect(passage.title.some((p) => p.mark && /productive/i.test(p.text))).toBe(true);
    expect(passage.target.kind).toBe('passage');
    const article = await services['corpus:get']({
      id: (passage.target as { articleId: string }).articleId,
    });
    const t = passage.target as { start: number; end: number };
    const text = article.blocks.map((b) => b.text).join('\n\n');
    const shown = passage.title.map((p) => p.text).join('');
    expect(text.slice(t.start, t.end)).toContain(shown.replace(/^…|…$/g, ''));
    expect(hits.some((h) => h.kind === 'card')).toBe(true);
  });

  it('finds a term by toneless pinyin and by Chinese', async () => {
    expect((await keys('xinzhi shengchanli'))[0]).toMatch(/new-quality-productive-forces$/);
    expect(await keys('新质生产力')).toContain('g:new-quality-productive-forces');
  });
});

describe('notes and cards', () => {
  it('finds a new note at once, follows edits and deletes, survives a restart', async () => {
    expect(await keys('zephyrology')).toEqual([]);
    const h = await highlight('gmw', 'Two Sessions', 'Compare with zephyrology lectures', 'green');
    const { hits } = await search('zephyrolgy'); // with a typo
    expect(hits.map((x) => x.key)).toEqual([`h:${h.id}`]);
    expect(hits[0]).toMatchObject({
      kind: 'note',
      color: 'green',
      tags: ['exam'],
      target: { kind: 'note', articleId: 'gmw', highlightId: h.id },
    });
    expect(hits[0]!.snippet.find((p) => p.mark)!.text).toBe('zephyrology');

    await services['highlights:update']({ id: h.id, note: 'about meteorology now' });
    expect(await keys('zephyrology')).toEqual([]);
    expect(await keys('meteorology')).toEqual([`h:${h.id}`]);
    await restart();
    expect(await keys('meteorology')).toEqual([`h:${h.id}`]);
    await services['highlights:delete']({ id: h.id });
    expect(await keys('meteorology')).toEqual([]);
    await services['history:undo'](undefined);
    expect(await keys('meteorology')).toEqual([`h:${h.id}`]);
  });

  it('finds cards the user makes and built-in cards by their text', async () => {
    const [made] = await services['cards:create']({
      content: { kind: 'basic', front: 'What is a quasar lattice?', back: 'A made-up phrase' },
    });
    expect(await keys('quasar lattice')).toEqual([`c:${made!.id}`]);
    const [cloze] = await services['cards:create']({
      content: { kind: 'cloze', cloze: 'The {{c1::heliograph}} signal', extra: '' },
    });
    expect(await keys('heliograph')).toEqual([`c:${cloze!.id}`]);
    await services['cards:delete']({ ids: [made!.id] });
    expect(await keys('quasar')).toEqual([]);
    // Switching a deck direction off takes its cards out of search.
    expect(await keys('先进生产力', { kinds: ['card'] })).toContain(
      'c:z-advanced-productive-forces',
    );
    await services['settings:update']({ termCardsChinese: false });
    expect(await keys('先进生产力', { kinds: ['card'] })).not.toContain(
      'c:z-advanced-productive-forces',
    );
  });

  it('filters by kind, article, colour and tag', async () => {
    const a = await highlight('gmw', 'Two Sessions', 'innovation drive', 'green');
    const b = await highlight('cgtn', 'advanced productive forces', 'innovation too', 'pink');
    expect(await keys('innovation', { kinds: ['note'] })).toEqual(
      expect.arrayContaining([`h:${a.id}`, `h:${b.id}`]),
    );
    expect(await keys('innovation', { kinds: ['note'] })).toHaveLength(2);
    expect(await keys('innovation', { color: 'pink' })).toEqual([`h:${b.id}`]);
    expect(await keys('innovation', { tag: 'EXAM', articleId: 'gmw' })).toEqual([`h:${a.id}`]);
    const inGmw = await search('innovation', { articleId: 'gmw', limit: 50 });
    expect(inGmw.hits.length).toBeGreaterThan(2);
    for (const hit of inGmw.hits) {
      expect(['passage', 'note', 'card']).toContain(hit.kind);
      if ('articleId' in hit.target) expect(hit.target.articleId).toBe('gmw');
    }
    const passages = await search('innovation', { kinds: ['passage'], limit: 200 });
    expect(passages.hits.every((h) => h.kind === 'passage')).toBe(true);
    expect(passages.hits.length).toBeGreaterThan(10);
  });

  it('falls back to partial matches, ranked after, when no document has every word', async () => {
    const result = await search('digital xylophone');
    expect(result.complete).toBe(false);
    expect(result.hits.length).toBeGreaterThan(0);
    expect((await search('digital')).complete).toBe(true);
  });
});

describe('the cached index', () => {
  const indexFile = () => join(dirs.dataDir, INDEX_FILE);

  it('is saved at quit and loaded, not rebuilt, at the next start', async () => {
    const h = await highlight('taihe', 'advanced productive forces', 'orrery notes');
    await restart();
    const saved = await stat(indexFile());
    // A second start with nothing changed loads the file and leaves it as it was.
    await restart();
    expect(await keys('orrery')).toEqual([`h:${h.id}`]);
    expect((await stat(indexFile())).mtimeMs).toBe(saved.mtimeMs);
    // What the file holds is what search finds: an index with the note in its main segment.
    const index = await services.searchIndex();
    expect(index.version(`h:${h.id}`)).toBeDefined();
  });

  it('rebuilds a damaged or foreign index file without losing a result', async () => {
    const h = await highlight('taihe', 'advanced productive forces', 'astrolabe');
    await restart();
    await services.dispose();
    const bytes = await readFile(indexFile());
    await writeFile(indexFile(), bytes.subarray(0, bytes.length >> 1));
    await open();
    expect(await keys('astrolabe')).toEqual([`h:${h.id}`]);
    await services.dispose();
    await writeFile(indexFile(), 'not an index');
    await open();
    expect(await keys('astrolabe')).toEqual([`h:${h.id}`]);
    await restart();
    expect((await readFile(indexFile())).subarray(0, 3).toString()).toBe('XZS');
  });
});

describe('bad input', () => {
  it('refuses malformed queries with a clear message', async () => {
    const bad: unknown[] = [
      undefined,
      { query: 42 },
      { query: 'x'.repeat(301) },
      { query: 'a', kinds: ['everything'] },
      { query: 'a', kinds: [] },
      { query: 'a', limit: 0 },
      { query: 'a', limit: 10_000 },
      { query: 'a', color: 'orange' },
      { query: 'a', articleId: '../etc' },
      { query: 'a', extra: true },
    ];
    for (const input of bad) {
      const result = await dispatch(services, 'search:query', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
    }
    expect(await dispatch(services, 'search:query', { query: '' })).toEqual({
      ok: true,
      value: { hits: [], complete: true },
    });
    expect((await search('!!! ??? ...')).hits).toEqual([]);
  });
});
