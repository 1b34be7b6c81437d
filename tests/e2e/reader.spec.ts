import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const pane = (page: Page) => page.getByRole('region', { name: /^Text of/ });

/** The id of the first block visible at the top of the reading pane. */
const topBlockId = (page: Page) =>
  pane(page).evaluate((el) => {
    const top = el.getBoundingClientRect().top + 12;
    const blocks = [...el.querySelectorAll<HTMLElement>('[data-block-id]')];
    return blocks.find((b) => b.getBoundingClientRect().bottom > top)?.dataset.blockId ?? null;
  });

async function openArticle(page: Page, title: RegExp) {
  await page.getByRole('button', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('settings and the reading position survive a restart', async ({ app }) => {
  let { page } = app;
  await openArticle(page, /Accelerating the Development/);

  await page.getByRole('button', { name: 'Reading settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Reading settings' });
  await settings.getByRole('button', { name: 'Dark' }).click();
  // From the keyboard: focus stays on the control while the text grows.
  const larger = settings.getByRole('button', { name: 'Larger text' });
  await larger.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(larger).toBeFocused();
  await settings.getByRole('button', { name: 'Looser line spacing' }).click();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(page.getByRole('button', { name: 'Reading settings' })).toBeFocused();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const article = page.locator('article.article');
  await expect(article).toHaveCSS('font-size', '20px');

  // Scroll (with the keyboard) well into a later section, then wait for the position to be saved.
  await page.getByRole('link', { name: /III\. Transforming and upgrading/ }).click();
  await pane(page).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('j');
  await page.waitForTimeout(400);
  const before = await topBlockId(page);
  expect(before).not.toBeNull();
  await expect(page.locator('[data-saved-block]')).toHaveAttribute(
    'data-saved-block',
    before as string,
  );

  await app.restart();
  page = app.page;
  // The app reopens the same article, at the same paragraph, with the same settings.
  await expect(
    page.getByRole('heading', { level: 1, name: /Accelerating the Development/ }),
  ).toBeVisible();
  await expect.poll(() => topBlockId(page)).toBe(before);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('article.article')).toHaveCSS('font-size', '20px');
  await expect(page.locator('article.article')).toHaveCSS('line-height', `${20 * 1.8}px`);

  // Its progress shows in the library too.
  await page.keyboard.press('Control+1');
  const card = page.getByRole('button', { name: /Accelerating the Development/ });
  const value = Number(await card.getByRole('progressbar').getAttribute('aria-valuenow'));
  expect(value).toBeGreaterThan(20);
  // …and "Continue reading" takes you straight back to the same paragraph.
  const resume = page.getByText('Continue reading').locator('..');
  await expect(resume).toContainText(/\d+% in/);
  await resume.getByRole('button', { name: /Accelerating the Development/ }).click();
  await expect.poll(() => topBlockId(page)).toBe(before);
});

test('the contents jump to a section and track where you are', async ({ app }) => {
  const { page } = app;
  await openArticle(page, /Essence, Structural Framework/);
  const toc = page.getByRole('navigation', { name: 'Contents' });
  await toc.getByRole('link', { name: 'Fostering a Culture of Innovation' }).click();
  const heading = page.getByRole('heading', { name: 'Fostering a Culture of Innovation' });
  await expect(heading).toBeInViewport();
  await expect(heading).toBeFocused();
  await expect(
    toc.getByRole('link', { name: 'Fostering a Culture of Innovation' }),
  ).toHaveAttribute('aria-current', 'location');
  await page.keyboard.press('t');
  await expect(toc).toBeHidden();
});

test('footnote links go to the note and come back', async ({ app }) => {
  const { page } = app;
  await openArticle(page, /Essence, Structural Framework/);
  await page.getByRole('link', { name: 'Footnote 2' }).click();
  const note = page.locator('#fn-2');
  await expect(note).toBeInViewport();
  await expect(note).toContainText('Building Up the Strength');
  await expect(note).toBeFocused();
  await note.getByRole('link', { name: 'Back to reference 2' }).click();
  await expect(page.getByRole('link', { name: 'Footnote 2' })).toBeInViewport();
  await expect(page.locator('#fn-2')).not.toBeInViewport();
});

test('keyboard: next and previous article, text size, shortcuts help', async ({ app }) => {
  const { page } = app;
  await openArticle(page, /What are New Quality Productive Forces/);
  await page.keyboard.press(']');
  await expect(
    page.getByRole('heading', { level: 1, name: /Essence, Structural Framework/ }),
  ).toBeVisible();
  await page.keyboard.press('[');
  await expect(page.getByRole('heading', { level: 1, name: /What are New Quality/ })).toBeVisible();
  await page.keyboard.press('Control+=');
  await expect(page.locator('article.article')).toHaveCSS('font-size', '19px');
  await page.keyboard.press('Control+-');
  await page.keyboard.press('Control+-');
  await expect(page.locator('article.article')).toHaveCSS('font-size', '17px');
  await page.keyboard.press('i');
  await expect(page.getByRole('complementary', { name: 'About this article' })).toContainText(
    'GMW.cn',
  );
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Previous article');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('every block renders exactly its canonical text', async ({ app }) => {
  const { page } = app;
  const ids = await page.evaluate(async () => {
    const r = await window.api.corpusList();
    return r.ok ? r.value.map((a) => a.id) : [];
  });
  expect(ids).toHaveLength(5);
  for (const id of ids) {
    await page.getByRole('button', { name: 'Library' }).click();
    await page.locator(`[aria-describedby="meta-${id}"]`).click();
    await expect(page.locator('[data-block-id]').first()).toBeVisible();
    const mismatches = await page.evaluate(async (articleId) => {
      const r = await window.api.corpusGet({ id: articleId });
      if (!r.ok) return ['could not load'];
      const bad: string[] = [];
      for (const block of r.value.blocks) {
        const el = document.querySelector(`[data-block-id="${block.id}"]`);
        if (el?.textContent !== block.text)
          bad.push(`${block.id}: ${JSON.stringify(el?.textContent)}`);
      }
      return bad.length ? bad : r.value.blocks.length;
    }, id);
    expect(typeof mismatches, `${id}: ${JSON.stringify(mismatches)}`).toBe('number');
  }
});
