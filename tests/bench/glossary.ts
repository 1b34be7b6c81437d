import { join } from 'node:path';
import { loadCorpus } from '../../src/main/services/corpus';
import { loadGlossary } from '../../src/main/services/glossary';
import { concordancer } from '../../src/shared/concordance';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { ROOT, launchChromium, startHarness } from '../e2e/harness';
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
  return [
    summarise(`concordance, ${entries.length} terms × whole corpus`, samples, { p50: 20 }),
    await glossaryViewPaint(),
  ];
}

/** From the click on "Glossary" in the sidebar to the index and the first entry painted. */
async function glossaryViewPaint(): Promise<Figure> {
  const dir = await mkdtemp(join(tmpdir(), 'xinzhi-bench-'));
  const browser = await launchChromium();
  const session = await startHarness(browser, dir);
  const { page } = session;
  await page.waitForSelector('nav[aria-label="Main"]');
  const samples: number[] = [];
  for (let i = 0; i < 15; i++) {
    const ms = await page.evaluate(async () => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('nav .nav-item')].find(
        (b) => b.textContent?.trim() === 'Glossary',
      );
      if (!button) throw new Error('no Glossary button');
      const t0 = performance.now();
      button.click();
      // No named helpers in here: tsx would wrap them in a __name() the page does not have.
      while (!document.querySelector('.glossary-term') || !document.querySelector('#entry-title')) {
        await new Promise((r) => requestAnimationFrame(r));
      }
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    });
    if (i >= 3) samples.push(ms);
    await page.keyboard.press('Control+1');
    await page.waitForSelector('#library-title');
  }
  await session.stop();
  await browser.close();
  await rm(dir, { recursive: true, force: true });
  return summarise('glossary view painted (index and entry), browser harness', samples, {
    p50: 100,
  });
}
