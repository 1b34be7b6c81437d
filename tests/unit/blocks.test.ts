import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR } from '../../src/shared/article';
import { htmlToText, parseBlocks } from '../../src/shared/blocks';

describe('parseBlocks', () => {
  const md = [
    'Intro with **bold**, *italics* & “quotes” 5 < 6 > 4.[^a]',
    '## Section one',
    '- first item',
    '- second *item*',
    '> a quoted line.',
    '### Sub',
    'Again a note.[^a] And another.[^b]',
    '[^a]: Note A with *emphasis*.',
    '[^b]: Note B.',
  ].join('\n\n');
  const { blocks, toc, text } = parseBlocks(md);

  it('splits headings, paragraphs, list items, quotes and footnotes with stable ids', () => {
    expect(blocks.map((b) => [b.id, b.kind])).toEqual([
      ['b0', 'paragraph'],
      ['b1', 'heading'],
      ['b2', 'list-item'],
      ['b3', 'list-item'],
      ['b4', 'quote'],
      ['b5', 'heading'],
      ['b6', 'paragraph'],
      ['fn-a', 'footnote'],
      ['fn-b', 'footnote'],
    ]);
    expect(blocks[2].group).toEqual(blocks[3].group);
    expect(blocks[2].group?.tag).toBe('ul');
    expect(toc).toEqual([
      { blockId: 'b1', level: 2, text: 'Section one' },
      { blockId: 'b5', level: 3, text: 'Sub' },
    ]);
  });

  it('gives canonical text without markup, entities or footnote markers', () => {
    expect(blocks[0].text).toBe('Intro with bold, italics & “quotes” 5 < 6 > 4.');
    expect(blocks[0].html).toContain('href="#fn-a"');
    expect(blocks[3].text).toBe('second item');
    expect(blocks[7].text).toBe('Note A with emphasis.');
    expect(blocks[7].html).toContain('href="#fnref-a"');
  });

  it('places every block at its offset in the article text', () => {
    expect(text).toBe(blocks.map((b) => b.text).join(BLOCK_SEPARATOR));
    for (const b of blocks) expect(text.slice(b.start, b.start + b.text.length)).toBe(b.text);
  });

  it('keeps offsets exact for any paragraphs, in UTF-16 code units (emoji, CJK)', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9新质生产力😀é,.'"&<>-]{1,12}$/u);
    const paragraph = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 8 }), (paragraphs) => {
        const safe = paragraphs.map((p) => `P ${p.replace(/[<&>]/g, 'x')}`);
        const parsed = parseBlocks(safe.join('\n\n'));
        for (const b of parsed.blocks) {
          expect(parsed.text.slice(b.start, b.start + b.text.length)).toBe(b.text);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('htmlToText', () => {
  it('decodes named and numeric entities like a browser', () => {
    expect(htmlToText('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x4e2d; <em>f</em>')).toBe(
      `a & b <c> "d" 'e' 中 f`,
    );
  });
});
