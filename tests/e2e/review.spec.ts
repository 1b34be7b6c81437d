import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations } from './helpers';

/** Flashcards the way a learner uses them: keys only, undo, restart, cards from highlights. */

const flashcard = (page: Page) => page.getByRole('region', { name: /^Flashcard/ });
const counts = (page: Page) => page.getByLabel('Left today');
const front = async (page: Page) =>
  (await flashcard(page).locator('.review-front').innerText()).trim();

/** A card through the app's API, by id. */
async function cardById(page: Page, id: string) {
  return page.evaluate(async (cardId) => {
    const result = await window.api.cardsList();
    if (!result.ok) throw new Error(result.error.message);
    return result.value.find((c) => c.id === cardId) ?? null;
  }, id);
}
const firstQueuedId = (page: Page) =>
  page.evaluate(async () => {
    const result = await window.api.cardsQueue();
    if (!result.ok) throw new Error(result.error.message);
    return result.value.items[0]?.card.id ?? null;
  });

test('review with Space and 1–4 only, undo with Ctrl+Z, and resume after a restart', async ({
  app,
}) => {
  let { page } = app;
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
  await expect(flashcard(page)).toBeFocused();
  await expect(counts(page)).toContainText('20 new');
  const firstId = await firstQueuedId(page);
  const first = await front(page);

  await page.keyboard.press('Space');
  const ratings = page.getByRole('group', { name: 'How well did you remember?' });
  await expect(ratings.getByRole('button', { name: /Good/ })).toContainText('10 min');
  await expect(ratings.getByRole('button', { name: /Again/ })).toContainText('1 min');
  await page.keyboard.press('3');
  await expect.poll(() => front(page)).not.toBe(first);
  await expect(counts(page)).toContainText('19 new');
  const second = await front(page);

  await page.keyboard.press('Enter');
  await expect(ratings).toBeVisible();
  await page.keyboard.press('1');
  await expect.poll(() => front(page)).not.toBe(second);

  // Undo brings the second card back as it was, answer hidden.
  await page.keyboard.press('Control+z');
  await expect.poll(() => front(page)).toBe(second);
  await expect(ratings).toBeHidden();
  await page.keyboard.press('Space');
  await page.keyboard.press('4');
  await expect.poll(() => front(page)).not.toBe(second);
  await expect(counts(page)).toContainText('18 new');

  const answered = await cardById(page, firstId!);
  expect(answered!.schedule.reps).toBe(1);
  expect(answered!.schedule.state).toBe('learning');

  await app.restart();
  page = app.page;
  await page.keyboard.press('Control+5');
  await expect(counts(page)).toContainText('18 new');
  const after = await cardById(page, firstId!);
  expect(after!.schedule).toEqual(answered!.schedule);
  // The queue resumes with cards not yet answered.
  const third = await front(page);
  expect([first, second]).not.toContain(third);

  // s suspends and moves on; e edits the card on screen, and the edit shows at once.
  await page.keyboard.press('s');
  await expect(page.getByText(/Card suspended/)).toBeVisible();
  await expect.poll(() => front(page)).not.toBe(third);
  await page.keyboard.press('e');
  const editor = page.getByRole('dialog', { name: 'Edit card' });
  await expect(editor).toBeVisible();
  await editor.getByRole('textbox', { name: /Back/ }).fill('My own shorter answer.');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toBeHidden();
  await expect(flashcard(page)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(flashcard(page).locator('.review-back')).toHaveText('My own shorter answer.');
});

test('a cloze card made from a highlight is met in review, with its passage in context', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('button', { name: /Essence, Structural Framework/ }).click();
  const block = page.locator('[data-block-id="b3"]');
  await block.scrollIntoViewIfNeeded();
  const box = await block.boundingBox();
  await page.mouse.click(box!.x + 1, box!.y + 8);
  for (let i = 0; i < 40; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('f');

  const dialog = page.getByRole('dialog', { name: 'Make a flashcard from the highlight' });
  await expect(dialog).toBeVisible();
  const words = dialog.getByRole('group', { name: 'Words to blank' }).getByRole('button');
  await expect(words.first()).toBeVisible();
  const chosen = (await words.nth(1).innerText()).trim();
  // From the keyboard: into the words, one to the right, Space blanks it.
  await words.first().focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(words.nth(1)).toHaveAttribute('aria-pressed', 'true');
  await expect(dialog.getByRole('region', { name: 'Preview' })).toContainText('[…]');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Flashcard made/)).toBeVisible();

  await page.keyboard.press('Control+5');
  await expect(flashcard(page)).toContainText('My cards');
  await expect(flashcard(page).locator('.review-front')).toContainText('[…]');
  await page.keyboard.press('Space');
  await expect(flashcard(page).locator('.review-back strong')).toHaveText(chosen);

  await page.keyboard.press('c');
  const context = page.getByRole('complementary', { name: 'In context' });
  await expect(context).toContainText('Taihe Institute');
  await expect(context.locator('mark')).toContainText(chosen);
  await context.getByRole('button', { name: 'Open in the reader' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Essence, Structural/ })).toBeVisible();
});

test('statistics show today’s reviews; the card browser filters and suspends in bulk', async ({
  app,
}) => {
  const { page } = app;
  await page.keyboard.press('Control+5');
  for (const rating of ['3', '4']) {
    const before = await front(page);
    await page.keyboard.press('Space');
    await page.keyboard.press(rating);
    await expect.poll(() => front(page)).not.toBe(before);
  }
  await page.keyboard.press('Control+7');
  await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Today' })).toContainText('2reviews today');
  await expect(page.getByRole('img', { name: /^2 reviews on 1 day/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Cards due per day/ })).toBeVisible();

  await page.keyboard.press('Control+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Cards' })).toBeVisible();
  await page.getByLabel('Deck').selectOption({ label: 'Key facts' });
  await page.getByRole('searchbox', { name: 'Search cards' }).fill('Global Innovation Index');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2); // the header and one card
  await page.getByRole('checkbox', { name: 'Select all cards shown' }).check();
  await page
    .getByRole('toolbar', { name: 'Selected cards' })
    .getByRole('button', { name: 'Suspend', exact: true })
    .click();
  await expect(rows.nth(1)).toContainText('Suspended');
  await page.getByLabel('State').selectOption({ label: 'Suspended' });
  await page.getByRole('searchbox', { name: 'Search cards' }).fill('');
  await expect(rows).toHaveCount(2);
  // Built-in cards cannot be deleted, only suspended.
  await page.getByRole('checkbox', { name: 'Select all cards shown' }).check();
  await expect(
    page.getByRole('toolbar', { name: 'Selected cards' }).getByRole('button', { name: 'Delete' }),
  ).toBeDisabled();
});

for (const theme of ['light', 'dark'] as const) {
  test(`review, cards and statistics have no serious axe violations (${theme})`, async ({
    app,
  }) => {
    test.slow(); // four full-page analyses
    const { page } = app;
    await page.emulateMedia({ colorScheme: theme });
    await page.keyboard.press('Control+5');
    await expect(flashcard(page)).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
    // Its dialogs: the card editor (e) and the review settings.
    await page.keyboard.press('e');
    await expect(page.getByRole('dialog', { name: /card/i })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Review settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Review settings' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await flashcard(page).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('c');
    await expect(page.getByRole('complementary', { name: 'In context' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Control+6');
    await expect(page.getByRole('table')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Control+7');
    await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
