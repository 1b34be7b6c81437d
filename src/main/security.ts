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

const MAX_URL_LENGTH = 2048;

/**
 * Returns the URL to hand to the system browser, or null. Only plain `http:`/`https:` URLs with a
 * host and no credentials pass; the raw string must already start with the scheme (no leading
 * whitespace, no control characters (C0 or C1), invisible format characters such as bidi marks
 * and zero-width spaces, or unpaired surrogates, which a parser would quietly strip or encode).
 * What is returned is the parser's normalised `href` (hosts in punycode), the form the browser
 * will show; it is never longer than 2,048 characters either.
 */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH) return null;
  const hasControl = /[\p{Cc}\p{Cf}\p{Cs}]/u.test(raw);
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
  // Percent-encoding can make the href several times longer than the raw string.
  if (url.href.length > MAX_URL_LENGTH) return null;
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

/** The preferences a page was really created with, as Electron reports them. */
interface WebPreferencesLike {
  contextIsolation?: unknown;
  sandbox?: unknown;
  nodeIntegration?: unknown;
  webSecurity?: unknown;
}
interface WebContentsLike {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  /** Present at run time in Electron 41 but missing from its typings, hence optional; returns
   * null for contents Electron made without web preferences (its own DevTools UI). */
  getLastWebPreferences?(): WebPreferencesLike | null;
  close(): void;
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

/** Why a page's preferences are unsafe (none: they are safe). Anything but an explicit, secure
 * value counts as unsafe for the isolation and the sandbox. */
function unsafePreferences(prefs: WebPreferencesLike): string[] {
  return [
    prefs.contextIsolation !== true && 'contextIsolation is off',
    prefs.sandbox !== true && 'sandbox is off',
    prefs.nodeIntegration === true && 'nodeIntegration is on',
    prefs.webSecurity === false && 'webSecurity is off',
  ].filter((reason): reason is string => typeof reason === 'string');
}

/**
 * App-wide: windows never open, pages never navigate, permissions are never granted, and a page
 * created without isolation, sandbox or web security (or with Node) is closed at once.
 */
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
    // Checked after the guards above are in place, so a page that is not closed at once (its
    // close still pending) can neither navigate nor open windows meanwhile.
    const prefs = contents.getLastWebPreferences?.();
    const unsafe = prefs ? unsafePreferences(prefs) : [];
    if (unsafe.length > 0) {
      console.error(
        `[xinzhi] closing a page created with unsafe preferences: ${unsafe.join(', ')}`,
      );
      contents.close();
    }
  });
}
