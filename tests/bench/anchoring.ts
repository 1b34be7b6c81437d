import { anchor, describe, type Anchor } from '../../src/shared/anchoring';
import { loadCorpus } from '../unit/anchoring/corpus';
import { seeded } from '../unit/anchoring/simulate';
import { measure, summarise, type Figure } from './stats';

/**
 * Re-anchoring 1,000 random highlights on the longest curated article: unchanged (its hash
 * matches, and again without the hash), and after a new first paragraph and edits to 5% of its
 * words. Each sample is the whole batch of 1,000.
 */

function longestArticle(): string {
  return loadCorpus()
    .map((a) => a.text)
    .reduce((a, b) => (b.length > a.length ? b : a));
}

/** A new first paragraph, then a typo, a deleted word or an inserted word at `rate` of the words. */
function edit(text: string, rate: number, random: () => number): string {
  const words = text.split(/(\s+)/);
  const pick = () => words[2 * Math.floor((random() * words.length) / 2)];
  const intro = Array.from({ length: 40 }, pick).join(' ');
  const edited = words.map((w, i) => {
    if (i % 2 === 1 || random() >= rate) return w;
    const kind = random();
    if (kind < 1 / 3) return w.slice(0, -1) + 'x';
    return kind < 2 / 3 ? '' : `${w} ${pick()}`;
  });
  return `${intro}\n\n${edited.join('')}`;
}

export async function anchoringBenchmarks(): Promise<Figure[]> {
  const text = longestArticle();
  const random = seeded(1_000);
  const stored: Anchor[] = [];
  while (stored.length < 1_000) {
    // 1 to 40 words, starting at a word.
    const start = text.indexOf(' ', Math.floor(random() * text.length)) + 1;
    let end = start;
    for (let n = 1 + Math.floor(random() * 40); n > 0 && end >= 0; n--)
      end = text.indexOf(' ', end + 1);
    if (start > 0 && end > start && text.slice(start, end).trim()) {
      stored.push(describe(text, start, end));
    }
  }
  const edited = edit(text, 0.05, random);
  const all = (t: string, hashMatches: boolean) => () => {
    for (const s of stored) anchor(t, s, { hashMatches });
  };
  const label = 're-anchor 1,000 highlights, longest article';
  return [
    summarise(`${label}, unchanged`, await measure(all(text, true), { runs: 20 }), { p50: 50 }),
    summarise(`${label}, unchanged, no hash`, await measure(all(text, false), { runs: 20 }), {
      p50: 50,
    }),
    summarise(
      `${label}, 5% of words edited`,
      await measure(all(edited, false), { warmup: 1, runs: 7 }),
      { p50: 2_000 },
    ),
  ];
}
