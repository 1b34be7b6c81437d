/**
 * Highlights change in one view and show in others (reader, Notes, Trash, Library counts).
 * Whoever changes them calls `highlightsChanged()`; views that show them reload on it.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function highlightsChanged(): void {
  for (const listener of listeners) listener();
}

/** Subscribes; returns the unsubscribe function (a React effect's cleanup). */
export function onHighlightsChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
