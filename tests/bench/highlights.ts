import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../../src/main/services';
import { loadCorpus } from '../../src/main/services/corpus';
import { emptyStore } from '../../src/main/store/schema';
import { describe } from '../../src/shared/anchoring';
import { COLORS, type Highlight } from '../../src/shared/highlights';
import { ROOT, launchChromium, startHarness } from '../e2e/harness';
import { measure, summarise, type Figure } from './stats';

/** Highlight figures of the Highlights issue: durable create at 10,000, reader paint at 500. */

const RESOURCES = join(ROOT, 'resources');

/** `count` real highlights (valid selectors on the curated corpus), spread over `articleIds`. */
export async function makeHighlights(count: number, articleIds?: string[]): Promise<Highlight[]> {
  const corpus = await loadCorpus(join(RESOURCES, 'corpus'));
  const ids = articleIds ?? corpus.ids();
  const at = '2026-11-23T10:00:00.000Z';
  return Array.from({ length: count }, (_, i) => {
    const article = corpus.get(ids[i % ids.length]);
    const text = corpus.text(article.id);
    const start = Math.floor((((i * 7919) % 1000) / 1000) * (text.length - 200));
    const end = start + 20 + (i % 120);
    return {
      id: `h-bench-${String(i).padStart(6, '0')}`,
      articleId: article.id,
      contentHash: article.contentHash,
      ...describe(text, start, end),
      color: COLORS[i % COLORS.length],
      note: i % 3 === 0 ? `A note on passage ${i}, with **Markdown**.` : '',
      tags: i % 4 === 0 ? ['bench', `t${i % 30}`] : [],
      createdAt: at,
      updatedAt: at,
    };
  });
}

export async function storeWith(highlights: Highlight[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'xinzhi-bench-'));
  const data = emptyStore();
  data.settings.tourDone = true; // a returning user: the welcome tour would cover the page
  data.highlights.push(...highlights.map((h) => ({ ...h })));
  await writeFile(join(dir, 'xinzhi.json'), JSON.stringify(data));
  return dir;
}

async function createWith10k(): Promise<Figure> {
  const dir = await storeWith(await makeHighlights(10_000));
  const services = await createServices({ dataDir: dir, resourcesDir: RESOURCES });
  const article = await services['corpus:get']({ id: 'qiushi' });
  const text = article.blocks.map((b) => b.text).join('\n\n');
  let i = 0;
  const samples = await measure(
    () => {
      const start = 100 + ((i++ * 131) % (text.length - 400));
      return services['highlights:create']({
        articleId: 'qiushi',
        ...describe(text, start, start + 60),
        color: 'yellow',
        note: '',
        tags: [],
      });
    },
    { warmup: 10, runs: 200 },
  );
  await services.dispose();
  await rm(dir, { recursive: true, force: true });
  return summarise('create a highlight (durable), 10,000 in store', samples, { p95: 30 });
}

async function paintWith500(): Promise<Figure[]> {
  const longest = 'qiushi';
  const dir = await storeWith(await makeHighlights(500, [longest]));
  const browser = await launchChromium();
  const session = await startHarness(browser, dir);
  const { page } = session;
  // From the click in the library to the article and its 500 highlights painted, and then to
  // their notes (a third have one) laid out in the margin, which renders after the paint; only
  // the cards within a screen of the view are drawn.
  const open = () =>
    page.evaluate(async (id) => {
      const card = document.querySelector<HTMLButtonElement>(`[aria-describedby~="meta-${id}"]`);
      if (!card) throw new Error('library not shown');
      const t0 = performance.now();
      card.click();
      // No named helpers in here: tsx would wrap them in a __name() the page does not have.
      while (
        !document.querySelector('.article [data-block-id]') ||
        !['yellow', 'green', 'blue', 'pink', 'purple'].every((c) => CSS.highlights.has(`hl-${c}`))
      ) {
        await new Promise((r) => requestAnimationFrame(r));
      }
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const painted = performance.now() - t0;
      while (document.querySelectorAll('.margin-note').length === 0)
        await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return [painted, performance.now() - t0];
    }, longest);
  await page.waitForSelector(`[aria-describedby~="meta-${longest}"]`);
  const painted: number[] = [];
  const notes: number[] = [];
  for (let i = 0; i < 15; i++) {
    const [ms, withNotes] = await open();
    if (i >= 3) {
      painted.push(ms);
      notes.push(withNotes);
    }
    await page.keyboard.press('Control+1');
    await page.waitForSelector(`[aria-describedby~="meta-${longest}"]`);
  }
  await session.stop();
  await browser.close();
  await rm(dir, { recursive: true, force: true });
  return [
    summarise('reader painted with 500 highlights (qiushi)', painted, { p50: 150 }),
    summarise('… and the margin notes near the view drawn and laid out', notes),
  ];
}

export async function highlightBenchmarks(): Promise<Figure[]> {
  return [await createWith10k(), ...(await paintWith500())];
}
