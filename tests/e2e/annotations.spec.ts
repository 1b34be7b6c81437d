import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { painted } from './painted';

/** Notes, tags, colour changes, delete and undo in the reader, the way a reader does them. */

const ARTICLE = /Essence, Structural Framework/;

async function open(page: Page) {
  await page.getByRole('button', { name: ARTICLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: ARTICLE })).toBeVisible();
  // Close the contents so the notes have their margin.
  await page.getByRole('button', { name: 'Contents' }).click();
}

/** Selects `count` characters from the start of a block, from the keyboard. */
async function selectStart(page: Page, block: Locator, count: number) {
  await block.scrollIntoViewIfNeeded();
  const box = await block.boundingBox();
  if (!box) throw new Error('not visible');
  await page.mouse.click(box.x + 1, box.y + 8);
  for (let i = 0; i < count; i++) await page.keyboard.press('Shift+ArrowRight');
}

/** Clicks the middle of the first few characters of a block (where a highlight starts). */
async function clickStart(page: Page, block: Locator) {
  await block.scrollIntoViewIfNeeded();
  const box = await block.boundingBox();
  if (!box) throw new Error('not visible');
  await page.mouse.click(box.x + 20, box.y + 10);
}

test('a highlight with a Markdown note and a tag survives a restart', async ({ app }) => {
  let { page } = app;
  await open(page);
  const block = page.locator('[data-block-id="b3"]');
  await selectStart(page, block, 30);
  const toolbar = page.getByRole('toolbar', { name: 'Selection' });
  await toolbar.getByRole('button', { name: 'Add note' }).click();

  const card = page.getByRole('region', { name: 'Selected highlight' });
  const note = card.getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  await note.fill('A **key** claim, see [CSST](https://www.cssn.cn/)');
  await page.keyboard.press('Control+Enter');
  await expect(card.locator('.note-body strong')).toHaveText('key');

  const tags = card.getByRole('combobox', { name: 'Add a tag' });
  await tags.fill('productivity');
  await tags.press('Enter');
  await expect(card.getByRole('list', { name: 'Tags' })).toContainText('productivity');
  await expect.poll(async () => (await painted(page)).yellow.length).toBe(30);

  await app.restart();
  page = app.page;
  await expect(page.getByRole('heading', { level: 1, name: ARTICLE })).toBeVisible();
  // The note sits in the margin beside its text, with a button to open it.
  await expect(page.getByRole('button', { name: /^Note on “New quality/ })).toBeVisible();
  const margin = page.locator('.margin-notes .margin-note');
  await expect(margin).toContainText('A key claim');
  await expect(margin.locator('strong')).toHaveText('key');
  await expect(margin).toContainText('productivity');
  await expect.poll(async () => (await painted(page)).yellow.length).toBe(30);
});

test('tags autocomplete from tags already in use', async ({ app }) => {
  const { page } = app;
  await open(page);
  const card = page.getByRole('region', { name: 'Selected highlight' });
  const tags = card.getByRole('combobox', { name: 'Add a tag' });

  await selectStart(page, page.locator('[data-block-id="b3"]'), 10);
  await page.keyboard.press('n');
  await card.getByRole('button', { name: 'Cancel' }).click();
  await tags.fill('Evidence');
  await tags.press('Enter');
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();

  await selectStart(page, page.locator('[data-block-id="b5"]'), 10);
  await page.keyboard.press('n');
  await card.getByRole('button', { name: 'Cancel' }).click();
  await tags.fill('ev');
  const suggestions = card.getByRole('listbox', { name: 'Existing tags' });
  await expect(suggestions.getByRole('option')).toHaveText(['Evidence']);
  await tags.press('ArrowDown');
  await expect(suggestions.getByRole('option', { name: 'Evidence' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await tags.press('Enter');
  await expect(card.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText([
    'Evidence',
  ]);
});

test('click a highlight: change its colour, delete it, undo and redo', async ({ app }) => {
  const { page } = app;
  await open(page);
  const block = page.locator('[data-block-id="b3"]');
  await selectStart(page, block, 25);
  await page.keyboard.press('1');
  await expect.poll(async () => (await painted(page)).yellow.length).toBe(25);

  await clickStart(page, block);
  const card = page.getByRole('region', { name: 'Selected highlight' });
  await card.getByRole('radio', { name: 'Term' }).click(); // blue, by its meaning
  await expect.poll(async () => (await painted(page)).blue.length).toBe(25);
  expect((await painted(page)).yellow).toBe('');

  await card.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(async () => (await painted(page)).blue).toBe('');
  const notices = page.getByRole('status').filter({ hasText: 'moved to the Trash' });
  await notices.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await painted(page)).blue.length).toBe(25);

  // Undo the colour change from the keyboard, then redo it.
  await page.locator('.reader-scroll').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await painted(page)).yellow.length).toBe(25);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await painted(page)).blue.length).toBe(25);
});

test('overlapping highlights are both painted', async ({ app }) => {
  const { page } = app;
  await open(page);
  const block = page.locator('[data-block-id="b3"]');
  await selectStart(page, block, 30);
  await page.keyboard.press('1');
  await selectStart(page, block, 12);
  await page.keyboard.press('4');
  await expect.poll(async () => (await painted(page)).yellow.length).toBe(30);
  await expect.poll(async () => (await painted(page)).pink.length).toBe(12);
});

test('keyboard only: n writes a note, Alt+arrows select, digits recolour, Delete, Esc', async ({
  app,
}) => {
  const { page } = app;
  await open(page);
  await selectStart(page, page.locator('[data-block-id="b3"]'), 20);
  await page.keyboard.press('n');
  const card = page.getByRole('region', { name: 'Selected highlight' });
  await expect(card.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type('typed from the keyboard');
  await page.keyboard.press('Control+Enter');
  await expect(card.locator('.note-body')).toHaveText('typed from the keyboard');
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();

  await page.locator('.reader-scroll').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(card).toBeVisible();
  await page.keyboard.press('5');
  await expect.poll(async () => (await painted(page)).purple.length).toBe(20);
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await painted(page)).purple).toBe('');
  await expect(page.getByRole('button', { name: /^Note on/ })).toHaveCount(0);
});

test('a note full of XSS markup renders inert', async ({ app }) => {
  const { page } = app;
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const url = page.url();
  await open(page);
  await selectStart(page, page.locator('[data-block-id="b3"]'), 15);
  await page.keyboard.press('n');
  const payload = [
    '<img src=x onerror="window.__xss=1;alert(1)">',
    '<script>window.__xss=2</script>',
    '<iframe src="javascript:window.__xss=3"></iframe>',
    '<svg onload="window.__xss=4"><circle r=5 /></svg>',
    '<a href="javascript:window.__xss=5">raw link</a>',
    '[md js](javascript:window.__xss=6) [md data](data:text/html,<script>alert(7)</script>)',
    '<details open ontoggle="window.__xss=8">x</details>',
    '<form action="javascript:alert(9)"><button>go</button></form>',
    '![img](x" onerror="window.__xss=10)',
    '<style>body{display:none}</style>',
  ].join('\n\n');
  const card = page.getByRole('region', { name: 'Selected highlight' });
  await card.getByRole('textbox', { name: 'Note' }).fill(payload);
  await card.getByRole('button', { name: 'Save note' }).click();
  const body = card.locator('.note-body');
  await expect(body).toContainText('raw link');
  await page.waitForTimeout(300); // give any handler the chance to run

  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(page.url()).toBe(url);
  expect(
    await body.locator('img, script, iframe, svg, details, form, style, [onerror]').count(),
  ).toBe(0);
  for (const href of await body
    .locator('a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href === null || /^https?:/.test(href)).toBe(true);
  }
  // Clicking the neutralised links goes nowhere.
  await body.getByText('md js').click();
  await body.getByText('raw link', { exact: false }).first().click();
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  await expect(page.locator('body')).toBeVisible();
});

test('colours can be renamed in the settings; the new meaning shows and is kept', async ({
  app,
}) => {
  let { page } = app;
  await open(page);
  await page.getByRole('button', { name: 'Reading settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Reading settings' });
  const green = settings.getByRole('textbox', { name: 'Green' });
  await expect(green).toHaveValue('Evidence');
  await green.fill('Data point');
  await green.press('Enter');
  await page.keyboard.press('Escape');

  await app.restart();
  page = app.page;
  await selectStart(page, page.locator('[data-block-id="b3"]'), 10);
  await expect(
    page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', {
      name: 'Highlight green (Data point)',
    }),
  ).toBeVisible();
});

test('a note being written is saved when the user clicks elsewhere', async ({ app }) => {
  let { page } = app;
  await open(page);
  await selectStart(page, page.locator('[data-block-id="b3"]'), 20);
  await page.keyboard.press('n');
  const card = page.getByRole('region', { name: 'Selected highlight' });
  await card.getByRole('textbox', { name: 'Note' }).fill('half a thought');
  // Click plain text elsewhere: the card closes, and the note is kept.
  await clickStart(page, page.locator('[data-block-id="b5"]'));
  await expect(card).toBeHidden();
  await expect(page.locator('.margin-notes .margin-note')).toContainText('half a thought');
  await app.restart();
  page = app.page;
  await expect(page.locator('.margin-notes .margin-note')).toContainText('half a thought');
});

test('the colour radios are one tab stop; arrows choose the colour', async ({ app }) => {
  const { page } = app;
  await open(page);
  const block = page.locator('[data-block-id="b3"]');
  await selectStart(page, block, 12);
  await page.keyboard.press('1');
  await expect.poll(async () => (await painted(page)).yellow.length).toBe(12); // saved
  await page.locator('.reader-scroll').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Enter'); // into the card
  const card = page.getByRole('region', { name: 'Selected highlight' });
  const yellow = card.getByRole('radio', { name: 'Key idea' });
  await yellow.focus();
  await page.keyboard.press('ArrowRight');
  await expect(card.getByRole('radio', { name: 'Evidence' })).toBeFocused();
  await expect(card.getByRole('radio', { name: 'Evidence' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect.poll(async () => (await painted(page)).green.length).toBe(12);
  await page.keyboard.press('Tab');
  await expect(card.getByRole('radio')).toHaveCount(5);
  await expect(card.getByRole('button', { name: 'Close' })).toBeFocused();
});
