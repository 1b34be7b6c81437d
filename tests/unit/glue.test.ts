import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src/shared/api';
import { CONTENT_SECURITY_POLICY, installGuards, safeExternalUrl } from '../../src/main/security';
import { visibleState, windowOptions } from '../../src/main/window';

/**
 * The Electron glue, tested with a stand-in `electron` module (the binary cannot run here).
 * The stand-in records what the glue asks of Electron.
 */
const electron = vi.hoisted(() => {
  type Fn = (...args: unknown[]) => unknown;
  const appEvents = new Map<string, Fn[]>();
  const windows: {
    options: Record<string, unknown>;
    events: Map<string, Fn[]>;
    focused: number;
    url?: string;
    contents: unknown;
  }[] = [];
  let ready: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  const state = {
    lock: true,
    userData: '',
    setPathCalls: [] as [string, string][],
    handled: new Map<string, Fn>(),
    permissionAnswers: [] as boolean[],
    permissionCheck: null as null | (() => boolean),
    privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
    schemes: new Map<string, (request: Request) => Promise<Response>>(),
    quitCalls: 0,
  };
  const app = {
    requestSingleInstanceLock: () => state.lock,
    quit: () => void state.quitCalls++,
    on: (event: string, fn: Fn) => appEvents.set(event, [...(appEvents.get(event) ?? []), fn]),
    whenReady: () => readyPromise,
    setPath: (name: string, value: string) => {
      state.setPathCalls.push([name, value]);
      if (name === 'userData') state.userData = value;
    },
    getPath: () => state.userData,
    getAppPath: () => join(import.meta.dirname, '../..'),
    getVersion: () => '9.9.9',
    isPackaged: false,
  };
  class BrowserWindow {
    webContents = { id: 'main-contents' };
    record: (typeof windows)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, events: new Map(), focused: 0, contents: this.webContents };
      windows.push(this.record);
    }
    once(event: string, fn: Fn) {
      this.record.events.set(event, [...(this.record.events.get(event) ?? []), fn]);
    }
    on(event: string, fn: Fn) {
      this.record.events.set(event, [...(this.record.events.get(event) ?? []), fn]);
    }
    maximize() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      this.record.focused++;
    }
    show() {}
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1000, height: 700 };
    }
    close() {
      for (const name of ['close', 'closed'])
        for (const fn of this.record.events.get(name) ?? []) fn();
    }
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (
        h: (wc: unknown, p: string, cb: (g: boolean) => void) => void,
      ) => h(null, 'geolocation', (granted) => state.permissionAnswers.push(granted)),
      setPermissionCheckHandler: (h: () => boolean) => (state.permissionCheck = h),
      protocol: {
        handle: (scheme: string, h: (request: Request) => Promise<Response>) =>
          state.schemes.set(scheme, h),
      },
    },
  };
  return {
    state,
    appEvents,
    windows,
    ready: () => ready(),
    module: {
      app,
      BrowserWindow,
      session,
      protocol: {
        registerSchemesAsPrivileged: (
          schemes: { scheme: string; privileges: Record<string, boolean> }[],
        ) => state.privileged.push(...schemes),
      },
      ipcMain: { handle: (channel: string, fn: Fn) => state.handled.set(channel, fn) },
      Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
      dialog: { showErrorBox: () => undefined, showMessageBox: () => Promise.resolve() },
      screen: { getAllDisplays: () => [] },
      nativeTheme: { shouldUseDarkColors: false },
      shell: { openExternal: () => Promise.resolve() },
    },
  };
});
vi.mock('electron', () => electron.module);

describe('windowOptions', () => {
  it('creates every window sandboxed, isolated and without Node', () => {
    const prefs = windowOptions('/app/preload.cjs', null).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
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
    });
  });

  it('restores a remembered size and position that is still on screen', () => {
    const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    const state = { x: 100, y: 80, width: 1100, height: 800, maximized: false };
    expect(visibleState(state, screen)).toEqual(state);
    expect(visibleState({ ...state, x: 5000 }, screen)).toEqual({
      width: 1100,
      height: 800,
      maximized: false,
    });
    expect(windowOptions('p', state)).toMatchObject({ x: 100, y: 80, width: 1100, height: 800 });
  });
});

