/**
 * Security policy of the shell. Pure functions here; `installGuards` wires them to Electron
 * objects passed in, so the glue is testable with stand-ins.
 */

/** Content-Security-Policy for every page we load: nothing remote, no eval, no inline script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Returns the URL to hand to the system browser, or null. Only plain `http:`/`https:` URLs with a
 * host and no credentials pass; the raw string must already start with the scheme (no leading
 * whitespace or control characters that a parser would quietly strip).
 */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  const hasControl = [...raw].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
  if (hasControl || !/^https?:\/\/[^\s/\\?#@]/i.test(raw) || /[\s\\]/.test(raw)) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.hostname || url.username || url.password) return null;
  return url.href;
}

/** True when `url` is our own renderer page (the app's file or the dev server). */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(appUrl);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

interface WebContentsLike {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
}
interface SessionLike {
  setPermissionRequestHandler(
    handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}
export interface GuardDeps {
  openExternal(url: string): unknown;
  /** Called for every webContents the app creates. */
  onWebContentsCreated(listener: (contents: WebContentsLike) => void): void;
  session: SessionLike;
}

/** App-wide: windows never open, pages never navigate, permissions are never granted. */
export function installGuards(deps: GuardDeps): void {
  deps.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  deps.session.setPermissionCheckHandler(() => false);
  const openOutside = (url: string) => {
    const safe = safeExternalUrl(url);
    if (safe) void deps.openExternal(safe); // eng-disable OPEN_EXTERNAL_JS_CHECK -- only http(s) URLs that passed safeExternalUrl
  };
  deps.onWebContentsCreated((contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openOutside(url);
      return { action: 'deny' };
    });
    const block = (event: { preventDefault(): void }, url: string) => {
      event.preventDefault();
      openOutside(url);
    };
    contents.on('will-navigate', block);
    contents.on('will-redirect', block);
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
