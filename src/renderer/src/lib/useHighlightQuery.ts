import { useEffect, useState } from 'react';
import { onHighlightsChanged } from './highlightEvents';

/**
 * What `query` answers, asked again whenever any view changes highlights (including undo and
 * redo, whose history lives in main). `null` until the first answer; `onError` hears failures.
 * Both must be stable (module-level or memoised).
 */
export function useHighlightQuery<T>(
  query: () => Promise<T>,
  onError?: (error: unknown) => void,
): T | null {
  const [value, setValue] = useState<T | null>(null);

  useEffect(() => {
    let live = true;
    let latest = 0;
    const load = () => {
      const request = ++latest;
      query().then(
        // Only the newest request may win: reloads can overlap when changes come quickly.
        (answer) => live && request === latest && setValue(() => answer),
        (error: unknown) => live && onError?.(error),
      );
    };
    load();
    const unsubscribe = onHighlightsChanged(load);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [query, onError]);

  return value;
}
