import { useEffect, useState } from 'react';
import type { PlacedHighlight } from '../../../../shared/highlights';
import { api, call, errorMessage } from '../../lib/api';
import { onHighlightsChanged } from '../../lib/highlightEvents';

/**
 * Every highlight across the corpus, reloaded whenever any view changes one (including undo and
 * redo, whose history lives in main). `null` until the first load; `report` hears failures.
 */
export function useHighlightList(report?: (message: string) => void): PlacedHighlight[] | null {
  const [highlights, setHighlights] = useState<PlacedHighlight[] | null>(null);

  useEffect(() => {
    let live = true;
    let latest = 0;
    const load = () => {
      const request = ++latest;
      call(api.highlightsList({})).then(
        // Only the newest request may win: reloads can overlap when changes come quickly.
        (list) => live && request === latest && setHighlights(list),
        (error: unknown) =>
          live && report?.(`Your highlights could not be loaded: ${errorMessage(error)}`),
      );
    };
    load();
    const unsubscribe = onHighlightsChanged(load);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [report]);

  return highlights;
}
