import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Color } from '../../src/shared/highlights';

/** Shared by the specs: seeding highlights through the app's API, the sidebar, and axe. */

export interface Seed {
  articleId: string;
  exact: string;
  color: Color;
  note?: string;
  tags?: string[];
}

/** Makes highlights through the real API, with selectors built as the reader builds them. */
export async function seed(page: Page, seeds: Seed[]): Promise<string[]> {
  return page.evaluate(async (list) => {
    const ids: string[] = [];
    for (const s of list) {
      const got = await window.api.corpusGet({ id: s.articleId });
      if (!got.ok) throw new Error(got.error.message);
      const text = got.value.blocks.map((b) => b.text).join('\n\n');
      const start = text.indexOf(s.exact);
      if (start < 0) throw new Error(`Not in ${s.articleId}: ${s.exact}`);
      const end = start + s.exact.length;
      const made = await window.api.highlightsCreate({
        articleId: s.articleId,
        quote: {
          type: 'TextQuoteSelector',
          exact: s.exact,
          prefix: text.slice(Math.max(0, start - 32), start),
          suffix: text.slice(end, end + 32),
        },
        position: { type: 'TextPositionSelector', start, end },
        color: s.color,
        note: s.note,
        tags: s.tags,
      });
      if (!made.ok) throw new Error(made.error.message);
      ids.push(made.value.id);
    }
    return ids;
  }, seeds);
}

/** A button of the sidebar (item names elsewhere may contain the same words). */
export const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });

/** axe's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The text the reader's flash covers now, or '' when nothing flashes. */
export const flashedText = (page: Page) =>
  page.evaluate(() => {
    const flash = CSS.highlights.get('hl-flash');
    if (!flash) return '';
    const [r] = [...flash];
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });
