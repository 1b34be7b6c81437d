import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import { BLOCK_SEPARATOR, type Article } from '../../../../shared/article';
import { COLORS, type Color, type PlacedHighlight } from '../../../../shared/highlights';
import { api, call, errorMessage } from '../../lib/api';
import { offsetsToRanges } from '../../lib/textOffsets';

const CONTEXT = 32;

/** The article's highlights: loaded, created, and painted with the CSS Custom Highlight API
 * (no DOM changes, so they coexist with anything else that marks the text). */
export function useHighlights(
  article: Article | null,
  pane: RefObject<HTMLDivElement | null>,
  report: (message: string) => void,
) {
  const [highlights, setHighlights] = useState<PlacedHighlight[]>([]);
  const { text, starts } = useMemo(() => {
    const blocks = article?.blocks ?? [];
    return {
      text: blocks.map((b) => b.text).join(BLOCK_SEPARATOR),
      starts: new Map(blocks.map((b) => [b.id, b.start])),
    };
  }, [article]);

  useEffect(() => {
    if (!article) return;
    let live = true;
    call(api.highlightsList({ articleId: article.id })).then(
      (list) => live && setHighlights(list),
      (error: unknown) => report(`Your highlights could not be loaded: ${errorMessage(error)}`),
    );
    return () => {
      live = false;
    };
  }, [article, report]);

  // Paint: one named highlight per colour.
  useEffect(() => {
    const root = pane.current;
    if (!root || !article || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    for (const color of COLORS) {
      const ranges = highlights
        .filter((h) => h.color === color && h.start !== undefined && h.end !== undefined)
        .flatMap((h) => offsetsToRanges(h.start as number, h.end as number, root, starts));
      CSS.highlights.set(`hl-${color}`, new Highlight(...ranges));
    }
    return () => {
      for (const color of COLORS) CSS.highlights.delete(`hl-${color}`);
    };
  }, [highlights, article, pane, starts]);

  const create = useCallback(
    async (start: number, end: number, color: Color): Promise<PlacedHighlight | null> => {
      if (!article) return null;
      try {
        const created = await call(
          api.highlightsCreate({
            articleId: article.id,
            quote: {
              type: 'TextQuoteSelector',
              exact: text.slice(start, end),
              prefix: text.slice(Math.max(0, start - CONTEXT), start),
              suffix: text.slice(end, end + CONTEXT),
            },
            position: { type: 'TextPositionSelector', start, end },
            color,
          }),
        );
        setHighlights((list) => [...list, created]);
        return created;
      } catch (error) {
        report(`The highlight was not saved: ${errorMessage(error)}`);
        return null;
      }
    },
    [article, text, report],
  );

  return { highlights, create, text, starts };
}
