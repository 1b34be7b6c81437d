import { test as base, expect, _electron, type Page } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, VIEWPORT, chromiumPath, launchChromium, startHarness, tourSeen } from './harness';

/**
 * One set of specs, two targets (DESIGN.md): the built Electron app where its binary is present,
 * otherwise the browser harness over the real services. The specs never know which.
 */

/** Never `require('electron')` here: from plain Node it tries to download the binary. */
const electronPresent = () =>
  existsSync(join(ROOT, 'node_modules/electron/dist')) &&
  existsSync(join(ROOT, 'node_modules/electron/path.txt'));

export const target: 'electron' | 'browser' =
  process.env.XINZHI_E2E_TARGET === 'browser' || !electronPresent() ? 'browser' : 'electron';

export interface XinzhiApp {
  page: Page;
  dataDir: string;
  target: typeof target;
  /** Quit (flushing everything) and start again over the same data dir; `whileClosed` runs
   * while the app is not running. */
  restart(whileClosed?: () => Promise<void>): Promise<void>;
  /** What the next native file dialogs answer, in order (a path, or null for Cancel). */
  answerDialogs(...paths: (string | null)[]): Promise<void>;
  /** The web preferences of every webContents, as Electron reports them (electron target only). */
  webPreferences(): Promise<Record<string, unknown>[] | null>;
}

async function electronSession(dataDir: string, firstRun: boolean) {
  if (!firstRun) await tourSeen(dataDir);
  const launch = async () => {
    const electronApp = await _electron.launch({
      args: [join(ROOT, 'out/main/index.js')],
      env: { ...process.env, XINZHI_DATA_DIR: dataDir } as Record<string, string>,
    });
    const page = await electronApp.firstWindow();
    await page.setViewportSize(VIEWPORT);
    return { electronApp, page };
  };
  let current = await launch();
  return {
    get page() {
      return current.page;
    },
    async restart(whileClosed?: () => Promise<void>) {
      await current.electronApp.close();
      await whileClosed?.();
      current = await launch();
    },
    stop: () => current.electronApp.close(),
    webPreferences: () =>
      current.electronApp.evaluate(({ webContents }) =>
        webContents
          .getAllWebContents()
          .map(
            (w) =>
              (
                w as unknown as { getLastWebPreferences(): Record<string, unknown> | null }
              ).getLastWebPreferences() ?? {},
          ),
      ),
    /** Electron's dialog module, answered from a list (the dialogs themselves are native). */
    answerDialogs: (...paths: (string | null)[]) =>
      current.electronApp.evaluate(({ dialog }, list) => {
        const next = () => list.shift() ?? null;
        dialog.showOpenDialog = (async () => {
          const path = next();
          return { canceled: !path, filePaths: path ? [path] : [] };
        }) as typeof dialog.showOpenDialog;
        dialog.showSaveDialog = (async () => {
          const path = next();
          return { canceled: !path, filePath: path ?? '' };
        }) as typeof dialog.showSaveDialog;
      }, paths),
  };
}

export const test = base.extend<
  { app: XinzhiApp; firstRun: boolean },
  { harnessBrowser: Browser | null }
>({
  /** Start as a new user does, with the welcome tour; otherwise as a returning one. */
  firstRun: [false, { option: true }],
  harnessBrowser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      if (target === 'electron') {
        console.log('[xinzhi e2e] target: electron (the built app in out/main)');
        await use(null);
        return;
      }
      console.log(
        `[xinzhi e2e] target: browser harness (Chromium at ${chromiumPath()}, real services)`,
      );
      const browser = await launchChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ harnessBrowser, firstRun }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'xinzhi-e2e-'));
    const session = harnessBrowser
      ? await startHarness(harnessBrowser, dataDir, { firstRun })
      : await electronSession(dataDir, firstRun);
    await use({
      get page() {
        return session.page;
      },
      dataDir,
      target,
      restart: (whileClosed) => session.restart(whileClosed),
      answerDialogs: (...paths) => session.answerDialogs(...paths),
      webPreferences: async () => ('webPreferences' in session ? session.webPreferences() : null),
    });
    await session.stop();
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect };
