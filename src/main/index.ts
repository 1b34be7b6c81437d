import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import { join } from 'node:path';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, appProtocolHandler } from './app-protocol';
import { registerIpc, type IpcRegistration } from './ipc';
import { aboutText, menuTemplate } from './menu';
import { installGuards, isAppUrl } from './security';
import { createServices, type Services } from './services';
import { nativeDialogs } from './dialogs';
import { resourcesDirFor } from './paths';
import { visibleState, windowOptions } from './window';

// Must happen before `ready`: tests and portable installs point the data directory elsewhere.
if (process.env.XINZHI_DATA_DIR) app.setPath('userData', process.env.XINZHI_DATA_DIR);

let win: BrowserWindow | null = null;
let services: Services | null = null;
let ipc: IpcRegistration | null = null;
let windowSaved: Promise<unknown> = Promise.resolve();
const appUrl = process.env.ELECTRON_RENDERER_URL ?? APP_URL;
// Before `ready`: the page's own origin, app://xinzhi, rather than file:// (app-protocol.ts).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

if (!app.requestSingleInstanceLock()) {
  app.quit(); // Only one instance may write the store; the first one is focused instead.
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Never linger as an invisible process holding the single-instance lock.
      dialog.showErrorBox('Xinzhi could not start', String(error));
      app.exit(1);
    });
}

async function start(): Promise<void> {
  installGuards({
    openExternal: (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK -- installGuards passes only URLs that passed safeExternalUrl
    onWebContentsCreated: (listener) =>
      app.on('web-contents-created', (_e, contents) => listener(contents)),
    session: session.defaultSession,
  });
  // The built renderer's files, each with the CSP header (the dev server serves its own).
  session.defaultSession.protocol.handle(
    APP_SCHEME,
    appProtocolHandler(join(import.meta.dirname, '../renderer')),
  );
  const resourcesDir = resourcesDirFor({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    override: process.env.XINZHI_RESOURCES_DIR,
  });
  services = await createServices({
    dataDir: app.getPath('userData'),
    resourcesDir,
    appVersion: app.getVersion(),
    dialogs: nativeDialogs(() => win),
  });
  const s = services;
  ipc = registerIpc(
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
  const preload = join(import.meta.dirname, '../preload/index.cjs');
  const options = windowOptions(preload, state, nativeTheme.shouldUseDarkColors);
  win = new BrowserWindow(options); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK -- windowOptions() sets contextIsolation and sandbox (glue.test.ts); installGuards denies every new window, middle-click included
  if (state?.maximized) win.maximize();
  win.once('ready-to-show', () => win?.show());
  win.on('close', () => {
    if (!win) return;
    const b = win.getNormalBounds();
    const state = {
      x: b.x,
      y: b.y,
      width: b.width,
      height: b.height,
      maximized: win.isMaximized(),
    };
    windowSaved = s.saveWindowState(state).catch((error: unknown) => {
      console.error('[xinzhi] window state not saved', error);
    });
  });
  win.on('closed', () => (win = null));
  void win.loadURL(appUrl);
}

/**
 * Quitting: close the window first (it saves its bounds, and the page saves its reading
 * position as it unloads), let those last calls finish, then flush and back up the store.
 */
async function shutDown(s: Services): Promise<void> {
  const w = win;
  if (w) {
    const closed = new Promise<void>((resolve) => w.once('closed', () => resolve()));
    w.close();
    await closed;
  }
  await windowSaved;
  await new Promise((resolve) => setTimeout(resolve, 100)); // the page's last IPC messages
  await ipc?.idle();
  await s.dispose();
}

let shutdown: Promise<void> | null = null;
let disposed = false;
app.on('before-quit', (event) => {
  if (disposed || !services) return;
  event.preventDefault();
  shutdown ??= shutDown(services).finally(() => {
    disposed = true;
    app.quit();
  });
});
app.on('window-all-closed', () => app.quit());
