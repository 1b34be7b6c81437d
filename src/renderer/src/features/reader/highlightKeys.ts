import { COLORS, type Color } from '../../../../shared/highlights';

export interface HighlightKeyActions {
  recolor(color: Color): void;
  editNote(): void;
  flashcard(): void;
  remove(): void;
  close(): void;
}

/**
 * The keys of a selected highlight, wherever focus is (its card or the text): 1–5 recolour, n
 * edits the note, f makes a flashcard, Delete moves it to the Trash, Esc lets it go. True when the key was used.
 * Keys typed into a field, or pressed on a button or link, are theirs, except Esc.
 */
export function highlightKey(event: KeyboardEvent | React.KeyboardEvent, act: HighlightKeyActions) {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target as HTMLElement;
  if (event.key === 'Escape') {
    act.close();
    return true;
  }
  if (target.closest('input, textarea, select, button, a, [role="button"], [role="dialog"]')) {
    return false;
  }
  const index = Number(event.key) - 1;
  if (index >= 0 && index < COLORS.length) act.recolor(COLORS[index]);
  else if (event.key === 'n') act.editNote();
  else if (event.key === 'f') act.flashcard();
  else if (event.key === 'Delete' || event.key === 'Backspace') act.remove();
  else return false;
  return true;
}
