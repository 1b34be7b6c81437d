import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { WindowState } from './services';

export const DEFAULT_SIZE = { width: 1280, height: 860 };
export const MIN_SIZE = { width: 720, height: 520 };

/** The secure options every window is created with (checked by a unit test). */
export function windowOptions(
  preload: string,
  state: WindowState | null,
  dark = false,
): BrowserWindowConstructorOptions {
  return {
    ...DEFAULT_SIZE,
    ...(state ? { x: state.x, y: state.y, width: state.width, height: state.height } : {}),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Xinzhi',
    // The theme's background, so the window never flashes the wrong colour before the first paint.
    backgroundColor: dark ? '#141619' : '#f4f2ed',
    autoHideMenuBar: false,
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/**
 * Keeps a remembered position only if it is still on a screen (a monitor may have been
 * unplugged since); otherwise the window opens centred at the remembered size.
 */
export function visibleState(
  state: WindowState | null,
  workAreas: Rectangle[],
): WindowState | null {
  if (!state) return null;
  const width = Math.max(MIN_SIZE.width, state.width);
  const height = Math.max(MIN_SIZE.height, state.height);
  if (state.x === undefined || state.y === undefined) return { ...state, width, height };
  const { x, y } = state;
  const onScreen = workAreas.some(
    (a) => x + 100 > a.x && y + 50 > a.y && x + 100 < a.x + a.width && y < a.y + a.height - 50,
  );
  return onScreen ? { ...state, width, height } : { width, height, maximized: state.maximized };
}
