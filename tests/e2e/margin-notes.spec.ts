import { expect, test } from './fixtures';

/**
 * An article with many notes: only the cards within a screen of the view are drawn (a thousand
 * drawn cards made every change slow), and moving through the highlights brings each one's card.
 */

const ARTICLE = /Accelerating the Development of New Quality Productive Forces/;
const COUNT = 150;

test('with 150 notes, the margin draws those near the view; Alt+↑ and scrolling bring the rest', async ({
  app,
}) => {
  const { page } = app;
  // 150 short highlights spread evenly over the longest article, each with its number as note.
  await page.evaluate(async (count) => {
    const got = await window.api.corpusGet({ id: 'qiushi' });
    if (!got.ok) throw new Error(got.error.message);
    const text = got.value.blocks.map((b) => b.text).join('\n\n');
    for (let i = 0; i < count; i++) {
      const start = Math.floor((i * (text.length - 40)) / count);
      const end = start + 20;
      const made = await window.api.highlightsCreate({
        articleId: 'qiushi',
        quote: {
          type: 'TextQuoteSelector',
          exact: text.slice(start, end),
          prefix: text.slice(Math.max(0, start - 32), start),
          suffix: text.slice(end, end + 32),
        },
        position: { type: 'TextPositionSelector', start, end },
        color: 'green',
        note: `Margin note ${i}`,
      });
      if (!made.ok) throw new Error(made.error.message);
    }
  }, COUNT);
  await page.getByRole('button', { name: ARTICLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: ARTICLE })).toBeVisible();
  await page.getByRole('button', { name: 'Contents' }).click();

  const cards = page.locator('.margin-notes > .margin-note');
  const note = (i: number) =>
    cards.filter({ has: page.getByText(`Margin note ${i}`, { exact: true }) });
  await expect(note(0)).toBeVisible();
  const drawn = await cards.count();
  expect(drawn).toBeGreaterThan(3);
  expect(drawn).toBeLessThan(COUNT / 2);
  await expect(note(COUNT - 1)).toHaveCount(0);

  // Alt+↑ with nothing selected goes to the last highlight: its card opens beside it, with its
  // neighbours drawn, and the first ones are let go.
  await page.keyboard.press('Alt+ArrowUp');
  const selected = page.getByRole('region', { name: 'Selected highlight' });
  await expect(selected).toContainText(`Margin note ${COUNT - 1}`);
  await expect(note(COUNT - 2)).toBeVisible();
  await expect(note(0)).toHaveCount(0);

  // Back to the top by scrolling, as with the mouse wheel: the first cards are drawn again.
  await page.keyboard.press('Escape');
  await page.locator('.reader-scroll').evaluate((pane) => pane.scrollTo({ top: 0 }));
  await expect(note(0)).toBeVisible();
  await expect(note(COUNT - 1)).toHaveCount(0);
  await note(0)
    .getByRole('button', { name: /^Note on/ })
    .click();
  await expect(selected).toContainText('Margin note 0');
});
