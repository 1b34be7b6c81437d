import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The review flow as a screen reader is given it: at each step, where the focus is (role, name,
 * description) and what the polite live region says. docs/accessibility.md has the transcript.
 */
async function heard(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const byIds = (ids: string | null) =>
      (ids ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ')
        .trim();
    const live = document.querySelector('.review-view [aria-live="polite"]');
    return {
      focus: el
        ? {
            role: el.getAttribute('role') ?? el.tagName.toLowerCase(),
            name: el.getAttribute('aria-label') ?? byIds(el.getAttribute('aria-labelledby')),
            description: byIds(el.getAttribute('aria-describedby')),
            text: el.textContent?.trim() ?? '',
          }
        : null,
      live: live?.textContent?.trim() ?? '',
    };
  });
}

test('review by keyboard: every step is announced, and the focus never gets lost', async ({
  app,
}) => {
  const { page } = app;
  await page.evaluate(() => window.api.settingsUpdate({ newPerDay: 2 }));
  const queue = await page.evaluate(async () => {
    const r = await window.api.cardsQueue();
    if (!r.ok) throw new Error(r.error.message);
    return r.value.items.slice(0, 2).map((i) => ({ deck: i.card.deck, front: i.card.front }));
  });
  expect(queue).toHaveLength(2);
  const plain = (md: string) =>
    md
      .replace(/[*_`#>]/g, '')
      .replace(/\s+/g, ' ')
      .trim();

  await page.keyboard.press('Control+5');
  await expect(page.getByRole('region', { name: /^Flashcard, / })).toBeFocused();
  await expect.poll(async () => (await heard(page)).live).toMatch(/^Question: /);
  let now = await heard(page);
  expect(now.focus?.name).toMatch(/^Flashcard, /);
  expect(now.focus?.description).toBe(
    'Space shows the answer. Then 1 Again, 2 Hard, 3 Good, 4 Easy. C shows the passage, E edits, S suspends.',
  );
  expect(now.live).toBe(`Question: ${plain(queue[0]!.front)}`);

  await page.keyboard.press('Space');
  await expect.poll(async () => (await heard(page)).live).toMatch(/^Answer: /);
  const ratings = page.getByRole('group', { name: 'How well did you remember?' });
  await expect(ratings.getByRole('button', { name: /^Good: back in 10 minutes$/ })).toBeVisible();
  await expect(ratings.getByRole('button', { name: /^Again: back in 1 minute$/ })).toBeVisible();
  expect((await heard(page)).focus?.name).toMatch(/^Flashcard, /); // the keys still work

  await page.keyboard.press('4');
  await expect
    .poll(async () => (await heard(page)).live)
    .toMatch(new RegExp(`^Easy\\. Back in \\d+ days?\\. Question: `));
  now = await heard(page);
  expect(now.live).toContain(plain(queue[1]!.front).slice(0, 40));
  expect(now.focus?.name).toMatch(/^Flashcard, /);

  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => (await heard(page)).live)
    .toBe(`Last answer undone. Question: ${plain(queue[0]!.front)}`);

  for (let i = 0; i < 2; i++) {
    await page.keyboard.press('Space');
    await expect.poll(async () => (await heard(page)).live).toMatch(/^Answer: /);
    await page.keyboard.press('4');
    await expect.poll(async () => (await heard(page)).live).toMatch(/^Easy\. Back in /);
  }
  // The last card gone, the summary takes the focus and is read out.
  await expect(page.getByRole('heading', { name: 'Session complete' })).toBeFocused();
  now = await heard(page);
  expect(now.focus).toMatchObject({ role: 'h2', text: 'Session complete' });
  expect(now.live).toMatch(/^Easy\. Back in \d+ days?\.$/);
});