describe('the main process glue', () => {
  it('locks to one instance, honours XINZHI_DATA_DIR and opens one secure window', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'xinzhi-glue-'));
    process.env.XINZHI_DATA_DIR = dataDir;
    await import('../../src/main/index');
    expect(electron.state.setPathCalls).toContainEqual(['userData', dataDir]);
    // Before ready, as Electron requires: app:// is a standard, secure scheme.
    expect(electron.state.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    electron.ready();
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1), { timeout: 10_000 });
    const [win] = electron.windows;
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(
      String(
        win.options.webPreferences && (win.options.webPreferences as { preload: string }).preload,
      ),
    ).toMatch(/preload[\\/]index\.cjs$/);
    expect(win.url).toBe('app://xinzhi/index.html');
    expect([...electron.state.handled.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(electron.state.permissionAnswers).toEqual([false]);
    expect(electron.state.permissionCheck?.()).toBe(false);

    // app:// serves the renderer's folder (here the sources': the glue runs from src/main), with
    // the CSP header, and nothing outside it.
    const serve = electron.state.schemes.get('app')!;
    const page = await serve(new Request('app://xinzhi/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<div id="root"></div>');
    for (const url of ['app://xinzhi/%2e%2e/main/index.ts', 'app://other/index.html']) {
      expect((await serve(new Request(url))).status).toBe(404);
    }

    // IPC from another webContents is refused; from ours it is served.
    const handler = electron.state.handled.get('settings:get') as (
      e: unknown,
      i: unknown,
    ) => Promise<unknown>;
    const appUrl = win.url as string;
    expect(
      await handler({ sender: { id: 'intruder' }, senderFrame: { url: appUrl } }, undefined),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await handler(
        { sender: win.contents, senderFrame: { url: 'https://evil.example/' } },
        undefined,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await handler({ sender: win.contents, senderFrame: { url: appUrl } }, undefined),
    ).toMatchObject({
      ok: true,
      value: { theme: 'system' },
    });

    // A second launch focuses the first window.
    for (const fn of electron.appEvents.get('second-instance') ?? []) fn();
    expect(win.focused).toBe(1);

    // Quitting closes the window (which saves its bounds), then flushes the services, and only
    // then really quits.
    const preventDefault = vi.fn();
    for (const fn of electron.appEvents.get('before-quit') ?? []) fn({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.state.quitCalls).toBe(1), { timeout: 10_000 });
    const { createServices } = await import('../../src/main/services');
    const reopened = await createServices({
      dataDir,
      resourcesDir: join(import.meta.dirname, '../../resources'),
    });
    expect(reopened.windowState()).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: false,
    });
    await reopened.dispose();
  });
});

describe('installGuards', () => {
  it('denies new windows and navigation, and opens only http(s) links outside', () => {
    const opened: string[] = [];
    let contentsListener: ((c: never) => void) | undefined;
    installGuards({
      openExternal: (url) => opened.push(url),
      onWebContentsCreated: (l) => (contentsListener = l as never),
      session: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
      },
    });
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const listeners = new Map<string, (e: { preventDefault(): void }, url?: string) => void>();
    contentsListener?.({
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
      on: (event: string, l: (e: { preventDefault(): void }, url?: string) => void) =>
        listeners.set(event, l),
    } as never);
    expect(openHandler?.({ url: 'https://example.org/a' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    const event = { preventDefault: vi.fn() };
    listeners.get('will-navigate')?.(event, 'http://example.org/b');
    listeners.get('will-navigate')?.(event, 'file:///tmp/x.html');
    listeners.get('will-attach-webview')?.(event);
    expect(event.preventDefault).toHaveBeenCalledTimes(3);
    expect(opened).toEqual(['https://example.org/a', 'http://example.org/b']);
  });
});

describe('safeExternalUrl', () => {
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' https://example.org',
    'https://example.org\n/x',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    '\\\\server\\share',
    'https://user:pass@example.org',
    'http:/example.org',
    'https:\\\\example.org',
    'vbscript:msgbox',
    'about:blank',
    'ftp://example.org',
    'x'.repeat(3000),
  ])('refuses %s', (url) => expect(safeExternalUrl(url)).toBeNull());

  it.each(['https://example.org/', 'http://example.org/path?q=1#x', 'HTTPS://Example.org/'])(
    'accepts %s',
    (url) => expect(safeExternalUrl(url)).toMatch(/^https?:\/\/example\.org\//),
  );
});
