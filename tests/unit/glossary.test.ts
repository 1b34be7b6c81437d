import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/main/services/corpus';
import {
  glossaryProblems,
  createConcordance,
  glossaryServices,
  loadGlossary,
  type GlossaryData,
} from '../../src/main/services/glossary';

/** The shipped glossary, study notes and comparison against the curated corpus. */

const RESOURCES = join(import.meta.dirname, '../../resources');
let data: GlossaryData;
let corpus: Corpus;
const text = (id: string) => corpus.text(id);

beforeAll(async () => {
  corpus = await loadCorpus(join(RESOURCES, 'corpus'));
  data = await loadGlossary(join(RESOURCES, 'glossary')); // validates with the zod schemas
});

describe('glossary', () => {
  it('has at least 50 entries with unique ids', () => {
    expect(data.entries.length).toBeGreaterThanOrEqual(50);
    const ids = data.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('quotes every citation verbatim from the corpus', () => {
    const missing = data.entries.flatMap((e) =>
      e.citations
        .filter((c) => !corpus.ids().includes(c.articleId) || !text(c.articleId).includes(c.quote))
        .map((c) => `${e.id}: ${c.articleId}: ${c.quote}`),
    );
    expect(missing).toEqual([]);
  });

  it('relates only to entries that exist, never to itself', () => {
    const ids = new Set(data.entries.map((e) => e.id));
    const bad = data.entries.flatMap((e) =>
      e.related.filter((r) => !ids.has(r) || r === e.id).map((r) => `${e.id} → ${r}`),
    );
    expect(bad).toEqual([]);
  });

  it('gives no spelling to two terms', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of data.entries) {
      for (const s of [e.term, ...e.aliases].map((x) => x.toLocaleLowerCase())) {
        const other = owner.get(s);
        if (other && other !== e.id) clashes.push(`${s}: ${other} and ${e.id}`);
        owner.set(s, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('finds every term at least once in the corpus', () => {
    const occurrences = [...createConcordance(data.entries, corpus)().values()].flat();
    const found = new Set(occurrences.map((o) => o.termId));
    expect(data.entries.filter((e) => !found.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it('writes Chinese terms in simplified characters with tone-marked pinyin', () => {
    const chinese = data.entries.filter((e) => e.chinese);
    expect(chinese.length).toBeGreaterThan(10);
    for (const e of chinese) expect(e.pinyin).toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/);
    expect(data.entries.find((e) => e.id === 'new-quality-productive-forces')).toMatchObject({
      chinese: '新质生产力',
      pinyin: 'xīnzhì shēngchǎnlì',
    });
  });
});

describe('study notes and comparison', () => {
  it('has study notes for every article, linking only existing terms', () => {
    expect(data.notes.map((n) => n.articleId).sort()).toEqual([...corpus.ids()].sort());
    const ids = new Set(data.entries.map((e) => e.id));
    expect(data.notes.flatMap((n) => n.keyTerms.filter((t) => !ids.has(t)))).toEqual([]);
  });

  it('compares all five articles with verbatim quotes', () => {
    expect(data.comparisons.map((c) => c.articleId).sort()).toEqual([...corpus.ids()].sort());
    const missing = data.comparisons.flatMap((c) =>
      c.quotes.filter((q) => !text(c.articleId).includes(q)).map((q) => `${c.articleId}: ${q}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('glossary services', () => {
  it('counts each term per article and gives every occurrence in context', async () => {
    const services = glossaryServices(data, corpus);
    const central = services['glossary:list']().find(
      (e) => e.id === 'new-quality-productive-forces',
    );
    expect(Object.keys(central?.counts ?? {}).sort()).toEqual([...corpus.ids()].sort());
    const lines = services['glossary:occurrences']({ id: 'total-factor-productivity' });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const t = text(line.articleId);
      expect(t.slice(line.start, line.end)).toBe(line.match);
      expect(line.match.toLowerCase()).toContain('total factor productivit');
      expect(line.before.length).toBeLessThanOrEqual(60);
      expect(t.slice(line.start - line.before.length, line.start)).toBe(line.before);
      const block = corpus.get(line.articleId).blocks.find((b) => b.id === line.blockId);
      expect(block && block.start <= line.start).toBe(true);
    }
  });

  it('refuses an unknown term', () => {
    expect(() => glossaryServices(data, corpus)['glossary:occurrences']({ id: 'nope' })).toThrow(
      /no glossary term/,
    );
  });
});

describe('consistency check', () => {
  it('finds a quote that is not in the corpus, and a related id that does not exist', () => {
    const [first, ...rest] = data.entries;
    const broken = (patch: Partial<typeof first>) => ({
      ...data,
      entries: [{ ...first, ...patch }, ...rest],
    });
    expect(
      glossaryProblems(
        broken({ citations: [{ articleId: 'taihe', quote: 'words that are not in it at all' }] }),
        corpus,
      ),
    ).toEqual([`${first.id}: words that are not in it at all`]);
    expect(glossaryProblems(broken({ related: ['no-such-term'] }), corpus)).toEqual([
      `${first.id}: related no-such-term`,
    ]);
    expect(glossaryProblems(data, corpus)).toEqual([]);
  });
});
