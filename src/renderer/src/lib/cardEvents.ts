import type { CardView } from '../../../shared/cards';

/**
 * Cards are made in one place (the reader, the card browser, a review) and shown in others.
 * `openCardEditor` asks the app to open the editor; `cardsChanged` tells views to reload.
 */
export type CardEditorRequest =
  | { kind: 'from-highlight'; highlightId: string }
  | { kind: 'edit'; card: CardView }
  | { kind: 'new' };

type Listener<T> = (value: T) => void;
const editorListeners = new Set<Listener<CardEditorRequest>>();
const changeListeners = new Set<Listener<void>>();

export function openCardEditor(request: CardEditorRequest): void {
  for (const listener of editorListeners) listener(request);
}
export function onOpenCardEditor(listener: Listener<CardEditorRequest>): () => void {
  editorListeners.add(listener);
  return () => editorListeners.delete(listener);
}

export function cardsChanged(): void {
  for (const listener of changeListeners) listener();
}
export function onCardsChanged(listener: Listener<void>): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}
