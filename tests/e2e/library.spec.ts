import { expect, test } from './fixtures';

const ARTICLES = [
  { title: /What are New Quality Productive Forces/, author: 'Light Blade' },
  { title: /Essence, Structural Framework/, author: 'Tian Kun' },
  { title: /Accelerating the Development/, author: 'Zhang Laiming' },
  { title: /innovation path/i, author: 'Zhang Chi' },
  { title: /revolutionize industrial landscape/, author: 'Chinese Social Sciences Today' },
];

test('the library lists the five articles with their authors, publishers and progress', async ({
  app,
}) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  const cards = page.getByRole('list', { name: 'Articles' }).getByRole('button');
  await expect(cards).toHaveCount(5);
  for (const [i, a] of ARTICLES.entries()) {
    await expect(cards.nth(i)).toContainText(a.title);
    await expect(cards.nth(i)).toContainText(a.author);
  }
  await expect(cards.first()).toContainText('GMW.cn');
  await expect(page.getByRole('progressbar', { name: /Read of/ })).toHaveCount(5);
});

test('the library is keyboard navigable and Enter opens an article', async ({ app }) => {
  const { page } = app;
  const cards = page.getByRole('list', { name: 'Articles' }).getByRole('button');
  await expect(cards.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(cards.nth(2)).toBeFocused();
  await page.keyboard.press('End');
  await expect(cards.nth(4)).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: /Essence, Structural Framework/ }),
  ).toBeVisible();
  await expect(page).toHaveTitle(/Essence, Structural Framework.*Xinzhi/);
});
