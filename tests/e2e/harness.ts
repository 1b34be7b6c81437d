import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHANNELS, methodName, type Result } from '../../src/shared/api';
import { appAsset } from '../../src/main/app-protocol';
import { dispatch } from '../../src/main/ipc';
import { createServices, type ServiceOptions } from '../../src/main/services';
import { startServicesThread, type ServicesThread } from './services-thread';
import { emptyStore } from '../../src/main/store/schema';

/**
 * The browser harness (DESIGN.md): Chromium on the built renderer (`out/renderer`, served by
 * `route` through the app:// protocol's own `appAsset`, CSP header included; no file://), with
 * `window.api` bound to the real services from `createServices` over a data dir. Only Electron's
 * IPC transport and window chrome are absent. Used by the end-to-end fixture and by the
 * benchmarks.
 */

export const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER_DIR = join(ROOT, 'out/renderer');
const RESOURCES_DIR = join(ROOT, 'resources');
export const ORIGIN = 'http://xinzhi.app';
export const VIEWPORT = { width: 1280, height: 860 };

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
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
}

/**
 * An empty data dir as a returning user has it: the welcome tour already seen, so that it does
 * not cover what a spec is testing. Specs of the first run opt out (`firstRun`). A dir that
 * already holds a store is left alone.
 */
export async function tourSeen(dataDir: string): Promise<void> {
  const file = join(dataDir, 'xinzhi.json');
  if (existsSync(file)) return;
  const data = emptyStore();
  data.settings.tourDone = true;
  await writeFile(file, JSON.stringify(data));
}

export interface HarnessSession {
  page: Page;
  /** Quit (the page unloads, pending calls finish, services flush) and start again;
   * `whileClosed` runs in between, e.g. to damage the data file. */
  restart(whileClosed?: () => Promise<void>): Promise<void>;
  /** What the next native file dialogs answer, in order (a path, or null for Cancel). */
  answerDialogs(...paths: (string | null)[]): Promise<void>;
  stop(): Promise<void>;
  /** The services' thread, with `worker: true` (else null). */
  readonly thread: ServicesThread | null;
}

export interface HarnessOptions {
  /** A first run: the welcome tour is not marked as seen. */
  firstRun?: boolean;
  /** Told of every call the page makes and its result (the soak counts refusals and failures). */
  onResult?(channel: string, input: unknown, result: Result<unknown>): void;
  /** Run the services in a worker thread: an event loop of their own, apart from the test
   * driver, as in Electron's main process. The session's `thread` then measures them. */
  worker?: boolean;
}

export async function startHarness(
  browser: Browser,
  dataDir: string,
  { firstRun = false, onResult, worker = false }: HarnessOptions = {},
): Promise<HarnessSession> {
  if (!firstRun) await tourSeen(dataDir);
  // What Electron's app.getVersion() gives: the version in package.json.
  const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const options = {
    dataDir,
    appVersion: version,
    resourcesDir: process.env.XINZHI_RESOURCES_DIR ?? RESOURCES_DIR,
  };
  const start = (): Promise<Backend> =>
    worker ? startServicesThread(options) : servicesHere(options);
  let services = await start();
  const pending = new Set<Promise<unknown>>();
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const { status, headers, body } = await appAsset(
      new URL(route.request().url()).pathname,
      RENDERER_DIR,
    );
    await route.fulfill({ status, headers, body: body ?? undefined });
  });
  // Anything else is refused: the app makes no network request.
  await context.route(
    (url) => !url.href.startsWith(ORIGIN),
    (route) => route.abort(),
  );
  // Results cross as one JSON string: Playwright serialises objects value by value, which for a
  // list of 500 highlights takes about a second, while Electron's structured clone takes
  // milliseconds. A string keeps the harness from distorting timings.
  await context.exposeBinding('__xinzhiInvoke', (_source, channel: string, input: unknown) => {
    const call = services.call(channel, input).then((result) => {
      onResult?.(channel, input, result);
      return result;
    });
    pending.add(call);
    void call.finally(() => pending.delete(call));
    return call.then((result) => JSON.stringify(result));
  });
  // What the preload does in Electron: named methods generated from the channel list.
  await context.addInitScript(
    (pairs: string[][]) => {
      const invoke = (
        globalThis as unknown as { __xinzhiInvoke(c: string, i: unknown): Promise<string> }
      ).__xinzhiInvoke;
      const api = Object.fromEntries(
        pairs.map(([c, m]) => [
          m,
          async (input?: unknown) => JSON.parse(await invoke(c, input)) as unknown,
        ]),
      );
      Object.defineProperty(globalThis, 'api', { value: Object.freeze(api) });
    },
    CHANNELS.map((c) => [c, methodName(c)]),
  );
  const page = await context.newPage();
  const open = () => page.goto(`${ORIGIN}/index.html`);
  await open();

  const quit = async () => {
    await page.goto('about:blank'); // pagehide handlers flush their saves
    await Promise.allSettled([...pending]);
    await services.dispose();
  };
  return {
    page,
    async restart(whileClosed) {
      await quit();
      await whileClosed?.();
      services = await start();
      await open();
    },
    async answerDialogs(...paths) {
      await services.answer(paths);
    },
    async stop() {
      await quit();
      await context.close();
    },
    get thread() {
      return worker ? (services as ServicesThread) : null;
    },
  };
}

/** What the harness needs of the services, wherever they run. */
type Backend = Pick<ServicesThread, 'call' | 'answer' | 'dispose'>;

/** The services in this process. The native dialogs are Electron's: here they answer what the
 * test said they would. */
async function servicesHere(options: Omit<ServiceOptions, 'dialogs'>): Promise<Backend> {
  const answers: (string | null)[] = [];
  const answer = async () => answers.shift() ?? null;
  const dialogs = { chooseFolder: answer, chooseSaveFile: answer, chooseOpenFile: answer };
  const services = await createServices({ ...options, dialogs });
  return {
    call: (channel, input) => dispatch(services, channel, input),
    answer: async (paths) => void answers.push(...paths),
    dispose: () => services.dispose(),
  };
}
