import type { Page } from '@playwright/test';

/**
 * The text each colour's CSS custom highlight paints, ranges joined by " | ". The app paints with
 * StaticRanges, which have no text of their own: each is copied into a live Range to read it.
 */
export const painted = (page: Page): Promise<Record<string, string>> =>
  page.evaluate(() =>
    Object.fromEntries(
      ['yellow', 'green', 'blue', 'pink', 'purple'].map((c) => [
        c,
        [...(CSS.highlights.get(`hl-${c}`) ?? [])]
          .map((r) => {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            return range.toString();
          })
          .join(' | '),
      ]),
    ),
  );
