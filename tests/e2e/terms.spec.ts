import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations } from './helpers';
import { painted } from './painted';

/** Glossary terms marked in the reader: hover, keyboard, `g`, the setting, and highlights. */

async function open(page: Page) {
  await page.getByRole('button', { name: /Essence, Structural Framework/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Essence, Structural/ })).toBeVisible();
  await expect(page.locator('.term-mark').first()).toBeVisible();
}

test('hovering a term shows its definition; "Open in glossary" opens the entry', async ({
  app,
}) => {
  const { page } = app;
  await open(page);
  const mark = page
    .getByRole('button', { name: 'new quality productive forces', exact: true })
    .first();
  await mark.hover();
  const popover = page.getByRole('dialog', { name: 'Glossary: new quality productive forces' });
  await expect(popover).toBeVisible();
  await expect(popover).toContainText('新质生产力');
  await expect(popover).toContainText('xīnzhì shēngchǎnlì');
  await popover.getByRole('button', { name: 'Open in glossary' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'new quality productive forces' }),
  ).toBeVisible();
});

test('keyboard: Tab reaches a term, Enter opens it, Esc closes it; g lists terms on screen', async ({
  app,
}) => {
  const { page } = app;
  await open(page);
  await page.getByRole('region', { name: /^Text of/ }).focus();
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.classList.contains('term-mark'))) break;
  }
  const term = await page.evaluate(() => document.activeElement?.textContent ?? '');
  expect(term.length).toBeGreaterThan(2);
  await page.keyboard.press('Enter');
  const popover = page.getByRole('dialog', { name: /^Glossary: / });
  await expect(popover).toBeVisible();
  await expect(popover.getByRole('button', { name: 'Close' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(term);

  await page.keyboard.press('g');
  const list = page.getByRole('dialog', { name: 'Terms on screen' });
  await expect(list).toBeVisible();
  const first = list.getByRole('button').filter({ hasNotText: /^$/ }).nth(1);
  const name = ((await first.locator('.terms-list-term').textContent()) ?? '').trim();
  await first.click();
  await expect(list).toBeHidden();
  await expect(page.getByRole('dialog', { name: `Glossary: ${name}` })).toBeVisible();
});

test('term marks can be turned off and on; they coexist with highlights', async ({ app }) => {
  const { page } = app;
  await open(page);
  const first = page.locator('.term-mark').first();
  const word = (await first.textContent()) ?? '';
  // Highlight the paragraph start, across the marked term.
  const block = first.locator('xpath=ancestor::*[@data-block-id][1]');
  const box = await block.boundingBox();
  if (!box) throw new Error('not visible');
  await page.mouse.move(box.x + 1, box.y + 6);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 4, box.y + box.height - 6, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.press('2');
  await expect.poll(async () => (await painted(page)).green).toContain(word);
  await expect(page.locator('.term-mark').first()).toHaveText(word);

  await page.getByRole('button', { name: 'Reading settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Reading settings' });
  await settings.getByRole('button', { name: 'Off', exact: true }).click();
  await expect(page.locator('.term-mark')).toHaveCount(0);
  await expect.poll(async () => (await painted(page)).green).toContain(word); // still painted
  await settings.getByRole('button', { name: 'All', exact: true }).click();
  const all = await page.locator('.term-mark').count();
  await settings.getByRole('button', { name: 'First in section' }).click();
  await expect.poll(() => page.locator('.term-mark').count()).toBeLessThan(all);
  expect(all).toBeGreaterThan(0);
});
