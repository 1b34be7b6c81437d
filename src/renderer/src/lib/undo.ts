import { api, call, errorMessage } from './api';
import { highlightsChanged } from './highlightEvents';

/**
 * Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z: the history lives in the main process (so it survives a
 * reload of the page); this runs a step and tells the user what it did.
 */
export async function runHistory(
  direction: 'undo' | 'redo',
  report: (message: string) => void,
): Promise<void> {
  try {
    const step = await call(direction === 'undo' ? api.historyUndo() : api.historyRedo());
    if (!step) {
      report(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      return;
    }
    highlightsChanged();
    report(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${step.label.toLowerCase()}.`);
  } catch (error) {
    report(`Could not ${direction}: ${errorMessage(error)}`);
  }
}
