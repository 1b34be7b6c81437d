import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ROOT } from './harness';
import { nav, seriousViolations } from './helpers';

/** The first run's welcome tour, the Help view (F1), About, and the window title. */

test.describe('a first run', () => {
  test.use({ firstRun: true });

  test('shows the welcome tour once; Start reading opens the first article', async ({ app }) => {
    const { page } = app;
    const tour = page.getByRole('dialog', { name: 'Welcome to Xinzhi 新质' });
    await expect(tour).toBeVisible();
    await expect(tour.getByRole('listitem')).toHaveCount(4);
    for (const step of ['Read', 'Highlight', 'Look up', 'Review']) {
      await expect(tour.getByRole('heading', { name: step, exact: true })).toBeVisible();
    }
    await expect(tour.getByRole('button', { name: 'Start reading' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(tour).toBeHidden();
    const first = await page.evaluate(async () => {
      const r = await window.api.corpusList();
      return r.ok ? r.value[0]!.title : '';
    });
    await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();
    await expect(page).toHaveTitle(`${first} — Xinzhi`);

    await app.restart();
    await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();
    await expect(page.getByRole('dialog', { name: /Welcome/ })).toBeHidden();
  });

  test('Esc closes the tour for good; Help brings it back', async ({ app }) => {
    const { page } = app;
    const tour = page.getByRole('dialog', { name: /Welcome to Xinzhi/ });
    await expect(tour).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(tour).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
    await app.restart();
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
    await expect(tour).toBeHidden();

    await page.keyboard.press('F1');
    await page.getByRole('button', { name: 'Show the welcome tour' }).click();
    await expect(tour).toBeVisible();
    await tour.getByRole('button', { name: 'Look around first' }).click();
    await expect(tour).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
  });
});

test('F1 opens Help, which lists every keyboard shortcut', async ({ app }) => {
  const { page } = app;
  await page.keyboard.press('F1');
  const help = page.getByRole('main', { name: 'Help' });
  await expect(help.getByRole('heading', { level: 1, name: 'Help' })).toBeFocused();
  await expect(nav(page, 'Help')).toHaveAttribute('aria-current', 'page');
  const rows = help.locator('.shortcut');
  expect(await rows.count()).toBeGreaterThan(40);
  // A key of each view, with what it does.
  for (const [key, action] of [
    ['F1', 'Help'],
    ['Ctrl K', 'Search everything'],
    ['Ctrl Shift F', 'Search view with filters'],
    ['Ctrl F', 'Find in the article'],
    ['Enter', 'Open the article'],
    ['1', 'Again, Hard, Good, Easy'],
    ['n', 'Highlight and write a note'],
    ['/', 'Filter the notes'],
  ]) {
    const row = rows.filter({ hasText: action });
    await expect(row.first().getByText(key!, { exact: true }).first()).toBeVisible();
  }
  for (const group of ['Anywhere', 'Library', 'Reader', 'Review', 'Notes', 'Selected text']) {
    const keys = help.getByRole('region', { name: 'Keyboard shortcuts' });
    await expect(keys.getByRole('heading', { name: group, exact: true })).toBeVisible();
  }
  // The same list as the `?` dialog.
  const listed = await help.locator('.shortcut dd').allTextContents();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  expect(await dialog.locator('.shortcut dd').allTextContents()).toEqual(listed);
  await page.keyboard.press('Escape');
  // The data folder is named, and its button leads to Your data.
  await expect(help.getByText(app.dataDir, { exact: true })).toBeVisible();
  await help.getByRole('button', { name: 'Open Your data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
});

test('About names every article with its author, publisher and date, and the licences', async ({
  app,
}) => {
  const { page } = app;
  await page.keyboard.press('F1');
  const opener = page.getByRole('button', { name: 'About Xinzhi, sources and licences' });
  await opener.click();
  const about = page.getByRole('dialog', { name: 'About Xinzhi' });
  await expect(about).toBeVisible();
  const articles = await page.evaluate(async () => {
    const r = await window.api.corpusList();
    return r.ok ? r.value : [];
  });
  expect(articles).toHaveLength(5);
  for (const a of articles) {
    const row = about.getByRole('row').filter({ hasText: a.title });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(a.author);
    await expect(row).toContainText(a.publisher);
    await expect(row.locator('time')).toHaveAttribute('datetime', a.date);
  }
  const fsrs = about.getByRole('row').filter({ has: page.getByRole('link', { name: 'ts-fsrs' }) });
  await expect(fsrs).toContainText('MIT');
  await expect(about.getByRole('row').filter({ hasText: 'dompurify' })).toContainText('MPL-2.0');
  const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  await expect(about).toContainText(`version ${version}.`);
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
  await expect(opener).toBeFocused();

  // Also from the command palette.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox').fill('about');
  await page.keyboard.press('Enter');
  await expect(about).toBeVisible();
});

test('the window title names the article being read, and only then', async ({ app }) => {
  const { page } = app;
  await expect(page).toHaveTitle('Xinzhi');
  await page.getByRole('button', { name: /Charting China's innovation path/ }).click();
  await expect(page).toHaveTitle(
    "Charting China's innovation path with new quality productive forces — Xinzhi",
  );
  await nav(page, 'Notes').click();
  await expect(page).toHaveTitle('Xinzhi');
  await page.keyboard.press('Control+2');
  await expect(page).toHaveTitle(/^Charting China's innovation path.* — Xinzhi$/);
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`axe (${theme})`, () => {
    test.use({ firstRun: true });
    test(`no serious or critical violation in the tour, Help and About (${theme})`, async ({
      app,
    }) => {
      const { page } = app;
      await page.evaluate((t) => window.api.settingsUpdate({ theme: t }), theme);
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.getByRole('dialog', { name: /Welcome/ })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'About Xinzhi, sources and licences' }).click();
      await expect(page.getByRole('dialog', { name: 'About Xinzhi' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test("a new user's views each say what goes there and how to start", async ({ app }) => {
  const { page } = app;
  const main = page.getByRole('main');
  const expectations: [string, RegExp][] = [
    ['Notes', /No highlights yet/],
    ['Statistics', /No reviews yet\. Your first session fills these charts/],
    ['Trash', /The Trash is empty/],
    ['Search', /Type to search the articles, the glossary, your highlights and notes/],
    ['Your data', /No backups yet: the first is taken at quit/],
  ];
  for (const [view, text] of expectations) {
    await nav(page, view).click();
    await expect(main.getByText(text)).toBeVisible();
  }
  await page.evaluate(() => window.api.settingsUpdate({ newPerDay: 0 }));
  await nav(page, 'Review').click();
  await expect(main.getByRole('heading', { name: 'Nothing to review right now' })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Browse cards' })).toBeVisible();
});
