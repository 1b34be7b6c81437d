import { expect, test } from './fixtures';
import { flashedText, nav, seriousViolations } from './helpers';

/** The Glossary view: filter, entries, the concordance, and the way back to the text. */

test('filter "total factor", open the entry, click an occurrence → the reader at that passage', async ({
  app,
}) => {
  const { page } = app;
  await nav(page, 'Glossary').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter terms' }).fill('total factor');
  const terms = page.getByRole('navigation', { name: 'Terms' });
  await terms.getByRole('button', { name: /^Total factor productivity/i }).click();
  const entry = page.getByRole('article', { name: /Total factor productivity/i });
  await expect(entry.getByRole('heading', { level: 2 })).toHaveText(/total factor productivity/i);
  await expect(entry.getByText(/\d+ in all/)).toBeVisible();

  const first = entry.locator('.kwic button').first();
  const match = (await first.locator('mark').textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('region', { name: /^Text of/ })).toBeVisible();
  await expect.poll(() => flashedText(page)).toBe(match);
});

test('typing "xinzhi" finds the central term; A–Z and by category', async ({ app }) => {
  const { page } = app;
  await nav(page, 'Glossary').click();
  await page.getByRole('searchbox', { name: 'Filter terms' }).fill('xinzhi');
  const terms = page.getByRole('navigation', { name: 'Terms' });
  await expect(terms.getByRole('button', { name: /New quality productive forces/i })).toBeVisible();
  await expect(page.getByRole('article')).toContainText('新质生产力');
  await expect(page.getByRole('article')).toContainText('xīnzhì shēngchǎnlì');

  await page.getByRole('searchbox', { name: 'Filter terms' }).fill('');
  await page.getByRole('button', { name: 'By category' }).click();
  await expect(terms.getByRole('heading', { name: 'The concept and its parts' })).toBeVisible();
  await page.getByRole('button', { name: 'A–Z' }).click();
  await expect(terms.getByRole('heading', { name: 'A', exact: true })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation in the glossary (${theme})`, async ({ app }) => {
    const { page } = app;
    await page.evaluate((t) => window.api.settingsUpdate({ theme: t }), theme);
    await page.reload();
    await nav(page, 'Glossary').click();
    await expect(page.getByRole('article')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
