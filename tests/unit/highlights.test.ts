import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/ipc';
import { createServices, type Services } from '../../src/main/services';
import { unionOfSpans, type PlacedHighlight } from '../../src/shared/highlights';

const RESOURCES = join(import.meta.dirname, '../../resources');
let dataDir: string;
let services: Services;
let text: string;
const open = () => createServices({ dataDir, resourcesDir: RESOURCES });

/** A valid create request for `exact` at its first occurrence in the Taihe article. */
function request(exact: string, extra: Record<string, unknown> = {}) {
  const start = text.indexOf(exact);
  const end = start + exact.length;
  return {
    articleId: 'taihe',
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
    },
    position: { type: 'TextPositionSelector', start, end },
    color: 'yellow',
    ...extra,
  };
}

const storeBytes = async () =>
  Buffer.concat([
    await readFile(join(dataDir, 'xinzhi.json')).catch(() => Buffer.alloc(0)),
    await readFile(join(dataDir, 'xinzhi.journal')).catch(() => Buffer.alloc(0)),
  ]);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'xinzhi-highlights-'));
  services = await open();
  const article = await services['corpus:get']({ id: 'taihe' });
  text = article.blocks.map((b) => b.text).join('\n\n');
});
afterEach(async () => {
  await services.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

describe('highlights', () => {
  const QUOTE = 'total factor productivity through the optimal combination';

  it('creates a highlight across paragraphs that survives a restart, anchored', async () => {
    const paragraphs = text.split('\n\n');
    const across = `${paragraphs[0].slice(-40)}\n\n${paragraphs[1].slice(0, 30)}`;
    const result = await dispatch(
      services,
      'highlights:create',
      request(across, { tags: ['Key', 'key', 'xi'] }),
    );
    expect(result.ok).toBe(true);
    const created = (result as { value: PlacedHighlight }).value;
    expect(created).toMatchObject({ status: 'anchored', color: 'yellow', tags: ['Key', 'xi'] });
    await services.dispose();
    services = await open();
    const list = await services['highlights:list']({ articleId: 'taihe' });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: created.id,
      status: 'anchored',
      start: created.position.start,
    });
    expect(text.slice(list[0].start, list[0].end)).toBe(across);
  });

  it('changes colour, note and tags, and deletes to the trash', async () => {
    const created = (await dispatch(services, 'highlights:create', request(QUOTE))) as {
      value: PlacedHighlight;
    };
    const id = created.value.id;
    const updated = await dispatch(services, 'highlights:update', {
      id,
      color: 'blue',
      note: '**why**',
      tags: ['tfp'],
    });
    expect(updated).toMatchObject({
      ok: true,
      value: { color: 'blue', note: '**why**', tags: ['tfp'] },
    });
    expect(await dispatch(services, 'highlights:delete', { id })).toMatchObject({ ok: true });
    expect(await services['highlights:list']({})).toEqual([]);
    expect(await dispatch(services, 'highlights:update', { id, color: 'pink' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('sums up: every tag in use once, sorted, spelled as first used; counts per article', async () => {
    const paragraphs = text.split('\n\n');
    const make = async (exact: string, tags: string[]) =>
      (
        (await dispatch(services, 'highlights:create', request(exact, { tags }))) as {
          value: PlacedHighlight;
        }
      ).value;
    expect(await dispatch(services, 'highlights:summary', undefined)).toEqual({
      ok: true,
      value: { tags: [], byArticle: {} },
    });
    await make(paragraphs[0].slice(0, 30), ['Policy', 'tfp']);
    const second = await make(paragraphs[1].slice(0, 30), ['policy', 'Apple', 'zeal']);
    await services['highlights:update']({ id: second.id, note: 'why it matters' });
    expect(await services['highlights:summary'](undefined)).toEqual({
      tags: ['Apple', 'Policy', 'tfp', 'zeal'],
      byArticle: { taihe: { highlights: 2, notes: 1 } },
    });
    await services['highlights:delete']({ id: second.id });
    expect(await services['highlights:summary'](undefined)).toEqual({
      tags: ['Policy', 'tfp'],
      byArticle: { taihe: { highlights: 1, notes: 0 } },
    });
    expect(await dispatch(services, 'highlights:summary', { all: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  type Request = ReturnType<typeof request>;
  const BAD: [string, (ok: Request) => Record<string, unknown>, string][] = [
    ['an unknown article', (ok) => ({ ...ok, articleId: 'nope' }), 'not_found'],
    [
      'a position out of range',
      (ok) => ({
        ...ok,
        position: { type: 'TextPositionSelector', start: 1e7, end: 1e7 + QUOTE.length },
      }),
      'invalid_input',
    ],
    [
      'a quote not matching',
      (ok) => ({ ...ok, quote: { ...ok.quote, exact: QUOTE.toUpperCase() } }),
      'invalid_input',
    ],
    [
      'a prefix not matching',
      (ok) => ({ ...ok, quote: { ...ok.quote, prefix: 'something else' } }),
      'invalid_input',
    ],
    ['an empty quote', (ok) => ({ ...ok, quote: { ...ok.quote, exact: '   ' } }), 'invalid_input'],
    [
      'a length mismatch',
      (ok) => ({ ...ok, position: { ...ok.position, end: ok.position.end + 1 } }),
      'invalid_input',
    ],
    ['an unknown colour', (ok) => ({ ...ok, color: 'orange' }), 'invalid_input'],
    [
      'a note over 100,000 characters',
      (ok) => ({ ...ok, note: 'x'.repeat(100_001) }),
      'invalid_input',
    ],
    [
      'more than 50 tags',
      (ok) => ({ ...ok, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }),
      'invalid_input',
    ],
    ['a tag over 100 characters', (ok) => ({ ...ok, tags: ['x'.repeat(101)] }), 'invalid_input'],
    ['an extra field', (ok) => ({ ...ok, status: 'anchored' }), 'invalid_input'],
  ];
  it.each(BAD)('refuses %s with a clear message and changes nothing', async (_name, make, code) => {
    await services['settings:update']({ fontSize: 19 }); // the store exists on disk
    const before = await storeBytes();
    const result = await dispatch(services, 'highlights:create', make(request(QUOTE)));
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).toMatch(/\w+ \w+/);
    expect(await storeBytes()).toEqual(before);
    expect(await services['highlights:list']({})).toEqual([]);
  });
});

describe('unionOfSpans (what the reader paints per colour)', () => {
  const covered = (spans: { start: number; end: number }[]) => {
    const chars = new Set<number>();
    for (const s of spans) for (let i = s.start; i < s.end; i++) chars.add(i);
    return [...chars].sort((a, b) => a - b);
  };

  it('joins overlapping and touching spans and keeps apart ones apart, in order', () => {
    const spans = [
      { start: 30, end: 40 },
      { start: 0, end: 5 },
      { start: 3, end: 8 },
      { start: 8, end: 10 },
      { start: 12, end: 14 },
      { start: 31, end: 33 },
    ];
    expect(unionOfSpans(spans)).toEqual([
      { start: 0, end: 10 },
      { start: 12, end: 14 },
      { start: 30, end: 40 },
    ]);
    expect(spans[1]).toEqual({ start: 0, end: 5 }); // the input is left as it was
  });

  it('covers exactly the same characters with the fewest spans', () => {
    const span = fc
      .tuple(fc.nat(200), fc.nat(30))
      .map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), (spans) => {
        const union = unionOfSpans(spans);
        expect(covered(union)).toEqual(covered(spans));
        // In order, and no two touch: none could be joined with the next.
        for (let i = 1; i < union.length; i++) {
          expect(union[i].start).toBeGreaterThan(union[i - 1].end);
        }
      }),
    );
  });
});
