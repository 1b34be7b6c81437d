/**
 * Highlights change in one view and show in others (reader, Notes, Trash, Library counts).
 * Whoever changes them calls `highlightsChanged()`; views that show them reload on it. A view
 * that already shows its own change passes itself as `from`, and is not told of it.
 */
type Listener = () => void;
const listeners = new Map<Listener, unknown>();

export function highlightsChanged(from?: unknown): void {
  for (const [listener, owner] of listeners) {
    if (from === undefined || owner !== from) listener();
  }
}

/** Subscribes (as `owner`, if given); returns the unsubscribe function (a React effect's
 * cleanup). */
export function onHighlightsChanged(listener: Listener, owner?: unknown): () => void {
  listeners.set(listener, owner);
  return () => listeners.delete(listener);
}
