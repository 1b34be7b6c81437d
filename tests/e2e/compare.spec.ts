import type { Page } from '@playwright/test';
import type { ArticleSummary } from '../../src/shared/article';
import type { ComparisonItem } from '../../src/shared/glossary';
import { expect, test } from './fixtures';
import { nav, seriousViolations } from './helpers';

/** The Compare view: five sources side by side, and each quote a way into the text. */

async function data(page: Page): Promise<{ articles: ArticleSummary[]; items: ComparisonItem[] }> {
  return page.evaluate(async () => {
    const [articles, items] = await Promise.all([
      window.api.corpusList(),
      window.api.glossaryCompare(),
    ]);
    if (!articles.ok) throw new Error(articles.error.message);
    if (!items.ok) throw new Error(items.error.message);
    return { articles: articles.value, items: items.value };
  });
}

/** The text under the reader's flash highlight ('' once it has faded). */
const flashText = (page: Page) =>
  page.evaluate(() => {
    const flash = CSS.highlights.get('hl-flash');
    if (!flash) return '';
    return [...flash]
      .map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      })
      .join('');
  });

test('five sources in order, each with author, publisher and date; a quote opens the reader there', async ({
  app,
}) => {
  const { page } = app;
  const { articles, items } = await data(page);
  await nav(page, 'Compare').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare the sources' })).toBeVisible();

  const cards = page.getByRole('list', { name: 'Sources' }).getByRole('article');
  await expect(cards).toHaveCount(5);
  const dates: string[] = [];
  for (const [i, item] of items.entries()) {
    const a = articles.find((x) => x.id === item.articleId)!;
    const card = cards.nth(i);
    await expect(card).toHaveAccessibleName(a.title);
    await expect(card.getByRole('heading', { level: 3 })).toHaveText(item.angle);
    const byline = card.locator('.compare-byline');
    await expect(byline).toContainText(a.author);
    await expect(byline).toContainText(a.publisher);
    await expect(byline.locator(`time[datetime="${a.date}"]`)).toBeVisible();
    await expect(card.getByRole('button')).toHaveCount(item.quotes.length);
    dates.push(a.date);
  }
  expect(dates).toEqual([...dates].sort());

  // A quote from the think-tank piece: the reader opens at it and flashes exactly that passage.
  const item = items.find((x) => x.articleId === 'taihe')!;
  const article = articles.find((x) => x.id === item.articleId)!;
  const quote = item.quotes[1];
  await page
    .getByRole('article', { name: article.title })
    .getByRole('button', { name: quote.text, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
  await expect.poll(() => flashText(page)).toBe(quote.text);
});

test('keyboard: Enter on a quote opens it, Ctrl+8 comes back to Compare', async ({ app }) => {
  const { page } = app;
  const { articles, items } = await data(page);
  await page.keyboard.press('Control+8');
  await expect(page.getByRole('heading', { level: 1, name: 'Compare the sources' })).toBeVisible();
  const item = items.find((x) => x.articleId === 'gmw')!;
  const quote = item.quotes[0];
  const button = page.getByRole('button', { name: quote.text, exact: true });
  await button.focus();
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  const title = articles.find((a) => a.id === item.articleId)!.title;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect.poll(() => flashText(page)).toBe(quote.text);

  await page.keyboard.press('Control+8');
  await expect(page.getByRole('heading', { level: 1, name: 'Compare the sources' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('article')).toHaveCount(5);
});

// The flash is painted with the highlights, after the glossary's term marks have rewrapped the
// text: a quote that ends where a term ends flashes in full.
test('every quote opens its article and flashes in full', async ({ app }) => {
  const { page } = app;
  const { items } = await data(page);
  for (const item of items) {
    for (const quote of item.quotes) {
      await nav(page, 'Compare').click();
      await page.getByRole('button', { name: quote.text, exact: true }).click();
      await expect.poll(() => flashText(page)).toBe(quote.text);
    }
  }
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation in Compare (${theme})`, async ({ app }) => {
    const { page } = app;
    await page.evaluate((t) => window.api.settingsUpdate({ theme: t }), theme);
    await page.reload();
    await nav(page, 'Compare').click();
    await expect(page.getByRole('list', { name: 'Sources' }).getByRole('article')).toHaveCount(5);
    expect(await seriousViolations(page)).toEqual([]);
  });
}
