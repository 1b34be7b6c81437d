import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * The app's page is served from `app://xinzhi/`, a privileged scheme of its own, rather than from
 * `file://` (Electron's security checklist, item 18): the page can reach the built renderer's
 * files and nothing else on disk. The browser harness serves the end-to-end suite's pages with
 * the same `appAsset`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'xinzhi';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** For `protocol.registerSchemesAsPrivileged`, before the app is ready: a standard, secure
 * origin (so `'self'`, relative URLs and module scripts work as on https), readable by fetch. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface AppAsset {
  status: 200 | 404;
  headers: Record<string, string>;
  body: Buffer<ArrayBuffer> | null;
}

const notFound = (): AppAsset => ({ status: 404, headers: {}, body: null });

/**
 * The file of the built renderer (`root`) that a URL's path names, with its type and the
 * Content-Security-Policy; 404 for anything outside `root`, missing, or malformed.
 */
export async function appAsset(pathname: string, root: string): Promise<AppAsset> {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return notFound();
  }
  if (path.includes('\0')) return notFound();
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return notFound();
  try {
    const body = await readFile(file);
    return {
      status: 200,
      headers: {
        'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
      body,
    };
  } catch {
    return notFound(); // missing, a folder, or unreadable
  }
}

/** The handler for `protocol.handle(APP_SCHEME, …)`: GET requests to our host only. */
export function appProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const asset =
      url.host === APP_HOST && request.method === 'GET'
        ? await appAsset(url.pathname, root)
        : notFound();
    return new Response(asset.body, { status: asset.status, headers: asset.headers });
  };
}
