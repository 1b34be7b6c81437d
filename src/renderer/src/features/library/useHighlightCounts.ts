import { useEffect, useState } from 'react';
import type { HighlightSummary } from '../../../../shared/highlights';
import { api, call } from '../../lib/api';
import { onHighlightsChanged } from '../../lib/highlightEvents';

/**
 * Highlights and notes per article id, reloaded whenever any view changes highlights. Only the
 * counts cross from the main process, not ten thousand highlights. Empty until loaded, and if
 * they cannot be loaded: the counts are a hint.
 */
export function useHighlightCounts(): HighlightSummary['byArticle'] {
  const [counts, setCounts] = useState<HighlightSummary['byArticle']>({});
  useEffect(() => {
    let live = true;
    let latest = 0;
    const load = () => {
      const request = ++latest;
      call(api.highlightsSummary()).then(
        // Only the newest request may win: reloads can overlap when changes come quickly.
        ({ byArticle }) => live && request === latest && setCounts(byArticle),
        () => undefined,
      );
    };
    load();
    const unsubscribe = onHighlightsChanged(load);
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  return counts;
}
