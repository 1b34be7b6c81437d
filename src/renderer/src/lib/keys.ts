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
      { keys: [`${MOD} 1`], action: 'Go to the Library' },
      { keys: [`${MOD} 2`], action: 'Go to the Reader' },
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
      { keys: ['j', '↓'], action: 'Scroll down' },
      { keys: ['k', '↑'], action: 'Scroll up' },
      { keys: ['Space', 'Page Down'], action: 'Next screen' },
      { keys: ['Shift Space', 'Page Up'], action: 'Previous screen' },
      { keys: ['['], action: 'Previous article' },
      { keys: [']'], action: 'Next article' },
      { keys: [`${MOD} +`, `${MOD} -`], action: 'Larger or smaller text' },
      { keys: ['t'], action: 'Show or hide the contents' },
      { keys: ['i'], action: 'Show or hide "About this article"' },
      { keys: ['Esc'], action: 'Close a panel or dialog' },
    ],
  },
];
