import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../../src/main/services';
import { REVIEW_LOG_FILE } from '../../src/main/services/review-log';
import { emptyStore } from '../../src/main/store/schema';
import type { CardRecord, ReviewLogEntry, Schedule } from '../../src/shared/cards';
import { ROOT, launchChromium, startHarness } from '../e2e/harness';
import { measure, summarise, type Figure } from './stats';

/** Flashcards at size: 5,000 of the user's cards, all due, over a 100,000-answer review log. */

const RESOURCES = join(ROOT, 'resources');
const CARDS = 5_000;
const REVIEWS = 100_000;
const DAY = 86_400_000;

function schedule(now: number, i: number): Schedule {
  return {
    due: now - (i % 30) * 3_600_000 - 60_000,
    stability: 3 + (i % 40),
    difficulty: 1 + (i % 9),
    elapsedDays: 5,
    scheduledDays: 5 + (i % 30),
    learningSteps: 0,
    reps: 5 + (i % 7),
    lapses: i % 4,
    state: 'review',
    lastReview: now - 6 * DAY,
  };
}

/** A data dir with `cards` of the user's cards, all due, over a log of `reviews` answers. */
export async function bigStore(
  now: number,
  { cards = CARDS, reviews = REVIEWS }: { cards?: number; reviews?: number } = {},
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'xinzhi-bench-cards-'));
  const data = emptyStore();
  data.settings.tourDone = true; // a returning user: the welcome tour would cover the page
  data.settings.reviewsPerDay = 9999;
  const at = new Date(now - 30 * DAY).toISOString();
  for (let i = 0; i < cards; i++) {
    const card: CardRecord = {
      id: `c-bench-${i}`,
      deck: 'mine',
      kind: 'basic',
      noteId: `n-bench-${i}`,
      front: `Card ${i}: what does **new quality productive forces** mean in passage ${i % 97}?`,
      back: `Answer ${i}: productive forces driven by innovation, with high tech, high efficiency and high quality.`,
      source: null,
      schedule: schedule(now, i),
      suspended: false,
      leech: false,
      createdAt: at,
      updatedAt: at,
    };
    data.cards.push({ ...card });
  }
  await writeFile(join(dir, 'xinzhi.json'), JSON.stringify(data));
  const lines: string[] = [];
  // A year of answers, oldest first, none today (so the daily limits are untouched).
  for (let i = 0; i < reviews; i++) {
    const t = now - DAY - Math.round(((reviews - i) / reviews) * 364 * DAY);
    const entry: ReviewLogEntry = {
      id: `r-bench-${i}`,
      cardId: `c-bench-${i % cards}`,
      at: t,
      rating: (i % 10 === 0 ? 1 : 3) as 1 | 3,
      durationMs: 4000 + (i % 5000),
      before: schedule(t, i),
      after: schedule(t + DAY, i + 1),
    };
    lines.push(JSON.stringify(entry));
  }
  await writeFile(join(dir, REVIEW_LOG_FILE), `${lines.join('\n')}\n`);
  return dir;
}

async function servicesAtSize(dir: string): Promise<Figure[]> {
  // Start-up does not wait for the review log; the first queue does.
  const start: number[] = [];
  const firstQueue: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const s = await createServices({ dataDir: dir, resourcesDir: RESOURCES });
    await s['corpus:list'](undefined);
    const t1 = performance.now();
    await s['cards:queue'](undefined);
    const t2 = performance.now();
    await s.dispose();
    if (i > 0) {
      start.push(t1 - t0);
      firstQueue.push(t2 - t0);
    }
  }
  const services = await createServices({ dataDir: dir, resourcesDir: RESOURCES });
  const queue = await measure(() => services['cards:queue'](undefined), { warmup: 5, runs: 40 });
  const answer = await measure(
    async () => {
      const { items } = await services['cards:queue'](undefined);
      const card = items.find((i) => i.card.deck === 'mine')!.card;
      await services['cards:answer']({
        id: card.id,
        rating: 3,
        reps: card.schedule.reps,
        durationMs: 5000,
      });
    },
    { warmup: 10, runs: 200 },
  );
  // The answer alone, its queue read done outside the clock.
  const answerOnly: number[] = [];
  for (let i = 0; i < 200; i++) {
    const { items } = await services['cards:queue'](undefined);
    const card = items.find((x) => x.card.deck === 'mine')!.card;
    const t0 = performance.now();
    await services['cards:answer']({
      id: card.id,
      rating: 3,
      reps: card.schedule.reps,
      durationMs: 1,
    });
    answerOnly.push(performance.now() - t0);
  }
  const stats = await measure(() => services['cards:stats'](undefined), { warmup: 3, runs: 20 });
  await services.dispose();
  return [
    summarise('services start (library ready), 5,000 cards + 100,000 reviews', start),
    summarise('… first review queue (review log read in the background)', firstQueue),
    summarise('review queue build, 5,000 cards + 100,000 reviews', queue, { p95: 50 }),
    summarise('answer appended durably (store + review journal)', answerOnly, { p95: 5 }),
    summarise('… queue read + answer, as the renderer does', answer),
    summarise('statistics, 5,000 cards + 100,000 reviews', stats),
  ];
}

/** In the browser harness: from the key `3` to the next card on screen. */
async function answerToNextCard(dir: string): Promise<Figure[]> {
  const browser = await launchChromium();
  const session = await startHarness(browser, dir);
  const { page } = session;
  await page.waitForSelector('nav.sidebar');
  await page.keyboard.press('Control+5');
  await page.waitForSelector('.review-card .review-front');
  const [committed, framed] = await page.evaluate(async () => {
    // No named helpers in here: tsx would wrap them in a __name() the page does not have.
    const commit: number[] = [];
    const frame: number[] = [];
    for (let i = 0; i < 120; i++) {
      const front = document.querySelector('.review-front')?.textContent;
      document.activeElement?.dispatchEvent(
        new KeyboardEvent('keydown', { key: ' ', bubbles: true }),
      );
      while (!document.querySelector('.rating-bar')) await new Promise((r) => setTimeout(r, 0));
      const t0 = performance.now();
      document.activeElement?.dispatchEvent(
        new KeyboardEvent('keydown', { key: '3', bubbles: true }),
      );
      while (document.querySelector('.review-front')?.textContent === front)
        await new Promise((r) => setTimeout(r, 0));
      const t1 = performance.now();
      await new Promise((r) => requestAnimationFrame(r));
      if (i >= 20) {
        commit.push(t1 - t0);
        frame.push(performance.now() - t0);
      }
      // Like a person, not a loop: the next answer comes after the card is read.
      await new Promise((r) => setTimeout(r, 30));
    }
    return [commit, frame];
  });
  await session.stop();
  await browser.close();
  return [
    summarise('answer → next card shown (DOM updated), harness', committed, { p95: 16 }),
    summarise('… → next frame after it', framed),
  ];
}

export async function cardBenchmarks(): Promise<Figure[]> {
  const dir = await bigStore(Date.now());
  try {
    return [...(await servicesAtSize(dir)), ...(await answerToNextCard(dir))];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
