import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** `npm run screenshots`: the pictures in docs/ and the README, taken from the real app. */
const DOCS = join(import.meta.dirname, '../../docs');

/** A few highlights with notes and tags in the Taihe article, made through the app's API. */
async function annotate(page: Page) {
  await page.evaluate(async () => {
    const article = await window.api.corpusGet({ id: 'taihe' });
    if (!article.ok) throw new Error(article.error.message);
    const text = article.value.blocks.map((b) => b.text).join('\n\n');
    const items: [string, 'yellow' | 'green' | 'blue' | 'pink' | 'purple', string, string[]][] = [
      [
        'new quality productive forces as a pivotal mechanism',
        'yellow',
        'The **core claim**: the concept is framed as the engine of the shift from *rapid* to *high-quality* growth.',
        ['core idea'],
      ],
      [
        'enhances total factor productivity through the optimal combination of labor forces, means of labor, and subjects of labor',
        'blue',
        'TFP again: compare how the CSST piece defines the **three components**.\n\n- workers\n- means of labour\n- subjects of labour',
        ['tfp', 'definitions'],
      ],
      [
        'not merely a buzzword',
        'pink',
        'Is it? The GMW piece reads it as a signal to investors.',
        ['question'],
      ],
      ['catalyzed by groundbreaking technological breakthroughs', 'green', '', ['evidence']],
    ];
    for (const [exact, color, note, tags] of items) {
      const start = text.indexOf(exact);
      const end = start + exact.length;
      const result = await window.api.highlightsCreate({
        articleId: 'taihe',
        quote: {
          type: 'TextQuoteSelector',
          exact,
          prefix: text.slice(Math.max(0, start - 32), start),
          suffix: text.slice(end, end + 32),
        },
        position: { type: 'TextPositionSelector', start, end },
        color,
        note,
        tags,
      });
      if (!result.ok) throw new Error(`${exact}: ${result.error.message}`);
    }
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`library, reader with notes, Notes view, ${theme}`, async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: theme });
    await annotate(page);
    // Read a little of an article first, so the library shows progress.
    await page.getByRole('button', { name: /What are New Quality/ }).click();
    await page.getByRole('region', { name: /Text of/ }).evaluate((el) => el.scrollBy(0, 1400));
    await page.waitForTimeout(500);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('button', { name: /Essence, Structural Framework/ }).click();
    await page.getByRole('button', { name: 'Contents' }).click();
    const text = page.getByRole('region', { name: /Text of/ });
    await text.evaluate((el) => el.scrollBy(0, 420));
    await page.getByRole('button', { name: /^Note on “enhances total factor/ }).click();
    await expect(page.getByRole('region', { name: 'Selected highlight' })).toBeVisible();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(DOCS, `reader-${theme}.png`) });

    await nav.getByRole('button', { name: 'Notes', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
    await page.mouse.click(5, 850);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS, `notes-${theme}.png`) });

    await nav.getByRole('button', { name: 'Library', exact: true }).click();
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
