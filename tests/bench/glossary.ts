import { join } from 'node:path';
import { loadCorpus } from '../../src/main/services/corpus';
import { loadGlossary } from '../../src/main/services/glossary';
import { concordancer } from '../../src/shared/concordance';
import { ROOT } from '../e2e/harness';
import { measure, summarise, type Figure } from './stats';

/** The concordance of the Glossary issue: every term and alias in every article. */
export async function glossaryBenchmarks(): Promise<Figure[]> {
  const resources = join(ROOT, 'resources');
  const corpus = await loadCorpus(join(resources, 'corpus'));
  const { entries } = await loadGlossary(join(resources, 'glossary'));
  const texts = corpus.ids().map((id) => corpus.text(id));
  // From the entries, as at start: build the matcher, then search all five articles.
  const samples = await measure(
    () => {
      const find = concordancer(entries);
      return texts.map((t) => find.find(t));
    },
    { warmup: 5, runs: 30 },
  );
  return [summarise(`concordance, ${entries.length} terms × whole corpus`, samples, { p50: 20 })];
}
