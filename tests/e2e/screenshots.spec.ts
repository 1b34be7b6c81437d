import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createServices } from '../../src/main/services';
import { nav, seed } from './helpers';

/** `npm run screenshots`: the pictures in docs/ and the README, taken from the real app. */
const DOCS = join(import.meta.dirname, '../../docs');

/** A few highlights with notes and tags in the Taihe article. */
const annotate = (page: Page) =>
  seed(page, [
    {
      articleId: 'taihe',
      exact: 'new quality productive forces as a pivotal mechanism',
      color: 'yellow',
      note: 'The **core claim**: the concept is framed as the engine of the shift from *rapid* to *high-quality* growth.',
      tags: ['core idea'],
    },
    {
      articleId: 'taihe',
      exact:
        'enhances total factor productivity through the optimal combination of labor forces, means of labor, and subjects of labor',
      color: 'blue',
      note: 'TFP again: compare how the CSST piece defines the **three components**.\n\n- workers\n- means of labour\n- subjects of labour',
      tags: ['tfp', 'definitions'],
    },
    {
      articleId: 'taihe',
      exact: 'not merely a buzzword',
      color: 'pink',
      note: 'Is it? The GMW piece reads it as a signal to investors.',
      tags: ['question'],
    },
    {
      articleId: 'taihe',
      exact: 'catalyzed by groundbreaking technological breakthroughs',
      color: 'green',
      note: '',
      tags: ['evidence'],
    },
  ]);

for (const theme of ['light', 'dark'] as const) {
  test(`library, reader with notes, Notes view, ${theme}`, async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: theme });
    await annotate(page);
    // Read a little of an article first, so the library shows progress.
    await page.getByRole('button', { name: /What are New Quality/ }).click();
    await page.getByRole('region', { name: /Text of/ }).evaluate((el) => el.scrollBy(0, 1400));
    await page.waitForTimeout(500);
    await nav(page, 'Library').click();
    await page.getByRole('button', { name: /Essence, Structural Framework/ }).click();
    await page.getByRole('button', { name: 'Contents' }).click();
    const text = page.getByRole('region', { name: /Text of/ });
    await text.evaluate((el) => el.scrollBy(0, 420));
    await page.getByRole('button', { name: /^Note on “enhances total factor/ }).click();
    await expect(page.getByRole('region', { name: 'Selected highlight' })).toBeVisible();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(DOCS, `reader-${theme}.png`) });

    await nav(page, 'Notes').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
    await page.mouse.click(5, 850);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS, `notes-${theme}.png`) });

    await nav(page, 'Library').click();
    await expect(page.getByText('Continue reading')).toBeVisible();
    await page.mouse.click(5, 850); // move focus away from the first card for a calm picture
    await page.screenshot({ path: join(DOCS, `library-${theme}.png`) });
  });
}

test('selection toolbar and reading settings, sepia', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: /Accelerating the Development/ }).click();
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByRole('button', { name: 'Sepia' }).click();
  await page.screenshot({ path: join(DOCS, 'reader-sepia-settings.png') });
  await page.keyboard.press('Escape');
  const paragraph = page.locator('.article p[data-block-id]').nth(2);
  await paragraph.scrollIntoViewIfNeeded();
  const box = await paragraph.boundingBox();
  if (!box) throw new Error('not visible');
  await page.mouse.move(box.x + 40, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, box.y + 40, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
  await page.screenshot({ path: join(DOCS, 'selection-toolbar.png') });
});

for (const theme of ['light', 'dark'] as const) {
  test(`glossary, term popover and compare, ${theme}`, async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: theme });
    await page.getByRole('button', { name: /Essence, Structural Framework/ }).click();
    const mark = page
      .getByRole('button', { name: 'total factor productivity', exact: true })
      .first();
    await mark.scrollIntoViewIfNeeded();
    await page.getByRole('region', { name: /Text of/ }).evaluate((el) => el.scrollBy(0, 120));
    await mark.hover();
    await expect(page.getByRole('dialog', { name: /^Glossary: / })).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS, `term-popover-${theme}.png`) });

    await nav(page, 'Glossary').click();
    await page.getByRole('searchbox', { name: 'Filter terms' }).fill('total factor');
    const entry = page.getByRole('article');
    await expect(entry.locator('.kwic button').first()).toBeVisible();
    await entry.getByRole('heading', { name: /Use in the articles/ }).scrollIntoViewIfNeeded();
    await page.mouse.click(5, 850);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS, `glossary-${theme}.png`) });

    await nav(page, 'Compare').click();
    await expect(page.getByRole('heading', { level: 1, name: /Compare/ })).toBeVisible();
    await page.mouse.click(5, 850);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS, `compare-${theme}.png`) });
  });
}

