import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { flashedText, nav, seed, seriousViolations } from './helpers';

/** Search: the command palette, find in article, and the Search view, from the keyboard. */

const palette = (page: Page) => page.getByRole('dialog', { name: 'Search and commands' });
const box = (page: Page) =>
  page.getByRole('combobox', { name: 'Search everything or type a command' });

/** Ctrl+K, and the box has focus (as a person would see before typing). */
async function openPalette(page: Page) {
  await page.keyboard.press('Control+k');
  await expect(box(page)).toBeFocused();
}

test('palette from the keyboard: a typo finds the paragraph, Enter opens it with a flash', async ({
  app,
}) => {
  const { page } = app;
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await expect(box(page)).toBeFocused();
  // With nothing typed, the commands are offered.
  await expect(palette(page).getByRole('option', { name: /Go to the Library/ })).toBeVisible();

  await page.keyboard.type('Huang Baorng'); // "Baorong", one letter dropped
  const passages = palette(page).getByRole('group', { name: 'Passages' });
  const first = passages.getByRole('option').first();
  await expect(first).toContainText('Huang Baorong');
  await expect(first.locator('mark').first()).toHaveText('Huang');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(box(page)).toHaveAttribute('aria-activedescendant', 'hit-p:gmw:b9');
  // Arrows move through the results and back.
  await page.keyboard.press('ArrowDown');
  await expect(first).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowUp');
  await expect(first).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: /China Watchers/ })).toBeVisible();
  await expect.poll(() => flashedText(page)).toContain('Huang Baorong');
});

test('palette commands: go to a view, toggle the theme', async ({ app }) => {
  const { page } = app;
  await openPalette(page);
  await page.keyboard.type('go tra');
  // The command comes first; results for the words follow it.
  await expect(palette(page).getByRole('option').first()).toHaveText(/Go to the Trash/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();

  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const before = await theme();
  await openPalette(page);
  await page.keyboard.type('dark theme');
  await page.keyboard.press('Enter');
  await expect.poll(theme).toBe(before === 'dark' ? 'light' : 'dark');
  // Esc closes without doing anything.
  await openPalette(page);
  await page.keyboard.type('library');
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
  // Esc and straight away Ctrl+K: it opens again (under load the soak once lost this Ctrl+K).
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await expect(palette(page)).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
});

test('find in article: every match marked, "1 of N", Enter and Shift+Enter step and wrap', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('button', { name: /China Watchers/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /China Watchers/ })).toBeVisible();
  // The number of matches, counted independently from the article's text.
  const expected = await page.evaluate(async () => {
    const got = await window.api.corpusGet({ id: 'gmw' });
    if (!got.ok) throw new Error(got.error.message);
    const text = got.value.blocks
      .map((b) => b.text)
      .join('\n\n')
      .toLowerCase();
    return text.split('productive forces').length - 1;
  });
  expect(expected).toBeGreaterThan(3);

  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in article' });
  await expect(find).toBeFocused();
  await page.keyboard.type('Productive Forces');
  const count = page.getByRole('search', { name: 'Find in article' }).getByRole('status');
  await expect(count).toHaveText(`1 of ${expected}`);
  const marked = () =>
    page.evaluate(() => ({
      all: CSS.highlights.get('find')?.size ?? 0,
      current: [...(CSS.highlights.get('find-current') ?? [])].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }),
    }));
  await expect.poll(async () => (await marked()).all).toBeGreaterThanOrEqual(expected);
  expect((await marked()).current.join('').toLowerCase()).toBe('productive forces');

  await page.keyboard.press('Enter');
  await expect(count).toHaveText(`2 of ${expected}`);
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText(`${expected} of ${expected}`);
  await page.keyboard.press('Enter');
  await expect(count).toHaveText(`1 of ${expected}`);

  await find.fill('no such phrase here');
  await expect(count).toHaveText('No matches');
  await page.keyboard.press('Escape');
  await expect(find).toBeHidden();
  await expect(page.getByRole('region', { name: /^Text of/ })).toBeFocused();
  expect((await marked()).all).toBe(0);
});

