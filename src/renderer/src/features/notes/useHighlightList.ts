import { useMemo } from 'react';
import type { PlacedHighlight } from '../../../../shared/highlights';
import { api, call, errorMessage } from '../../lib/api';
import { useHighlightQuery } from '../../lib/useHighlightQuery';

const listAll = () => call(api.highlightsList({}));

/** Every highlight across the corpus, kept current; `null` until the first load; `report`
 * hears failures. */
export function useHighlightList(report?: (message: string) => void): PlacedHighlight[] | null {
  const onError = useMemo(
    () =>
      report &&
      ((error: unknown) => report(`Your highlights could not be loaded: ${errorMessage(error)}`)),
    [report],
  );
  return useHighlightQuery(listAll, onError);
}
