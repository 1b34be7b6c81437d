import { useEffect, useState } from 'react';
import type { SearchQuery, SearchResults } from '../../../../shared/search';
import { api, call, errorMessage } from '../../lib/api';
import { onCardsChanged } from '../../lib/cardEvents';
import { onHighlightsChanged } from '../../lib/highlightEvents';

export interface SearchState {
  /** The query these results answer (they may lag a keystroke behind the box). */
  query: string;
  results: SearchResults;
  error: string | null;
}

const EMPTY: SearchResults = { hits: [], complete: true };

/**
 * Runs `request` whenever it changes (every keystroke: a query takes about a millisecond) and
 * whenever notes or cards change, keeping only the newest answer.
 */
export function useSearch(request: SearchQuery): SearchState {
  const [state, setState] = useState<SearchState>({ query: '', results: EMPTY, error: null });
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    const bump = () => setRevision((r) => r + 1);
    const offNotes = onHighlightsChanged(bump);
    const offCards = onCardsChanged(bump);
    return () => {
      offNotes();
      offCards();
    };
  }, []);
  const key = JSON.stringify(request);
  useEffect(() => {
    let live = true;
    const input = JSON.parse(key) as SearchQuery;
    if (input.query.trim() === '') {
      void Promise.resolve().then(
        () => live && setState({ query: '', results: EMPTY, error: null }),
      );
    } else {
      call(api.searchQuery(input)).then(
        (results) => live && setState({ query: input.query, results, error: null }),
        (error: unknown) =>
          live && setState({ query: input.query, results: EMPTY, error: errorMessage(error) }),
      );
    }
    return () => {
      live = false;
    };
  }, [key, revision]);
  return state;
}
