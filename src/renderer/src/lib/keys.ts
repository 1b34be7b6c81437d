/** True when a key press belongs to a text field, not to the app's single-key shortcuts. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** While a modal dialog is open, its keys (Esc, Tab, Enter) are its own. */
export const modalOpen = (): boolean => document.querySelector('dialog[open]') !== null;

export const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
export const MOD = isMac ? '⌘' : 'Ctrl';

/** Ctrl on Windows/Linux, Cmd on macOS. */
export const hasMod = (event: KeyboardEvent | React.KeyboardEvent): boolean =>
  isMac ? event.metaKey : event.ctrlKey;

export interface Shortcut {
  keys: string[];
  action: string;
}
export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

/** Every shortcut the app answers to; the `?` dialog lists exactly these. */
export const SHORTCUTS: ShortcutGroup[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: ['?'], action: 'Show keyboard shortcuts' },
      { keys: ['F1'], action: 'Help: getting started, shortcuts, About' },
      { keys: [`${MOD} K`], action: 'Search everything, or run a command' },
      { keys: [`${MOD} Shift F`], action: 'Search view with filters' },
      { keys: [`${MOD} 1`], action: 'Go to the Library' },
      { keys: [`${MOD} 2`], action: 'Go to the Reader' },
      { keys: [`${MOD} 3`], action: 'Go to Notes' },
      { keys: [`${MOD} 4`], action: 'Go to the Glossary' },
      { keys: [`${MOD} 5`], action: 'Review flashcards' },
      { keys: [`${MOD} 6`], action: 'Browse the cards' },
      { keys: [`${MOD} 7`], action: 'Statistics' },
      { keys: [`${MOD} 8`], action: 'Compare the sources' },
      { keys: [`${MOD} 9`], action: 'Go to the Trash' },
      { keys: [`${MOD} Z`], action: 'Undo (highlights, notes, tags, card edits, deletes)' },
      { keys: [`${MOD} Shift Z`, `${MOD} Y`], action: 'Redo' },
      {
        keys: [`${MOD} Alt =`, `${MOD} Alt -`, `${MOD} Alt 0`],
        action: 'Zoom the whole window in, out, reset',
      },
    ],
  },
  {
    title: 'Library',
    shortcuts: [
      { keys: ['↑', '↓', '←', '→'], action: 'Move between articles' },
      { keys: ['Home', 'End'], action: 'First or last article' },
      { keys: ['Enter'], action: 'Open the article' },
    ],
  },
  {
    title: 'Reader',
    shortcuts: [
      { keys: [`${MOD} F`], action: 'Find in the article (Enter next, Shift Enter previous)' },
      { keys: ['j', '↓'], action: 'Scroll down' },
      { keys: ['k', '↑'], action: 'Scroll up' },
      { keys: ['Space', 'Page Down'], action: 'Next screen' },
      { keys: ['Shift Space', 'Page Up'], action: 'Previous screen' },
      { keys: ['['], action: 'Previous article' },
      { keys: [']'], action: 'Next article' },
      { keys: [`${MOD} +`, `${MOD} -`], action: 'Larger or smaller text' },
      { keys: ['t'], action: 'Show or hide the contents' },
      { keys: ['i'], action: 'Show or hide "About this article"' },
      { keys: ['Tab', 'Enter'], action: 'Reach a glossary term, show its definition' },
      { keys: ['g'], action: 'List the glossary terms on screen' },
      { keys: ['Esc'], action: 'Close a panel or dialog' },
    ],
  },
  {
    title: 'Review',
    shortcuts: [
      { keys: ['Space', 'Enter'], action: 'Show the answer' },
      { keys: ['1', '2', '3', '4'], action: 'Again, Hard, Good, Easy' },
      { keys: [`${MOD} Z`], action: 'Undo the last answer (many steps)' },
      { keys: ['c'], action: 'Show the passage in context' },
      { keys: ['e'], action: 'Edit the card' },
      { keys: ['s'], action: 'Suspend the card' },
      { keys: [`${MOD} Enter`], action: 'Save a card being made or edited' },
    ],
  },
  {
    title: 'Notes',
    shortcuts: [
      { keys: ['/'], action: 'Filter the notes' },
      { keys: ['↑', '↓', 'Home', 'End'], action: 'Move between highlights' },
      { keys: ['Enter'], action: 'Open the highlight in the reader' },
      { keys: ['Delete'], action: 'Move the highlight to the Trash' },
    ],
  },
  {
    title: 'Selected text',
    shortcuts: [
      { keys: ['Shift ←', 'Shift →', 'Shift ↑', 'Shift ↓'], action: 'Select text from the caret' },
      { keys: ['h'], action: 'Highlight in the last colour used' },
      { keys: ['1', '2', '3', '4', '5'], action: 'Highlight yellow, green, blue, pink, purple' },
      { keys: ['n'], action: 'Highlight and write a note' },
      { keys: ['f'], action: 'Highlight and make a flashcard' },
      { keys: ['Esc'], action: 'Clear the selection' },
    ],
  },
  {
    title: 'Highlights',
    shortcuts: [
      { keys: ['Alt ↓', 'Alt ↑'], action: 'Select the next or previous highlight' },
      { keys: ['1', '2', '3', '4', '5'], action: 'Change the colour of the selected highlight' },
      { keys: ['n'], action: 'Edit its note' },
      { keys: ['f'], action: 'Make a flashcard from it' },
      { keys: ['Enter'], action: 'Move focus into its card' },
      { keys: ['Delete'], action: 'Move it to the Trash' },
      { keys: [`${MOD} Enter`], action: 'Save the note being written' },
      { keys: ['Esc'], action: 'Cancel the note, or let the highlight go' },
    ],
  },
];
