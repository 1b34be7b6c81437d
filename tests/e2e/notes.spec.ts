import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { nav, seed, seriousViolations, type Seed } from './helpers';

const SEEDS: Seed[] = [
  {
    articleId: 'taihe',
    exact: 'new quality productive forces are about enhancing the interaction',
    color: 'yellow',
    note: 'The **core** of the definition.',
    tags: ['definition'],
  },
  {
    articleId: 'gmw',
    exact: 'Tian Kun, a Taihe Think Tank researcher',
    color: 'blue',
    tags: ['people'],
  },
  {
    articleId: 'gmw',
    exact: 'new technology, new economy, and new industry',
    color: 'green',
  },
];

const notesList = (page: Page) => page.getByRole('list', { name: 'Highlights' });
const items = (page: Page) =>
  notesList(page)
    .getByRole('listitem')
    .filter({ has: page.locator('.note-open') });
const count = (page: Page) => page.locator('.notes-count-main');

test('Notes lists every highlight; filters narrow the list; Clear filters brings all back', async ({
  app,
}) => {
  const { page } = app;
  await nav(page, 'Notes').click();
  await expect(page.getByRole('heading', { name: 'No highlights yet' })).toBeVisible();

  const ids = await seed(page, SEEDS);
  await nav(page, 'Library').click();
  await nav(page, 'Notes').click();
  await expect(items(page)).toHaveCount(3);
  await expect(count(page)).toHaveText('3 highlights');
  // By position: article order (gmw before taihe), then where each starts.
  await expect(items(page).locator('.note-quote')).toHaveText([
    SEEDS[2].exact,
    SEEDS[1].exact,
    SEEDS[0].exact,
  ]);
  const first = items(page).filter({ hasText: SEEDS[0].exact });
  await expect(first.locator('.note-text strong')).toHaveText('core');
  await expect(first).toContainText('Essence, Structural Framework');
  await expect(first.getByRole('list', { name: 'Tags' })).toHaveText('definition');

  // Colour
  await page.getByRole('button', { name: 'Blue', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Blue', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(items(page)).toHaveCount(1);
  await expect(items(page)).toContainText('Tian Kun');
  await expect(count(page)).toHaveText('1 of 3 highlights');
  await page.getByRole('button', { name: 'Green', exact: true }).click();
  await expect(items(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(items(page)).toHaveCount(3);

  // Article
  await page.getByRole('combobox', { name: 'Article' }).selectOption('taihe');
  await expect(items(page)).toHaveCount(1);
  await expect(items(page)).toContainText(SEEDS[0].exact);
  await page.getByRole('combobox', { name: 'Article' }).selectOption('');

  // Tag
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('people');
  await expect(items(page)).toHaveCount(1);
  await expect(items(page)).toContainText('Tian Kun');
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('');

  // Has a note
  await page.getByRole('checkbox', { name: 'Has a note' }).check();
  await expect(items(page)).toHaveCount(1);
  await expect(items(page)).toContainText(SEEDS[0].exact);
  await page.getByRole('checkbox', { name: 'Has a note' }).uncheck();

  // Text: words anywhere in quote, note or tags; no match shows its own empty state.
  const filter = page.getByRole('searchbox', { name: 'Filter notes' });
  await filter.fill('economy');
  await expect(items(page)).toHaveCount(1);
  await expect(items(page).locator('mark')).toHaveText('economy');
  await filter.fill('CORE definition');
  await expect(items(page)).toHaveCount(1);
  await expect(items(page)).toContainText(SEEDS[0].exact);
  await filter.fill('people');
  await expect(items(page)).toContainText('Tian Kun');
  await filter.fill('no such words');
  await expect(page.getByRole('heading', { name: 'No highlights match' })).toBeVisible();
  await expect(count(page)).toHaveText('0 of 3 highlights');

  // Filters persist while the app runs.
  await nav(page, 'Library').click();
  await nav(page, 'Notes').click();
  await expect(page.getByRole('searchbox', { name: 'Filter notes' })).toHaveValue('no such words');
  await page.getByRole('button', { name: 'Clear filters' }).last().click();
  await expect(items(page)).toHaveCount(3);
  await expect(filter).toHaveValue('');

  // Sort by date: the most recently changed first.
  await page.waitForTimeout(20);
  await page.evaluate(async (id) => {
    await window.api.highlightsUpdate({ id, note: 'Edited last.' });
  }, ids[1]);
  await nav(page, 'Library').click();
  await nav(page, 'Notes').click();
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('date');
  await expect(items(page).first()).toContainText('Tian Kun');
  await expect(items(page).first()).toContainText('Edited last.');
});

test('clicking a highlight opens the reader at its passage; keys move between items', async ({
  app,
}) => {
  const { page } = app;
  const far = {
    articleId: 'qiushi',
    exact: 'Innovation is the primary driver of development.',
    color: 'purple' as const,
  };
  await seed(page, [...SEEDS, far]);
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
  await expect(items(page)).toHaveCount(4);

  // Arrow keys move between the items; Enter opens one.
  const open = notesList(page).locator('button.note-open');
  await open.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(open.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(open.nth(3)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(open.nth(2)).toBeFocused();

  await page.getByRole('button', { name: far.exact }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /Accelerating the Development/ }),
  ).toBeVisible();
  // The passage (well down the article) is scrolled into view.
  const block = page.locator('[data-block-id]', { hasText: far.exact }).first();
  await expect(block).toBeInViewport();
});

test('Library cards count highlights and notes', async ({ app }) => {
  const { page } = app;
  await seed(page, SEEDS);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  const card = (title: RegExp) => page.getByRole('button', { name: title });
  await expect(card(/What are New Quality/)).toContainText('2 highlights');
  await expect(card(/What are New Quality/)).not.toContainText('note');
  await expect(card(/Essence, Structural Framework/)).toContainText('1 highlight · 1 note');
  await expect(card(/Accelerating the Development/).locator('.card-marks')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // Counts follow changes made elsewhere, such as an undo.
  await nav(page, 'Notes').click();
  await items(page).filter({ hasText: 'Tian Kun' }).getByRole('button', { name: 'Delete' }).click();
  await nav(page, 'Library').click();
  await expect(card(/What are New Quality/)).toContainText('1 highlight');
  await page.keyboard.press('Control+z');
  await expect(card(/What are New Quality/)).toContainText('2 highlights');
});

test('statuses: moved, needs confirming and orphaned highlights; confirm, re-attach', async ({
  app,
}) => {
  let { page } = app;
  const ids = await seed(page, [
    ...SEEDS,
    { articleId: 'gmw', exact: 'new quality productive forces', color: 'pink' },
  ]);
  // Pretend the corpus changed under three of them.
  const { readFile, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  await app.restart(async () => {
    const file = join(app.dataDir, 'xinzhi.json');
    const data = JSON.parse(await readFile(file, 'utf8'));
    for (const h of data.highlights) {
      if (h.id === ids[0]) {
        h.contentHash = 'changed';
        h.position = { ...h.position, start: h.position.start + 40, end: h.position.end + 40 };
      }
      if (h.id === ids[1]) {
        h.contentHash = 'changed';
        h.quote = {
          ...h.quote,
          exact: 'Zq vvx kpl wrt hhu, a mmnb ydf fgd oopq',
          prefix: '',
          suffix: '',
        };
      }
      if (h.id === ids[3]) {
        h.contentHash = 'changed';
        h.position = { ...h.position, start: h.position.start + 5, end: h.position.end + 5 };
      }
    }
    await writeFile(file, JSON.stringify(data));
  });
  page = app.page;
  await nav(page, 'Notes').click();
  await expect(items(page)).toHaveCount(4);
  const moved = items(page).filter({ hasText: SEEDS[0].exact });
  const orphan = items(page).filter({ hasText: 'Zq vvx' });
  const unsure = items(page).filter({ hasText: 'Needs confirming' });
  await expect(moved.locator('.status-badge')).toHaveText('Moved');
  await expect(orphan.locator('.status-badge')).toHaveText('Orphaned');
  await expect(unsure).toHaveCount(1);

  await page.getByRole('combobox', { name: 'Status' }).selectOption('orphaned');
  await expect(items(page)).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('uncertain');
  await expect(items(page)).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('all');
  // Orphaned ones come last within their article.
  await expect(items(page).nth(2)).toContainText('Zq vvx');

  expect(await seriousViolations(page)).toEqual([]);

  await unsure.getByRole('button', { name: 'Confirm place' }).click();
  await expect(items(page).filter({ hasText: 'Needs confirming' })).toHaveCount(0);
  await expect(page.getByText('Highlight confirmed in its new place.')).toBeVisible();

  await orphan.getByRole('button', { name: 'Re-attach…' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /What are New Quality Productive Forces/ }),
  ).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation in Notes (${theme})`, async ({ app }) => {
    const { page } = app;
    await page.evaluate((t) => window.api.settingsUpdate({ theme: t }), theme);
    await seed(page, SEEDS);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await nav(page, 'Notes').click();
    await expect(items(page)).toHaveCount(3);
    await page.getByRole('button', { name: 'Yellow', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Filter notes' }).fill('core');
    await expect(items(page)).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('searchbox', { name: 'Filter notes' }).fill('nothing like this');
    await expect(page.getByRole('heading', { name: 'No highlights match' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
