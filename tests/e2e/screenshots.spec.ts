import { join } from 'node:path';
import { expect, test } from './fixtures';

/** `npm run screenshots`: the pictures in docs/ and the README, taken from the real app. */
const DOCS = join(import.meta.dirname, '../../docs');

for (const theme of ['light', 'dark'] as const) {
  test(`library and reader, ${theme}`, async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: theme });
    // Read a little of two articles first, so the library shows progress.
    await page.getByRole('button', { name: /What are New Quality/ }).click();
    await page.getByRole('region', { name: /Text of/ }).evaluate((el) => el.scrollBy(0, 1400));
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: 'Library' }).click();
    await page.getByRole('button', { name: /Essence, Structural Framework/ }).click();
    await page.getByRole('button', { name: 'About this article' }).click();
    await expect(page.getByRole('heading', { name: 'About this article' })).toBeVisible();
    await page.getByRole('region', { name: /Text of/ }).evaluate((el) => el.scrollBy(0, 500));
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(DOCS, `reader-${theme}.png`) });
    await page.getByRole('button', { name: 'Library' }).click();
    await expect(page.getByText('Continue reading')).toBeVisible();
    await page.mouse.click(5, 850); // move focus away from the first card for a calm picture
    await page.screenshot({ path: join(DOCS, `library-${theme}.png`) });
  });
}

test('reader settings, sepia', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: /Accelerating the Development/ }).click();
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByRole('button', { name: 'Sepia' }).click();
  await page.screenshot({ path: join(DOCS, 'reader-sepia-settings.png') });
});