test('a new note is searchable at once, and still after a restart', async ({ app }) => {
  let { page } = app;
  await page.getByRole('button', { name: /Essence, Structural Framework/ }).click();
  const block = page.locator('[data-block-id="b3"]');
  const blockBox = await block.boundingBox();
  if (!blockBox) throw new Error('not visible');
  await page.mouse.click(blockBox.x + 1, blockBox.y + 8);
  for (let i = 0; i < 20; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('n');
  const note = page.getByRole('region', { name: 'Selected highlight' }).getByRole('textbox', {
    name: 'Note',
  });
  await note.fill('Compare with the orrery metaphor');
  await page.keyboard.press('Control+Enter');

  await openPalette(page);
  await page.keyboard.type('orrery');
  const notes = palette(page).getByRole('group', { name: 'Highlights and notes', exact: true });
  await expect(notes.getByRole('option')).toHaveCount(1);
  await expect(notes.getByRole('option').locator('mark')).toHaveText('orrery');
  await page.keyboard.press('Escape');

  await app.restart();
  page = app.page;
  await openPalette(page);
  await page.keyboard.type('orrery');
  await expect(
    palette(page).getByRole('group', { name: 'Highlights and notes', exact: true }),
  ).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Selected highlight' })).toContainText(
    'orrery metaphor',
  );
});

test('the Search view filters by kind, article, colour and tag', async ({ app }) => {
  const { page } = app;
  await seed(page, [
    {
      articleId: 'gmw',
      exact: 'Two Sessions',
      color: 'green',
      note: 'innovation in the sessions',
      tags: ['exam'],
    },
    {
      articleId: 'cgtn',
      exact: 'advanced productive forces',
      color: 'pink',
      note: 'innovation again',
    },
  ]);
  await page.reload();
  await page.keyboard.press('Control+Shift+F');
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  const input = page.getByRole('searchbox', { name: 'Search everything' });
  await expect(input).toBeFocused();
  await input.fill('innovation');
  const results = page.getByRole('list', { name: 'Results' }).getByRole('button');
  const kinds = page.getByRole('group', { name: 'Kinds of result' });
  await expect(results.first()).toBeVisible();
  expect(await results.count()).toBeGreaterThan(10);

  await kinds.getByRole('button', { name: 'Highlights and notes' }).click();
  await expect(results).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Colour' }).selectOption('pink');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('innovation again');
  await page.getByRole('combobox', { name: 'Colour' }).selectOption('');
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('exam');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('innovation in the sessions');
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('');
  await kinds.getByRole('button', { name: 'Highlights and notes' }).click();
  await kinds.getByRole('button', { name: 'Glossary' }).click();
  await page.getByRole('combobox', { name: 'Article' }).selectOption('gmw');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing found' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Article' }).selectOption('');

  // ↓ from the box reaches the results; Enter opens the glossary entry.
  await input.focus();
  await page.keyboard.press('ArrowDown');
  await expect(results.first()).toBeFocused();
  const name = (await results.first().getAttribute('aria-label')) ?? '';
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
  const term = name.replace(/^Glossary: /, '').split(' · ')[0];
  await expect(page.getByRole('article')).toContainText(term);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no serious or critical violation in the palette and Search view (${theme})`, async ({
    app,
  }) => {
    test.slow();
    const { page } = app;
    await page.evaluate((t) => window.api.settingsUpdate({ theme: t }), theme);
    await page.reload();
    await openPalette(page);
    await page.keyboard.type('productive forces');
    await expect(palette(page).getByRole('option').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await nav(page, 'Search').click();
    await page.getByRole('searchbox', { name: 'Search everything' }).fill('digital economy');
    await expect(
      page.getByRole('list', { name: 'Results' }).getByRole('button').first(),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