/**
 * Three months of study, answered through the real services with a clock set back day by day
 * while the app is closed, so the statistics have a history to draw.
 */
async function studyHistory(dataDir: string) {
  const DAY = 86_400_000;
  const today = new Date();
  today.setHours(9, 0, 0, 0);
  let time = today.getTime() - 90 * DAY;
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const services = await createServices({
    dataDir,
    resourcesDir: join(import.meta.dirname, '../../resources'),
    clock: () => time,
  });
  await services['settings:update']({ newPerDay: 6 });
  for (let day = 90; day >= 1; day--) {
    time = today.getTime() - day * DAY;
    if (random() < 0.18) continue; // some days off
    for (let n = 0; n < 60; n++) {
      const { items } = await services['cards:queue'](undefined);
      const item = items[0];
      if (!item) break;
      const r = random();
      const rating = r < 0.1 ? 1 : r < 0.2 ? 2 : r < 0.93 ? 3 : 4;
      await services['cards:answer']({
        id: item.card.id,
        rating,
        reps: item.card.schedule.reps,
        durationMs: Math.round(3000 + random() * 9000),
      });
      time += Math.round(20_000 + random() * 40_000);
    }
  }
  await services['settings:update']({ newPerDay: 20 });
  await services.dispose();
}

for (const theme of ['light', 'dark'] as const) {
  test(`review, card browser and statistics, ${theme}`, async ({ app }) => {
    await app.restart(() => studyHistory(app.dataDir));
    const { page } = app;
    await page.emulateMedia({ colorScheme: theme });
    await page.keyboard.press('Control+5');
    const card = page.getByRole('region', { name: /^Flashcard/ });
    await expect(card).toBeFocused();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS, `review-front-${theme}.png`) });
    await page.keyboard.press('Space');
    await page.keyboard.press('c');
    await expect(page.getByRole('complementary', { name: 'In context' })).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS, `review-answer-${theme}.png`) });

    await page.keyboard.press('Control+6');
    await expect(page.getByRole('table')).toBeVisible();
    await page.getByRole('button', { name: 'Lapses' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS, `cards-${theme}.png`) });

    await page.keyboard.press('Control+7');
    await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 1010 }); // the whole page, unscrolled
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS, `stats-${theme}.png`) });
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`command palette, find in article and the Search view, ${theme}`, async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: theme });
    await annotate(page);
    await page.reload();
    await page.getByRole('button', { name: /Essence, Structural Framework/ }).click();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('productive forces');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(DOCS, `find-${theme}.png`) });
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+k');
    await page.keyboard.type('total factr');
    await expect(page.getByRole('group', { name: 'Highlights and notes' })).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS, `palette-${theme}.png`) });
    await page.keyboard.press('Escape');

    await nav(page, 'Search').click();
    await page.getByRole('searchbox', { name: 'Search everything' }).fill('digital economy');
    await page.getByRole('combobox', { name: 'Article' }).selectOption('cgtn');
    await expect(
      page.getByRole('list', { name: 'Results' }).getByRole('button').first(),
    ).toBeVisible();
    await page.mouse.click(5, 850);
    await page.screenshot({ path: join(DOCS, `search-${theme}.png`) });
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`your data, ${theme}`, async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: theme });
    await annotate(page);
    await app.restart(); // a backup at quit, for the list
    await nav(app.page, 'Your data').click();
    await expect(app.page.getByRole('table')).toBeVisible();
    await app.page.mouse.click(5, 850);
    await app.page.screenshot({ path: join(DOCS, `data-${theme}.png`) });
  });
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`first run, ${theme}`, () => {
    test.use({ firstRun: true });
    test(`welcome tour, Help and About, ${theme}`, async ({ app }) => {
      const { page } = app;
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.getByRole('dialog', { name: /Welcome/ })).toBeVisible();
      await page.screenshot({ path: join(DOCS, `tour-${theme}.png`) });
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
      await page.mouse.click(5, 850);
      await page.screenshot({ path: join(DOCS, `help-${theme}.png`) });
      await page.getByRole('button', { name: 'About Xinzhi, sources and licences' }).click();
      await expect(page.getByRole('dialog', { name: 'About Xinzhi' })).toBeVisible();
      await page.screenshot({ path: join(DOCS, `about-${theme}.png`) });
    });
  });
}
