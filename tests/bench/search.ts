import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createServices } from '../../src/main/services';
import { loadCorpus } from '../../src/main/services/corpus';
import { loadFacts } from '../../src/main/services/decks';
import { loadGlossary } from '../../src/main/services/glossary';
import { INDEX_FILE, indexFingerprint, loadIndex } from '../../src/main/services/search';
import { SearchIndex } from '../../src/main/services/search/search-index';
import { snippet } from '../../src/main/services/search/snippet';
import { ROOT } from '../e2e/harness';
import { makeHighlights, storeWith } from './highlights';
import { measure, summarise, type Figure } from './stats';

/**
 * Search figures of the Search issue: a query per keystroke over the corpus with 10,000
 * notes, the same over a synthetic 6 MB corpus, and loading the saved index.
 */

const RESOURCES = join(ROOT, 'resources');
const NOTES = 10_000;
const SYNTHETIC_BYTES = 6 * 1024 * 1024;

/** What a user types, one query per keystroke: words, a typo, pinyin, Chinese. */
export const TYPED = [
  'new quality productive forces',
  'digital economy',
  'innovaton driven', // a typo
  'xinzhi shengchanli',
  '新质生产力',
  'semiconductors',
  'high-quality development',
  'Jiangsu delegation',
  'total factor productivity',
  'strategic emerging industries',
];
export const keystrokes = TYPED.flatMap((q) => Array.from(q, (_, i) => q.slice(0, i + 1)));

/** A deterministic pseudo-random sequence (the figures must not depend on the run). */
function random(seed: number) {
  return () => ((seed = (seed * 48271) % 2147483647) - 1) / 2147483646;
}

/** Words of the corpus, most frequent first. */
async function corpusWords(): Promise<string[]> {
  const corpus = await loadCorpus(join(RESOURCES, 'corpus'));
  const counts = new Map<string, number>();
  for (const id of corpus.ids()) {
    for (const w of corpus
      .text(id)
      .toLowerCase()
      .match(/[a-z]+/g) ?? []) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w);
}

/** Each highlight gets a note of 15–45 words drawn from the corpus, as a student writes. */
export async function storeWithNotes(): Promise<string> {
  const words = await corpusWords();
  const rnd = random(7);
  const highlights = (await makeHighlights(NOTES)).map((h) => {
    const n = 15 + Math.floor(rnd() * 30);
    const note = Array.from({ length: n }, () => words[Math.floor(rnd() ** 2 * words.length)]);
    return { ...h, note: note.join(' ') };
  });
  return storeWith(highlights);
}

/**
 * About 6 MB of paragraphs over a vocabulary of ~45,000 words with a Zipf distribution (the
 * corpus's words first, then made-up ones), the shape of real text at that size.
 */
async function syntheticCorpus(): Promise<{ key: string; text: string }[]> {
  const rnd = random(11);
  const syllables = 'ba ko ri tu me sa lo ne vi da po ke mu si ra te no gu fa li'.split(' ');
  const made = new Set<string>();
  while (made.size < 40_000) {
    const n = 2 + Math.floor(rnd() * 3);
    made.add(Array.from({ length: n }, () => syllables[Math.floor(rnd() * 20)]).join(''));
  }
  const vocabulary = [...(await corpusWords()), ...made];
  // Zipf (s = 1): rank r with probability ∝ 1/r, sampled by inverting the harmonic CDF.
  const h = Math.log(vocabulary.length) + 0.5772;
  const word = () => vocabulary[Math.min(vocabulary.length - 1, Math.floor(Math.exp(rnd() * h)))];
  const docs: { key: string; text: string }[] = [];
  let bytes = 0;
  while (bytes < SYNTHETIC_BYTES) {
    const n = 60 + Math.floor(rnd() * 120);
    const text = Array.from({ length: n }, word).join(' ');
    docs.push({ key: `p:synthetic:b${docs.length}`, text });
    bytes += Buffer.byteLength(text);
  }
  return docs;
}

/** Each keystroke's query, `rounds` times after one warm-up round. */
async function perKeystroke(run: (query: string) => unknown, rounds = 5): Promise<number[]> {
  let i = 0;
  return measure(() => run(keystrokes[i++ % keystrokes.length]), {
    warmup: keystrokes.length,
    runs: keystrokes.length * rounds,
  });
}

export async function searchBenchmarks(): Promise<Figure[]> {
  const figures: Figure[] = [];

  // The app's search (main-process handler: index, ranking and snippets) with 10,000 notes.
  const dir = await storeWithNotes();
  let services = await createServices({ dataDir: dir, resourcesDir: RESOURCES });
  const query = (q: string) => services['search:query']({ query: q });
  // With no saved index: from the first search asked to its results, the index built.
  let t0 = performance.now();
  await query('productive');
  const firstBuild = performance.now() - t0;
  figures.push(
    summarise(
      `search per keystroke, corpus + ${NOTES.toLocaleString('en')} notes`,
      await perKeystroke(query),
      { p95: 2 },
    ),
  );
  await services.dispose();

  // Loading the saved index: read, check, and map the arrays.
  const [corpus, glossary, facts] = await Promise.all([
    loadCorpus(join(RESOURCES, 'corpus')),
    loadGlossary(join(RESOURCES, 'glossary')),
    loadFacts(join(RESOURCES, 'cards')),
  ]);
  const file = join(dir, INDEX_FILE);
  const fingerprint = indexFingerprint(corpus, glossary.entries, facts);
  const load = await measure(() => loadIndex(file, fingerprint), { warmup: 3, runs: 30 });
  const size = (await stat(file)).size;
  figures.push(
    summarise(`load saved index (${(size / 1024 / 1024).toFixed(1)} MB file)`, load, { p95: 20 }),
  );
  // From a start with the saved index to the first results.
  t0 = performance.now();
  services = await createServices({ dataDir: dir, resourcesDir: RESOURCES });
  await query('productive');
  const firstQuery = performance.now() - t0;
  await services.dispose();
  figures.push(summarise('start → first search, saved index', [firstQuery]));
  figures.push(summarise(`first search with no saved index (${NOTES} notes)`, [firstBuild]));
  await rm(dir, { recursive: true, force: true });

  // The engine over a synthetic 6 MB corpus, with snippets for the hits shown.
  const docs = await syntheticCorpus();
  const text = new Map(docs.map((d) => [d.key, d.text]));
  t0 = performance.now();
  const index = SearchIndex.build(
    docs.map((d) => ({ key: d.key, version: 's', fields: [{ text: d.text, boost: 1 }] })),
  );
  const built = performance.now() - t0;
  const synthetic = (q: string) => {
    const result = index.search(q, { limit: 24, perKind: 6 });
    return result.matches.map((m) => snippet(text.get(m.doc.key)!, result.terms));
  };
  figures.push(
    summarise(
      `search per keystroke, synthetic 6 MB corpus (${docs.length.toLocaleString('en')} paragraphs)`,
      await perKeystroke(synthetic),
      { p95: 16 },
    ),
  );
  figures.push(summarise('synthetic 6 MB corpus: index built', [built]));
  return figures;
}
