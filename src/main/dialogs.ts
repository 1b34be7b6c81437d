import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from './services/data';

/** The services' file dialogs as Electron's native ones, attached to the app's window. */
export function nativeDialogs(window: () => BrowserWindow | null): Dialogs {
  const show = <T>(open: (w: BrowserWindow) => Promise<T>, fallback: () => Promise<T>) => {
    const w = window();
    return w ? open(w) : fallback();
  };
  return {
    async chooseFolder(title) {
      const options = { title, properties: ['openDirectory', 'createDirectory'] as const };
      const r = await show(
        (w) => dialog.showOpenDialog(w, { ...options, properties: [...options.properties] }),
        () => dialog.showOpenDialog({ ...options, properties: [...options.properties] }),
      );
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseSaveFile(title, defaultName) {
      const r = await show(
        (w) => dialog.showSaveDialog(w, { title, defaultPath: defaultName }),
        () => dialog.showSaveDialog({ title, defaultPath: defaultName }),
      );
      return r.canceled ? null : (r.filePath ?? null);
    },
    async chooseOpenFile(title, extensions) {
      const filters = [{ name: 'Backups and annotations', extensions }];
      const r = await show(
        (w) => dialog.showOpenDialog(w, { title, filters, properties: ['openFile'] }),
        () => dialog.showOpenDialog({ title, filters, properties: ['openFile'] }),
      );
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  };
}
