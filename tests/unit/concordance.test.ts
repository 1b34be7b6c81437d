import { describe, expect, it } from 'vitest';
import { concordancer } from '../../src/shared/concordance';

const terms = [
  { id: 'nqpf', term: 'new quality productive forces', aliases: ['new-quality productive forces'] },
  { id: 'pf', term: 'productive force', aliases: [] },
  { id: 'industry', term: 'strategic emerging industry', aliases: [] },
  { id: 'xi', term: 'Xi Jinping', aliases: [] },
  { id: 'hqd', term: 'high-quality development', aliases: [] },
];
const find = (text: string) =>
  concordancer(terms)
    .find(text)
    .map((o) => [o.termId, text.slice(o.start, o.end)]);

describe('concordance', () => {
  it('matches case-insensitively, whole words only, longest term first', () => {
    expect(
      find('New Quality Productive Forces and productive forces; unproductive forces'),
    ).toEqual([
      ['nqpf', 'New Quality Productive Forces'],
      ['pf', 'productive forces'],
    ]);
  });

  it('matches plural and possessive forms (the mark covers the term), and y → ies', () => {
    expect(
      find("Xi Jinping's view; strategic emerging industries; the productive forces' role"),
    ).toEqual([
      ['xi', 'Xi Jinping'],
      ['industry', 'strategic emerging industries'],
      ['pf', 'productive forces'],
    ]);
  });

  it('keeps a capitalised spelling (a name) to capitalised text', () => {
    const names = concordancer([{ id: 'pan', term: 'Pan Yue', aliases: ['Pan'] }]);
    const text = 'a frying pan; Pan said; according to Pan Yue';
    expect(names.find(text).map((o) => text.slice(o.start, o.end))).toEqual(['Pan', 'Pan Yue']);
  });

  it('matches across line breaks and no-break spaces, and hyphen variants', () => {
    expect(find('new quality\nproductive\u00a0forces, high\u2011quality development')).toEqual([
      ['nqpf', 'new quality\nproductive\u00a0forces'],
      ['hqd', 'high\u2011quality development'],
    ]);
  });

  it('gives UTF-16 offsets next to CJK and emoji', () => {
    const text = '😀 新质 Xi Jinping';
    const [o] = concordancer(terms).find(text);
    expect(o).toEqual({ termId: 'xi', start: text.indexOf('Xi'), end: text.length });
  });
});
