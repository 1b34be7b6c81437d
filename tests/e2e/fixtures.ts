import {
  test as base,
  expect,
  chromium,
  _electron,
  type Browser,
  type Page,
} from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { CHANNELS, methodName } from '../../src/shared/api';
import { dispatch } from '../../src/main/ipc';
import { createServices, type Services } from '../../src/main/services';

/**
 * One set of specs, two targets (DESIGN.md): the built Electron app where its binary is present,
 * otherwise Chromium on the built renderer with `window.api` bound to the real services over a
 * temporary data dir. Only Electron's IPC transport and window chrome differ.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER_DIR = join(ROOT, 'out/renderer');
const ORIGIN = 'http://xinzhi.app';
const VIEWPORT = { width: 1280, height: 860 };

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
  /** Quit (flushing everything) and start again over the same data dir. */
  restart(): Promise<void>;
}

interface Session {
  page: Page;
  restart(): Promise<void>;
  stop(): Promise<void>;
}
interface Harness {
  start(dataDir: string): Promise<Session>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

function browserHarness(browser: Browser): Harness {
  return {
    async start(dataDir) {
      let services: Services = await createServices({
        dataDir,
        resourcesDir: join(ROOT, 'resources'),
      });
      const pending = new Set<Promise<unknown>>();
      const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
      await context.route(`${ORIGIN}/**`, async (route) => {
        const path = normalize(decodeURIComponent(new URL(route.request().url()).pathname));
        const file = join(RENDERER_DIR, path === '/' ? 'index.html' : path);
        if (!file.startsWith(RENDERER_DIR) || !existsSync(file))
          return route.fulfill({ status: 404 });
        await route.fulfill({
          body: await readFile(file),
          headers: { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' },
        });
      });
      // Everything else (there should be nothing: the app makes no network request) is refused.
      await context.route(
        (url) => !url.href.startsWith(ORIGIN),
        (route) => route.abort(),
      );
      await context.exposeBinding('__xinzhiInvoke', (_source, channel: string, input: unknown) => {
        const call = dispatch(services, channel, input);
        pending.add(call);
        void call.finally(() => pending.delete(call));
        return call;
      });
      const methods = CHANNELS.map((c) => [c, methodName(c)]);
      await context.addInitScript((pairs: string[][]) => {
        const invoke = (
          globalThis as unknown as { __xinzhiInvoke(c: string, i: unknown): Promise<unknown> }
        ).__xinzhiInvoke;
        const api = Object.fromEntries(
          pairs.map(([c, m]) => [m, (input?: unknown) => invoke(c, input)]),
        );
        Object.defineProperty(globalThis, 'api', { value: Object.freeze(api) });
      }, methods);
      const page = await context.newPage();
      const open = () => page.goto(`${ORIGIN}/index.html`);
      await open();
      const quit = async () => {
        await page.goto('about:blank'); // the page's pagehide handlers flush their saves
        await Promise.allSettled([...pending]);
        await services.dispose();
      };
      return {
        page,
        async restart() {
          await quit();
          services = await createServices({ dataDir, resourcesDir: join(ROOT, 'resources') });
          await open();
        },
        async stop() {
          await quit();
          await context.close();
        },
      };
    },
  };
}

export const test = base.extend<{ app: XinzhiApp }, { browser: Browser }>({
  browser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      if (target === 'electron') {
        console.log('[xinzhi e2e] target: electron (built app in out/main)');
        await use(null as unknown as Browser);
        return;
      }
      const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
      console.log(
        `[xinzhi e2e] target: browser harness (Chromium at ${executablePath}, real services)`,
      );
      const browser = await chromium.launch({
        executablePath,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ browser }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'xinzhi-e2e-'));
    if (target === 'electron') {
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
      const app: XinzhiApp = {
        page: current.page,
        dataDir,
        target,
        async restart() {
          await current.electronApp.close();
          current = await launch();
          app.page = current.page;
        },
      };
      await use(app);
      await current.electronApp.close();
    } else {
      const session = await browserHarness(browser).start(dataDir);
      await use({ page: session.page, dataDir, target, restart: session.restart });
      await session.stop();
    }
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect };
