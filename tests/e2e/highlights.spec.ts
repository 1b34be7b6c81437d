import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { painted } from './painted';

async function dragSelect(page: Page, from: Locator, to: Locator) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('not visible');
  await page.mouse.move(a.x + a.width * 0.5, a.y + 6);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width * 0.3, b.y + 6, { steps: 8 });
  await page.mouse.up();
}

/** The Essence article opened from the Library, and its paragraph `id` with its box. */
async function openParagraph(page: Page, id: string) {
  await page.getByRole('button', { name: /Essence, Structural Framework/ }).click();
  const para = page.locator(`[data-block-id="${id}"]`);
  const box = await para.boundingBox();
  if (!box) throw new Error('not visible');
  return { para, box };
}

test('highlight across two paragraphs with the mouse; it survives a restart', async ({ app }) => {
  let { page } = app;
  await page.getByRole('button', { name: /Essence, Structural Framework/ }).click();
  const first = page.locator('[data-block-id="b0"]');
  const second = page.locator('[data-block-id="b1"]');
  await dragSelect(page, first, second);
  const toolbar = page.getByRole('toolbar', { name: 'Selection' });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: 'Highlight blue' }).click();
  await expect(toolbar).toBeHidden();

  // One range in each paragraph, painted once the new highlight is saved.
  await expect.poll(async () => (await painted(page)).blue.split(' | ')).toHaveLength(2);
  const blue = (await painted(page)).blue;
  expect(await first.textContent()).toContain(blue.split(' | ')[0]);
  expect(await second.textContent()).toContain(blue.split(' | ')[1]);

  await app.restart();
  page = app.page;
  await expect(
    page.getByRole('heading', { level: 1, name: /Essence, Structural Framework/ }),
  ).toBeVisible();
  await expect.poll(async () => (await painted(page)).blue).toBe(blue);
});

test('keyboard: Shift+arrows select, 1–5 pick a colour, h repeats it, Esc closes', async ({
  app,
}) => {
  const { page } = app;
  const { box } = await openParagraph(page, 'b3');
  // Place the caret with a click, then extend with the keyboard.
  await page.mouse.click(box.x + 2, box.y + 8);
  for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowRight');
  const toolbar = page.getByRole('toolbar', { name: 'Selection' });
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('2');
  await expect(toolbar).toBeHidden();
  await expect.poll(async () => (await painted(page)).green.length).toBe(12);

  // `h` uses the colour picked last (green), also after Esc closed a toolbar once.
  await page.mouse.click(box.x + 2, box.y + box.height - 8);
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(toolbar).toBeHidden();
  await page.mouse.click(box.x + 2, box.y + box.height - 8);
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('h');
  await expect.poll(async () => (await painted(page)).green.split(' | ')).toHaveLength(2);
});

test('overlapping highlights of one colour are painted as one range, and stay two highlights', async ({
  app,
}) => {
  const { page } = app;
  const { para, box } = await openParagraph(page, 'b3');
  const toolbar = page.getByRole('toolbar', { name: 'Selection' });
  // Characters 0–12 and then 0–20 of the paragraph, both green.
  for (const length of [12, 20]) {
    await page.mouse.click(box.x + 2, box.y + 8);
    for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect(toolbar).toBeVisible();
    await page.keyboard.press('2');
    await expect(toolbar).toBeHidden();
  }
  const text = (await para.textContent())!;
  await expect.poll(async () => (await painted(page)).green).toBe(text.slice(0, 20));
  const stored = await page.evaluate(async () => {
    const r = await window.api.highlightsList({});
    return r.ok ? r.value.map((h) => h.quote.exact.length).sort((a, b) => a - b) : [];
  });
  expect(stored).toEqual([12, 20]);
});
