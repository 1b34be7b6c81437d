import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  screen,
  session,
  shell,
} from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerIpc } from './ipc';
import { aboutText, menuTemplate } from './menu';
import { CONTENT_SECURITY_POLICY, installGuards, isAppUrl } from './security';
import { createServices, type Services } from './services';
import { visibleState, windowOptions } from './window';

// Must happen before `ready`: tests and portable installs point the data directory elsewhere.
if (process.env.XINZHI_DATA_DIR) app.setPath('userData', process.env.XINZHI_DATA_DIR);

let win: BrowserWindow | null = null;
let services: Services | null = null;
const appUrl =
  process.env.ELECTRON_RENDERER_URL ??
  pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;

if (!app.requestSingleInstanceLock()) {
  app.quit(); // Only one instance may write the store; the first one is focused instead.
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Xinzhi could not start', String(error));
    app.quit();
  });
}

async function start(): Promise<void> {
  installGuards({
    openExternal: (url) => shell.openExternal(url),
    onWebContentsCreated: (listener) =>
      app.on('web-contents-created', (_e, contents) => listener(contents)),
    session: session.defaultSession,
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    }),
  );
  const resourcesDir = app.isPackaged
    ? join(process.resourcesPath, 'resources')
    : join(app.getAppPath(), 'resources');
  services = await createServices({
    dataDir: app.getPath('userData'),
    resourcesDir,
    appVersion: app.getVersion(),
  });
  const s = services;
  registerIpc(
    ipcMain,
    s,
    (event) => event.sender === win?.webContents && isAppUrl(event.senderFrame?.url ?? '', appUrl),
  );
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(process.platform === 'darwin', async () => {
        const info = await s['app:info'](undefined);
        await dialog.showMessageBox({
          type: 'info',
          title: 'About Xinzhi',
          message: 'Xinzhi 新质',
          detail: aboutText(info),
        });
      }),
    ),
  );
  createWindow(s);
}

function createWindow(s: Services): void {
  const state = visibleState(
    s.windowState(),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  win = new BrowserWindow(
    windowOptions(
      join(import.meta.dirname, '../preload/index.cjs'),
      state,
      nativeTheme.shouldUseDarkColors,
    ),
  );
  if (state?.maximized) win.maximize();
  win.once('ready-to-show', () => win?.show());
  win.on('close', () => {
    if (!win) return;
    const b = win.getNormalBounds();
    void s.saveWindowState({
      x: b.x,
      y: b.y,
      width: b.width,
      height: b.height,
      maximized: win.isMaximized(),
    });
  });
  win.on('closed', () => (win = null));
  void win.loadURL(appUrl);
}

// Flush and back up before quitting: a mutation the UI showed is never lost.
let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !services) return;
  event.preventDefault();
  quitting = true;
  void services.dispose().finally(() => app.quit());
});
app.on('window-all-closed', () => app.quit());
