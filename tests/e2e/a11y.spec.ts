import { expect, test } from './fixtures';
import { seriousViolations } from './helpers';

for (const theme of ['light', 'dark', 'sepia'] as const) {
  test(`axe finds no serious or critical violation in the library and reader (${theme})`, async ({
    app,
  }) => {
    test.slow(); // four full-page analyses
    const { page } = app;
    await page.evaluate((t) => window.api.settingsUpdate({ theme: t }), theme);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /Essence, Structural Framework/ }).click();
    await page.getByRole('button', { name: 'About this article' }).click();
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Reading settings' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    // Highlights: a note in the margin, the selection toolbar, an open card with the tag box.
    await page.getByRole('button', { name: 'About this article', exact: true }).click();
    const block = page.locator('[data-block-id="b3"]');
    await block.scrollIntoViewIfNeeded();
    const box = await block.boundingBox();
    if (!box) throw new Error('not visible');
    await page.mouse.click(box.x + 1, box.y + 8);
    for (let i = 0; i < 15; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('n');
    const card = page.getByRole('region', { name: 'Selected highlight' });
    await card.getByRole('textbox', { name: 'Note' }).fill('A **note**');
    await card.getByRole('button', { name: 'Save note' }).click();
    await card.getByRole('combobox', { name: 'Add a tag' }).fill('axe');
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
