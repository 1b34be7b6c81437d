import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { nav, seed, seriousViolations, type Seed } from './helpers';

const SEEDS: Seed[] = [
  {
    articleId: 'gmw',
    exact: 'Tian Kun, a Taihe Think Tank researcher',
    color: 'blue',
    note: 'Author of the *Taihe* piece.',
    tags: ['people'],
  },
  { articleId: 'gmw', exact: 'new technology, new economy, and new industry', color: 'green' },
  {
    articleId: 'cgtn',
    exact: 'New industries grow with strong momentum.',
    color: 'pink',
  },
];

const notesItem = (page: Page, text: string) =>
  page
    .getByRole('list', { name: 'Highlights' })
    .getByRole('listitem')
    .filter({ has: page.locator('.note-open'), hasText: text });
const trashList = (page: Page) => page.getByRole('list', { name: 'Deleted highlights' });
const trashItem = (page: Page, text: string) =>
  trashList(page).getByRole('listitem').filter({ hasText: text });

test('delete from Notes → Trash → Restore → back in Notes; Delete forever asks first', async ({
  app,
}) => {
  const { page } = app;
  await seed(page, SEEDS);
  await nav(page, 'Trash').click();
  await expect(page.getByRole('heading', { name: 'The Trash is empty' })).toBeVisible();
  await expect(page.getByText('Deleted highlights are kept for 30 days')).toBeVisible();

  await nav(page, 'Notes').click();
  await notesItem(page, 'Tian Kun').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Highlight moved to the Trash.')).toBeVisible();
  await expect(notesItem(page, 'Tian Kun')).toHaveCount(0);
  await expect(page.locator('.notes-count-main')).toHaveText('2 highlights');
  // The keyboard stays in the list, on the item that took the deleted one's place.
  await notesItem(page, 'new technology').locator('.note-open').focus();
  await page.keyboard.press('Delete');
  await expect(notesItem(page, 'new technology')).toHaveCount(0);
  await expect(notesItem(page, 'New industries').locator('.note-open')).toBeFocused();

  await nav(page, 'Trash').click();
  await expect(trashList(page).getByRole('listitem')).toHaveCount(2);
  // Newest first, with the note, the article and the days left.
  await expect(trashList(page).getByRole('listitem').first()).toContainText('new technology');
  const tian = trashItem(page, 'Tian Kun');
  await expect(tian).toContainText('Author of the Taihe piece.');
  await expect(tian).toContainText('What are New Quality Productive Forces');
  await expect(tian).toContainText('30 days left');

  await tian.getByRole('button', { name: 'Restore' }).click();
  await expect(trashItem(page, 'Tian Kun')).toHaveCount(0);
  await nav(page, 'Notes').click();
  await expect(notesItem(page, 'Tian Kun')).toHaveCount(1);
  await expect(notesItem(page, 'Tian Kun')).toContainText('Author of the Taihe piece.');

  // Delete forever: Cancel keeps it; confirming removes it for good.
  await nav(page, 'Trash').click();
  const tech = trashItem(page, 'new technology');
  await tech.getByRole('button', { name: 'Delete forever' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this highlight forever?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(tech).toHaveCount(1);
  await tech.getByRole('button', { name: 'Delete forever' }).click();
  await dialog.getByRole('button', { name: 'Delete forever' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'The Trash is empty' })).toBeVisible();
  await nav(page, 'Notes').click();
  await expect(notesItem(page, 'new technology')).toHaveCount(0);
  expect(
    await page.evaluate(async () => {
      const r = await window.api.trashList();
      return r.ok ? r.value.length : -1;
    }),
  ).toBe(0);
});

test('Undo in the notice after a delete brings the highlight back', async ({ app }) => {
  const { page } = app;
  await seed(page, SEEDS);
  await nav(page, 'Notes').click();
  await notesItem(page, 'New industries').getByRole('button', { name: 'Delete' }).click();
  await expect(notesItem(page, 'New industries')).toHaveCount(0);
  const notice = page.locator('.notice', { hasText: 'Highlight moved to the Trash.' });
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(notesItem(page, 'New industries')).toHaveCount(1);
  await expect(page.getByText('Undone: delete highlight.')).toBeVisible();
  await nav(page, 'Trash').click();
  await expect(page.getByRole('heading', { name: 'The Trash is empty' })).toBeVisible();

  // Ctrl+Z works too, and the Trash follows.
  await nav(page, 'Notes').click();
  await notesItem(page, 'New industries').getByRole('button', { name: 'Delete' }).click();
  await expect(notesItem(page, 'New industries')).toHaveCount(0);
  await nav(page, 'Trash').click();
  await expect(trashItem(page, 'New industries')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(trashItem(page, 'New industries')).toHaveCount(0);
});

test('Empty Trash asks for confirmation and removes everything', async ({ app }) => {
  const { page } = app;
  const ids = await seed(page, SEEDS);
  for (const id of ids) await page.evaluate((h) => window.api.highlightsDelete({ id: h }), id);
  await nav(page, 'Trash').click();
  await expect(trashList(page).getByRole('listitem')).toHaveCount(3);
  await expect(page.locator('.notes-count-main')).toHaveText('3 deleted highlights');

  await page.getByRole('button', { name: 'Empty Trash' }).click();
  const dialog = page.getByRole('dialog', { name: 'Empty the Trash?' });
  await expect(dialog).toContainText('All 3 deleted highlights');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(trashList(page).getByRole('listitem')).toHaveCount(3);

  await page.getByRole('button', { name: 'Empty Trash' }).click();
  await dialog.getByRole('button', { name: 'Empty Trash' }).click();
  await expect(page.getByRole('heading', { name: 'The Trash is empty' })).toBeVisible();
  await expect(page.getByText('The Trash is empty.')).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation in the Trash (${theme})`, async ({ app }) => {
    const { page } = app;
    await page.evaluate((t) => window.api.settingsUpdate({ theme: t }), theme);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await nav(page, 'Trash').click();
    await expect(page.getByRole('heading', { name: 'The Trash is empty' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    const ids = await seed(page, SEEDS);
    for (const id of ids) await page.evaluate((h) => window.api.highlightsDelete({ id: h }), id);
    await nav(page, 'Library').click();
    await nav(page, 'Trash').click();
    await expect(trashList(page).getByRole('listitem')).toHaveCount(3);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Empty Trash' }).click();
    await expect(page.getByRole('dialog', { name: 'Empty the Trash?' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
