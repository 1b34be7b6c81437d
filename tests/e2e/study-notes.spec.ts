import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations } from './helpers';

/** Study notes in "About this article": the source, a summary, key terms and questions. */

async function openAbout(page: Page) {
  await page.getByRole('button', { name: /Essence, Structural Framework/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Essence, Structural Framework/);
  await page.getByRole('button', { name: 'About this article', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'About this article' });
  const notes = panel.getByRole('region', { name: 'Study notes' });
  await expect(notes).toBeVisible();
  return notes;
}

test('the About panel shows study notes; a key term opens its Glossary entry', async ({ app }) => {
  const { page } = app;
  const notes = await openAbout(page);
  await expect(notes.getByRole('heading', { name: 'About the source' })).toBeVisible();
  await expect(notes.getByText(/Taihe Institute/).first()).toBeVisible();
  const summary = notes.getByRole('list', { name: 'Summary' }).getByRole('listitem');
  expect(await summary.count()).toBeGreaterThanOrEqual(3);
  expect(await summary.count()).toBeLessThanOrEqual(5);
  await expect(
    notes.getByRole('list', { name: 'Questions to discuss' }).getByRole('listitem'),
  ).toHaveCount(3);

  const terms = notes.getByRole('list', { name: 'Key terms' }).getByRole('button');
  expect(await terms.count()).toBeGreaterThanOrEqual(3);
  const term = terms.nth(1);
  const name = (await term.textContent()) ?? '';
  expect(name).not.toMatch(/-/); // a name, not an id
  await term.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toHaveText(name);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation with study notes open (${theme})`, async ({
    app,
  }) => {
    const { page } = app;
    await page.evaluate((t) => window.api.settingsUpdate({ theme: t }), theme);
    await page.reload();
    const notes = await openAbout(page);
    await expect(notes.getByRole('list', { name: 'Questions to discuss' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
