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

/** WCAG relative luminance and contrast, over colours read as "rgb(r, g, b)" or "rgba(…, a)". */
type Rgba = [number, number, number, number];
const parse = (css: string): Rgba => {
  const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b, a];
};
const luminance = ([r, g, b]: Rgba) => {
  const [R, G, B] = [r, g, b].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
};
const contrast = (a: Rgba, b: Rgba) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

for (const theme of ['light', 'dark', 'sepia'] as const) {
  test(`text under every highlight, find and flash colour keeps AA contrast (${theme})`, async ({
    app,
  }) => {
    const { page } = app;
    await page.evaluate((t) => window.api.settingsUpdate({ theme: t }), theme);
    await page.reload();
    await page.getByRole('button', { name: /Essence, Structural Framework/ }).click();
    const paragraph = page.locator('[data-block-id="b3"]');
    await expect(paragraph).toBeVisible();
    // The colours as the page computes them: the text, the page behind it, and each paint laid
    // over the page as the browser composites it (a canvas reads back the pixel).
    const colours = await paragraph.evaluate((p) => {
      const paints = {
        yellow: 'var(--hl-yellow)',
        green: 'var(--hl-green)',
        blue: 'var(--hl-blue)',
        pink: 'var(--hl-pink)',
        purple: 'var(--hl-purple)',
        flash: 'var(--flash)',
        find: 'color-mix(in srgb, var(--focus) 22%, transparent)',
        'find-current': '#ff9632',
      };
      let behind: Element | null = p;
      let page = 'rgba(0, 0, 0, 0)';
      while (behind && /rgba\(.*, 0\)$/.test(page)) {
        page = getComputedStyle(behind).backgroundColor;
        behind = behind.parentElement;
      }
      const probe = document.createElement('span');
      p.append(probe);
      const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
      const pixel = (...layers: string[]) => {
        for (const fill of layers) {
          ctx.fillStyle = fill;
          ctx.fillRect(0, 0, 1, 1);
        }
        return `rgb(${[...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)].join(', ')})`;
      };
      const resolved = Object.fromEntries(
        Object.entries(paints).map(([name, value]) => {
          probe.style.backgroundColor = value;
          return [name, pixel(page, getComputedStyle(probe).backgroundColor)];
        }),
      );
      probe.remove();
      return { text: pixel(getComputedStyle(p).color), page: pixel(page), paints: resolved };
    });
    const text = parse(colours.text);
    const pageBg = parse(colours.page);
    expect(contrast(text, pageBg)).toBeGreaterThanOrEqual(7);
    const ratios = Object.entries(colours.paints).map(([name, css]) => {
      // The current find match sets its own text colour (#111), as search.css does.
      const ink = name === 'find-current' ? parse('rgb(17, 17, 17)') : text;
      return [name, Number(contrast(ink, parse(css)).toFixed(2))] as const;
    });
    expect(ratios.length).toBe(8);
    for (const [name, ratio] of ratios) {
      expect(ratio, `${name} in ${theme}: ${ratio}:1`).toBeGreaterThanOrEqual(4.5);
    }
  });
}

test('reduced motion: no transition or animation anywhere; without it, they are there', async ({
  app,
}) => {
  const { page } = app;
  // Every element's computed motion, in the views with the most of it.
  const moving = () =>
    page.evaluate(
      () =>
        [...document.querySelectorAll('*')].filter((el) => {
          const s = getComputedStyle(el);
          const durations = `${s.transitionDuration},${s.animationDuration}`.split(',');
          return s.animationName !== 'none' || durations.some((d) => parseFloat(d) > 0);
        }).length,
    );
  const visit = async () => {
    await page.keyboard.press('Control+2');
    await expect(page.locator('[data-block-id="b3"]')).toBeVisible();
    const inReader = await moving();
    await page.keyboard.press('Control+1');
    return inReader + (await moving());
  };
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(
    true,
  );
  expect(await visit()).toBe(0);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await visit()).toBeGreaterThan(0);
});

test('focus is always visible: every control reached with Tab shows an outline', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('button', { name: /Essence, Structural Framework/ }).click();
  await expect(page.locator('[data-block-id="b3"]')).toBeVisible();
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      return {
        name: `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}`,
        visible:
          el.matches(':focus-visible') &&
          ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) ||
            s.boxShadow !== 'none'),
      };
    });
    if (!focus) continue;
    seen.add(focus.name);
    expect(focus.visible, `focus ring on ${focus.name}`).toBe(true);
  }
  expect(seen.size).toBeGreaterThan(20);
});
