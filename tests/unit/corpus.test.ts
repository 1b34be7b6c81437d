import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleMetaSchema } from '../../src/shared/article';
import { parseBlocks } from '../../src/shared/blocks';
import { parseFrontMatter } from '../../src/shared/front-matter';

/** Guards the curation of resources/corpus: boilerplate stays out, paragraphs stay whole. */

const DIR = join(import.meta.dirname, '../../resources/corpus');
const files = readdirSync(DIR).filter((f) => /^[a-z0-9-]+\.md$/.test(f));
const articles = files.map((file) => {
  const { fields, body } = parseFrontMatter(readFileSync(join(DIR, file), 'utf8'));
  return { file, meta: articleMetaSchema.parse(fields), body, ...parseBlocks(body) };
});

const BOILERPLATE = [
  /cookie/i,
  /privacy policy/i,
  /terms of use/i,
  /hotline/i,
  /licen[cs]e/i,
  /许可证/,
  /copyright|©|all rights reserved/i,
  /click here/i,
  /choose your language/i,
  /^source:/im,
  /HOME\s*>/,
  /editor'?s note/i,
  /share (this|on)|follow us/i,
  /not necessarily those of/i,
];
const EMOJI = /\p{Extended_Pictographic}/u;
const SENTENCE_END = /[.!?。！？:](["'”’)\]]*)$/;

describe('curated corpus', () => {
  it('has the five articles with complete front matter', () => {
    expect(articles.map((a) => a.meta.id).sort()).toEqual([
      'cgtn',
      'csst',
      'gmw',
      'qiushi',
      'taihe',
    ]);
    for (const { meta } of articles) {
      for (const key of ['title', 'author', 'publisher', 'date', 'source', 'about'] as const) {
        expect(meta[key].trim().length, `${meta.id}.${key}`).toBeGreaterThan(0);
      }
      expect(meta.about.split(/\s+/).length, `${meta.id}.about`).toBeGreaterThanOrEqual(20);
    }
    expect(articles.find((a) => a.meta.id === 'qiushi')?.meta.kind).toBe('official');
    expect(articles.find((a) => a.meta.id === 'taihe')?.meta.kind).toBe('think-tank');
  });

  it.each(articles.map((a) => [a.meta.id, a] as const))(
    '%s has no web boilerplate or emoji',
    (_id, a) => {
      for (const block of a.blocks) {
        for (const pattern of BOILERPLATE)
          expect(block.text, `${a.meta.id} ${block.id}`).not.toMatch(pattern);
        expect(block.text, `${a.meta.id} ${block.id}`).not.toMatch(EMOJI);
      }
      expect(a.body).not.toMatch(/<[a-z][^>]*>/i); // no raw HTML
    },
  );

  it.each(articles.map((a) => [a.meta.id, a] as const))('%s has whole paragraphs', (_id, a) => {
    const paragraphs = a.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'list-item');
    expect(paragraphs.length).toBeGreaterThan(5);
    for (const p of paragraphs) {
      // A page break leaves a paragraph without its final punctuation and the next one starting
      // mid-sentence in lower case.
      expect(p.text.trim(), `${a.meta.id} ${p.id} ends mid-sentence`).toMatch(SENTENCE_END);
      expect(p.text.trim(), `${a.meta.id} ${p.id} starts mid-sentence`).not.toMatch(/^[a-z]/);
    }
  });

  it.each(articles.map((a) => [a.meta.id, a] as const))(
    '%s uses consistent heading levels',
    (_id, a) => {
      expect(a.body).not.toMatch(/^# /m); // the title lives in the front matter
      expect(a.body).not.toMatch(/^#{4,} /m);
      const levels = a.toc.map((t) => t.level);
      if (levels.length) expect(levels[0]).toBe(2); // never a subsection before a section
      expect(a.body).not.toMatch(/\*\*[A-Z]\*\*[a-z]/); // drop-cap markup
      expect(a.body.includes(a.meta.title), 'title repeated in the body').toBe(false);
    },
  );

  it('turns the Taihe notes into real footnotes, linked both ways', () => {
    const taihe = articles.find((a) => a.meta.id === 'taihe');
    const notes = taihe?.blocks.filter((b) => b.kind === 'footnote') ?? [];
    expect(notes.map((n) => n.id)).toEqual(['fn-1', 'fn-2', 'fn-3']);
    const refs = taihe?.blocks.flatMap((b) =>
      [...b.html.matchAll(/href="#(fn-\d+)"/g)].map((m) => m[1]),
    );
    expect(new Set(refs)).toEqual(new Set(['fn-1', 'fn-2', 'fn-3']));
    for (const n of notes) expect(n.html).toContain(`href="#fnref-${n.footnote}"`);
    // Footnote digits are gone from the text: "development.1 This" must not survive.
    expect(taihe?.text).not.toMatch(/[a-z]\.\d+ [A-Z]/);
  });

  it('keeps the Qiushi author note out of the running text', () => {
    const qiushi = articles.find((a) => a.meta.id === 'qiushi');
    expect(qiushi?.meta.authorNote).toMatch(/Development Research Center of the State Council/);
    expect(qiushi?.text).not.toMatch(/Member of the CPC Leadership Group/);
  });
});
