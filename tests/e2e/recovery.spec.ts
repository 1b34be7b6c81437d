import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('a damaged data file is kept aside, the last backup restored, and the user told', async ({
  app,
}) => {
  let { page } = app;
  await page.getByRole('button', { name: /Essence, Structural Framework/ }).click();
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect(page.locator('article.article')).toHaveCSS('font-size', '20px');
  await app.restart(); // quitting takes a backup

  const garbage = '{"schemaVersion":1,"settings":{"theme":"da';
  await app.restart(() => writeFile(join(app.dataDir, 'xinzhi.json'), garbage));
  page = app.page;
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be read');
  await expect(alert).toContainText(/restored from the backup xinzhi-.*\.json/);
  // The backup's data is back: same article, same text size.
  await expect(
    page.getByRole('heading', { level: 1, name: /Essence, Structural Framework/ }),
  ).toBeVisible();
  await expect(page.locator('article.article')).toHaveCSS('font-size', '20px');
  // The damaged file was kept, byte for byte.
  const damaged = (await readdir(app.dataDir)).filter((f) => f.startsWith('xinzhi.damaged-'));
  expect(damaged).toHaveLength(1);
  expect(await readFile(join(app.dataDir, damaged[0]), 'utf8')).toBe(garbage);

  await alert.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
