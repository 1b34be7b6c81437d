import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
  type MockInstance,
} from 'vitest';
import { tempAppDirs } from './temp-app';
import { CHANNELS, contract, type Channel } from '../../src/shared/api';
import { registerIpc, type IpcEventLike } from '../../src/main/ipc';
import { installGuards, safeExternalUrl, type GuardDeps } from '../../src/main/security';
import { createServices, type Services } from '../../src/main/services';
import { describe as describeSpan } from '../../src/shared/anchoring';

/**
 * The security glue under attack: hostile URLs against both URL guards, malformed payloads on
 * every IPC channel through the real registration and the real services, and pages created with
 * unsafe preferences. Electron itself is replaced by stand-ins that record what is asked of it.
 */

// ---------------------------------------------------------------------------------------------
// URL guards

type WebContentsLike = Parameters<Parameters<GuardDeps['onWebContentsCreated']>[0]>[0];
type NavigationListener = (event: { preventDefault(): void }, url: string) => void;

/** `installGuards` wired to a stand-in session and one stand-in webContents. */
function guarded(prefs?: Record<string, unknown> | null) {
  const opened: string[] = [];
  const listeners = new Map<string, NavigationListener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  let closed = 0;
  let created: ((contents: WebContentsLike) => void) | undefined;
  installGuards({
    openExternal: (url) => opened.push(url),
    onWebContentsCreated: (listener) => (created = listener),
    session: {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
    },
  });
  const contents: WebContentsLike = {
    setWindowOpenHandler: (handler) => (openHandler = handler),
    on: (event: string, listener: NavigationListener) => void listeners.set(event, listener),
    ...(prefs !== undefined && { getLastWebPreferences: () => prefs }),
    close: () => void closed++,
  };
  created?.(contents);
  /** Fires a navigation event; returns how many times it was prevented. */
  const fire = (event: 'will-navigate' | 'will-redirect', url: unknown) => {
    let prevented = 0;
    listeners.get(event)?.({ preventDefault: () => void prevented++ }, url as string);
    return prevented;
  };
  return {
    opened,
    closed: () => closed,
    installed: () => [openHandler !== undefined, ...[...listeners.keys()].sort()],
    open: (url: unknown) => openHandler?.({ url: url as string }),
    navigate: (url: unknown) => fire('will-navigate', url),
    redirect: (url: unknown) => fire('will-redirect', url),
  };
}

const GOOD = 'https://example.org/';

/** Built family by family; every entry must be refused by both guards. */
function hostileUrls(): unknown[] {
  const list: unknown[] = [];
  const add = (...urls: unknown[]) => list.push(...urls);

  // javascript: in odd casings, with whitespace and controls around and inside the scheme.
  for (const scheme of ['javascript', 'JAVASCRIPT', 'JavaScript', 'jAvAsCrIpT', 'javaSCRIPT'])
    add(`${scheme}:alert(1)`, `${scheme}:alert(document.cookie)//https://example.org/`);
  for (const ws of [' ', '\t', '\n', '\r\n', '\u0001', '\u001f', '\u00a0', '\ufeff', '\u200b']) {
    add(`${ws}javascript:alert(1)`, `javascript:alert(1)${ws}`);
    add(`java${ws}script:alert(1)`, `javascript${ws}:alert(1)`);
  }
  // …and encoded, which a careless decoder would turn back into javascript:.
  add(
    'javascript&colon;alert(1)',
    'javascript&#58;alert(1)',
    'javascript&#x3A;alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;&#x61;&#x76;&#x61;script:alert(1)',
    'jav&#x09;ascript:alert(1)',
    'jav&#x0A;ascript:alert(1)',
    'javascript%3Aalert(1)',
    'javascript%3aalert(1)',
    '%6Aavascript:alert(1)',
    '%20javascript:alert(1)',
    'java%09script:alert(1)',
    'javascript:%61lert(1)',
    'javascript://%0aalert(1)',
    'javascript://https://example.org/%0aalert(1)',
    'javascript:https://example.org/',
    'javascript:/*https://example.org/*/alert(1)',
    'javascript:void(0)',
    'javascript:',
    'JaVaScRiPt:eval(atob("YWxlcnQoMSk="))',
  );
  for (const scheme of ['vbscript', 'VBSCRIPT', 'VbScript'])
    add(`${scheme}:msgbox(1)`, `${scheme}:Execute("x")`);
  add(' vbscript:msgbox(1)', 'vb\tscript:msgbox(1)');

  // Local files and shares.
  add(
    'file:///etc/passwd',
    'file://host/share',
    'file://host/share/evil.exe',
    'FILE:///etc/passwd',
    'File:///C:/Windows/win.ini',
    'file:\\\\host\\share',
    'file:\\etc\\passwd',
    'file:/etc/passwd',
    'file:etc/passwd',
    'file://localhost/etc/passwd',
    'file:///C:/Windows/System32/calc.exe',
    'file://///server/share',
    'file:///proc/self/environ',
    'file:%2F%2F%2Fetc%2Fpasswd',
    ' file:///etc/passwd',
  );
  // Documents made of the URL itself.
  add(
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<h1>x</h1>',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'data:application/x-msdownload;base64,TVqQ',
    'data:,https://example.org/',
    'data:text/html;charset=utf-8,%3Cscript%3Ealert(1)%3C/script%3E',
    ' data:text/html,x',
    'blob:https://example.org/0f7c2a9e-1d1c-4b6e-9c1a-2b9f0e6d1a11',
    'blob:null/1234',
    'blob:file:///x',
  );
  // The browser's and Electron's own pages.
  add(
    'about:blank',
    'about:srcdoc',
    'about:config',
    'ABOUT:blank',
    'chrome://settings',
    'chrome://gpu',
    'chrome-extension://abcdefghijklmnop/x.html',
    'chrome-devtools://devtools/bundled/inspector.html',
    'devtools://devtools/bundled/inspector.html',
    'view-source:https://example.org/',
    'app://./index.html',
  );
  // Every other scheme: protocol handlers of the OS and of other apps, and near-misses of http.
  for (const scheme of [
    'ftp',
    'ftps',
    'sftp',
    'smb',
    'ssh',
    'telnet',
    'gopher',
    'ldap',
    'ws',
    'wss',
    'irc',
    'git',
    'svn',
    'nntp',
    'news',
    'ms-msdt',
    'ms-settings',
    'ms-officecmd',
    'ms-word',
    'search-ms',
    'mk',
    'its',
    'ms-its',
    'hcp',
    'res',
    'jar',
    'intent',
    'vscode',
    'steam',
    'zoommtg',
    'slack',
    'magnet',
    'webcal',
    'callto',
    'tel',
    'sms',
    'mailto',
    'x-apple.systempreferences',
    'xinzhi',
    'httpx',
    'https+evil',
    'http-evil',
    'hxxps',
    'httpss',
    'htp',
    'https2',
  ])
    add(`${scheme}://example.org/x`);
  add(
    'ms-msdt:/id PCWDiagnostic /skip force /param "IT_RebrowseForFile=?"',
    'search-ms:query=invoice&crumb=location:\\\\evil.com\\share',
    'smb://server/share',
    'mailto:someone@example.org',
    'mailto:?body=https://example.org/',
    'tel:+123456789',
  );

  // UNC and Windows paths.
  add(
    '\\\\server\\share',
    '\\\\server\\share\\evil.exe',
    '//server/share',
    '\\\\?\\C:\\',
    '\\\\?\\UNC\\server\\share',
    '\\\\.\\pipe\\x',
    '\\\\127.0.0.1\\c$',
    '\\\\evil.com@SSL\\DavWWWRoot\\x',
    '\\\\evil.com\\share',
    'C:\\Windows\\System32\\calc.exe',
    'C:/Windows/System32/calc.exe',
    'c:\\',
    'C:',
    '%SystemRoot%\\system32\\cmd.exe',
    'D:evil.exe',
  );
  // Relative references, which resolve against the app's own page.
  add(
    '/etc/passwd',
    './index.html',
    '../../etc/passwd',
    'index.html',
    '#top',
    '?q=1',
    'example.org',
    'www.example.org/x',
    'example.org:443',
    '',
    '.',
    ' ',
  );
  // Protocol-relative, backslashes, missing or extra slashes, empty hosts.
  add(
    '//evil.com',
    '//evil.com/path',
    '///evil.com',
    '////evil.com',
    '\\\\evil.com',
    '/\\evil.com',
    '\\/evil.com',
    '/%2Fevil.com',
    'http:\\\\evil.com',
    'https:\\\\evil.com',
    'https:/\\evil.com',
    'https:\\/evil.com',
    'https://evil.com\\@example.org',
    'https://example.org\\.evil.com',
    'https:/evil.com',
    'http:/evil.com',
    'https:evil.com',
    'http:evil.com',
    'https:///evil.com',
    'https:',
    'https://',
    'http://',
    'https://?x',
    'https://#x',
    'https://@evil.com',
    'https:// evil.com',
    'https://evil.com/ x',
  );
  // Credentials, real or pretending to be the host.
  add(
    'https://user:pass@example.org',
    'https://user@example.org',
    'https://example.org@evil.com',
    'https://example.org:443@evil.com',
    'http://admin:admin@192.168.0.1/',
    'https://user:@example.org',
    'https://:pass@example.org',
    'https://example.org%40evil.com',
    'https://%75ser@example.org',
    'https://user%3Apass@example.org',
  );
  // A good URL with whitespace, a control (C0, DEL, C1), an invisible format character (bidi,
  // zero-width, soft hyphen, BOM) or a lone surrogate before or after it…
  for (const ch of [
    ' ',
    '\t',
    '\n',
    '\r',
    '\f',
    '\v',
    '\u0000',
    '\u0001',
    '\u0008',
    '\u001b',
    '\u007f',
    '\u0085',
    '\u009f',
    '\u00a0',
    '\u1680',
    '\u2000',
    '\u2028',
    '\u2029',
    '\u3000',
    '\ufeff',
    '\u200b',
    '\u200e',
    '\u202e',
    '\u2066',
    '\u00ad',
    '\ud800',
  ])
    add(`${ch}${GOOD}`, `${GOOD}${ch}`);
  // …or inside it, where a parser would drop or encode it.
  add(
    'https://exa\tmple.org/',
    'https://example.org/\npath',
    'ht\ttps://example.org/',
    'https:/\t/example.org/',
    'https://example.org/\r\n\r\nSet-Cookie:x',
    'https://goo\u00adgle.com/',
    'https://exa\u200bmple.org/',
    'https://example.org/\u202egpj.exe',
  );
  // NUL bytes.
  add(
    'https://example.org\u0000.evil.com/',
    'https://example.org/a\u0000b',
    'https\u0000://example.org/',
    'https://\u0000example.org/',
    'javascript\u0000:alert(1)',
    'java\0script:alert(1)',
    '\u0000\u0000https://example.org/x',
    'file\u0000:///etc/passwd',
  );
  // Too long, as written or once percent-encoded.
  add(
    GOOD + 'a'.repeat(2100),
    `https://${'a'.repeat(3000)}.com/`,
    `${GOOD}?q=${'x'.repeat(5000)}`,
    GOOD + '%41'.repeat(700),
    GOOD + 'ü'.repeat(1100),
    GOOD + '新'.repeat(400),
    `javascript:${'a'.repeat(3000)}`,
    'x'.repeat(1_000_000),
  );
  // Not strings at all.
  add(
    null,
    undefined,
    0,
    42,
    -1,
    NaN,
    Infinity,
    true,
    false,
    10n,
    {},
    [],
    [GOOD],
    { href: GOOD },
    { toString: () => GOOD },
    new URL(GOOD),
    new String(GOOD),
    Symbol(GOOD),
    () => GOOD,
    new Date(0),
    new Map([[GOOD, GOOD]]),
    new Set([GOOD]),
    new Uint8Array([104, 116, 116, 112]),
    Object.create(null),
    Buffer.from(GOOD),
  );
  return list;
}

const HOSTILE = hostileUrls();

/**
 * Look-alike hosts. Decision: they are plain https, so they may open in the system browser, where
 * the user sees the real address (browsers show confusable hosts as punycode). What the guard
 * must guarantee is that what it passes on is exactly the parser's normalised `URL.href`: ASCII
 * only, hosts in punycode, nothing that would read differently from what the browser shows.
 */
const LOOK_ALIKES = [
  'https://xn--80ak6aa92e.com', // "аррӏе.com" in punycode
  'https://аррӏе.com', // the same host, written in Cyrillic
  'https://gооgle.com', // Cyrillic о's
  'https://exаmple.org/', // one Cyrillic а
  'https://example.com.evil.com',
  'https://example.org。evil.com/', // an ideographic full stop is a dot in a host
  'https://ＥＸＡＭＰＬＥ.org/', // fullwidth letters
  'https://EXAMPLE.ORG./',
  'https://%65xample.org/',
  'https://:@example.org/', // empty credentials are dropped
  'https://evil.com#@example.org',
  'http://0x7f.1/', // 127.0.0.1
];

const GOOD_URLS = [
  GOOD,
  'http://example.org/path?q=1#x',
  'HTTPS://Example.org/',
  'https://www.gov.cn/zhengce/',
  'https://en.wikipedia.org/wiki/New_quality_productive_forces',
  'https://example.org:8443/a/b?c=d&e=f#g',
  'https://example.org/search?q=%E6%96%B0%E8%B4%A8',
  'https://example.org/search?q=新质',
  'https://sub.domain.example.co.uk/path/to/page.html',
  'https://example.org/a(b)c',
  "https://example.org/it's",
];

/** Printable, for failure messages (all but printable ASCII escaped, long values cut). */
const show = (value: unknown): string => {
  let text: string;
  try {
    text =
      typeof value === 'string'
        ? JSON.stringify(value).replace(
            /[^\x20-\x7e]/g,
            (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
          )
        : String(value as never);
  } catch {
    text = Object.prototype.toString.call(value); // no toString (a null-prototype object)
  }
  return text.length > 120 ? `${text.slice(0, 120)}… (${text.length} characters)` : text;
};

describe('hostile URLs', () => {
  it('are many and all different', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(200);
    expect(new Set(HOSTILE).size).toBe(HOSTILE.length);
  });

  it('are all refused by safeExternalUrl', () => {
    const passed = HOSTILE.filter((url) => safeExternalUrl(url) !== null);
    expect(passed.map(show)).toEqual([]);
  });

  it('never open outside and never navigate, through any of the guards installGuards sets', () => {
    const guard = guarded();
    for (const url of HOSTILE) {
      expect(guard.open(url), show(url)).toEqual({ action: 'deny' });
      expect(guard.navigate(url), show(url)).toBe(1);
      expect(guard.redirect(url), show(url)).toBe(1);
    }
    expect(guard.opened.map(show)).toEqual([]);
  });

  it('look-alike hosts pass on only as the normalised href the browser will show', () => {
    for (const url of LOOK_ALIKES) {
      const href = new URL(url).href;
      expect(safeExternalUrl(url), url).toBe(href);
      expect(href, url).toMatch(/^https?:\/\/[\x21-\x7e]+$/);
      expect(new URL(href).href).toBe(href);
    }
    expect(safeExternalUrl('https://аррӏе.com')).toBe('https://xn--80ak6aa92e.com/');
    expect(safeExternalUrl('https://gооgle.com')).toBe('https://xn--ggle-55da.com/');
    expect(safeExternalUrl('https://example.org。evil.com/')).toBe('https://example.org.evil.com/');
    for (const url of LOOK_ALIKES) {
      const href = new URL(url).href;
      for (const via of ['open', 'navigate', 'redirect'] as const) {
        const guard = guarded();
        guard[via](url);
        expect(guard.opened, `${via} ${url}`).toEqual([href]);
      }
    }
  });

  it('plain http(s) links open in the system browser exactly once, and still never navigate', () => {
    for (const url of GOOD_URLS) {
      const href = new URL(url).href;
      expect(safeExternalUrl(url), url).toBe(href);
      const opening = guarded();
      expect(opening.open(url)).toEqual({ action: 'deny' });
      expect(opening.opened, url).toEqual([href]);
      for (const via of ['navigate', 'redirect'] as const) {
        const guard = guarded();
        expect(guard[via](url), `${via} ${url}`).toBe(1);
        expect(guard.opened, `${via} ${url}`).toEqual([href]);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Web preferences checked at run time

describe('pages created with unsafe web preferences', () => {
  /** What Electron 41 reports for our window (windowOptions). */
  const SECURE = {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    javascript: true,
  };
  let errors: MockInstance<typeof console.error>;
  beforeEach(() => {
    errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errors.mockRestore());

  it('leaves a secure page alone', () => {
    const guard = guarded(SECURE);
    expect(guard.closed()).toBe(0);
    expect(errors).not.toHaveBeenCalled();
    expect(guard.installed()).toEqual([
      true,
      'will-attach-webview',
      'will-navigate',
      'will-redirect',
    ]);
  });

  it.each([
    ['contextIsolation is off', { contextIsolation: false }],
    ['sandbox is off', { sandbox: false }],
    ['nodeIntegration is on', { nodeIntegration: true }],
    ['webSecurity is off', { webSecurity: false }],
  ])('closes a page when %s, guarded meanwhile', (reason, change) => {
    const guard = guarded({ ...SECURE, ...change });
    expect(guard.closed()).toBe(1);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[0])).toContain(reason);
    // The guards were installed before the close, in case it does not take effect at once.
    expect(guard.open(GOOD)).toEqual({ action: 'deny' });
    expect(guard.navigate('file:///etc/passwd')).toBe(1);
  });

  it('counts a missing or non-boolean isolation or sandbox as off', () => {
    expect(guarded({}).closed()).toBe(1);
    expect(guarded({ ...SECURE, contextIsolation: undefined }).closed()).toBe(1);
    expect(guarded({ ...SECURE, sandbox: 'true' }).closed()).toBe(1);
    expect(guarded({ ...SECURE, nodeIntegration: true, webSecurity: false }).closed()).toBe(1);
    expect(String(errors.mock.calls.at(-1)?.[0])).toMatch(/nodeIntegration is on, webSecurity/);
  });

  it('leaves pages Electron reports no preferences for (its DevTools) to the other guards', () => {
    expect(guarded(null).closed()).toBe(0);
    expect(guarded(undefined).closed()).toBe(0);
    expect(errors).not.toHaveBeenCalled();
  });
});

// ---------------------------------------------------------------------------------------------
// IPC fuzzing, through registerIpc and the real services

const CLOCK = Date.parse('2026-11-23T10:00:00Z');
const RESOURCES = join(import.meta.dirname, '../../resources');
const PAYLOADS_PER_CHANNEL = 1000;

/** Every file in the data folder, by path: size and SHA-256 of its bytes. */
async function filesIn(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null; // a temporary file, renamed since the listing
      throw error;
    });
    if (bytes) {
      files[relative(dir, path)] =
        `${bytes.length} bytes, sha256 ${createHash('sha256').update(bytes).digest('hex')}`;
    }
  }
  return files;
}

/** The files once the store has stopped writing (it writes in the background): two listings
 * in a row, 20 ms apart, agree. */
async function settledFilesIn(dir: string): Promise<Record<string, string>> {
  let last = await filesIn(dir);
  for (let i = 0; i < 100; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = await filesIn(dir);
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  throw new Error(`the files in ${dir} never stopped changing`);
}

/** A deep copy of everything the read-only channels report. */
async function stateOf(s: Services) {
  const articles = await s['corpus:list'](undefined);
  const byArticle: Record<string, unknown> = {};
  for (const { id } of articles) byArticle[id] = await s['highlights:list']({ articleId: id });
  return structuredClone({
    settings: await s['settings:get'](undefined),
    highlights: await s['highlights:list']({}),
    byArticle,
    cards: await s['cards:list'](undefined),
    trash: await s['trash:list'](undefined),
    history: await s['history:state'](undefined),
    progress: await s['progress:list'](undefined),
  });
}

/** Ids and spans from the seeded data folder, for valid-looking payloads. */
interface Seeded {
  highlightId: string;
  trashedId: string;
  ownCardId: string;
  builtInCardId: string;
  glossaryId: string;
  backupFile: string;
  blockId: string;
  newSpan: ReturnType<typeof describeSpan>;
  otherSpan: ReturnType<typeof describeSpan>;
}

async function span(s: Services, articleId: string, exact: string) {
  const article = await s['corpus:get']({ id: articleId });
  const text = article.blocks.map((b) => b.text).join('\n\n');
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`not in ${articleId}: ${exact}`);
  return describeSpan(text, start, start + exact.length);
}

/** Some of everything, then quit: highlights (one in the trash), cards, a review, settings. */
async function seed(dataDir: string): Promise<Seeded> {
  const s = await createServices({ dataDir, resourcesDir: RESOURCES, clock: () => CLOCK });
  try {
    await s['settings:update']({ fontSize: 21, theme: 'sepia' });
    const taihe = await s['corpus:get']({ id: 'taihe' });
    const blockId = taihe.blocks[1]!.id;
    await s['progress:save']({ articleId: 'taihe', blockId, percent: 40 });
    const kept = await s['highlights:create']({
      articleId: 'taihe',
      ...(await span(s, 'taihe', 'total factor productivity')),
      color: 'blue',
      note: 'A *note*',
      tags: ['tfp', 'exam'],
    });
    const trashed = await s['highlights:create']({
      articleId: 'gmw',
      ...(await span(s, 'gmw', 'Two Sessions')),
      color: 'green',
    });
    await s['highlights:delete']({ id: trashed.id });
    const [own] = await s['cards:create']({ content: { kind: 'basic', front: 'Q', back: 'A' } });
    await s['cards:create']({
      content: { kind: 'cloze', cloze: 'The {{c1::total factor}} productivity', extra: '' },
      highlightId: kept.id,
    });
    const [first] = (await s['cards:queue'](undefined)).items;
    await s['cards:answer']({
      id: first!.card.id,
      rating: 3,
      reps: first!.card.schedule.reps,
      durationMs: 4000,
    });
    const builtIn = (await s['cards:list'](undefined)).find((c) => c.id.startsWith('t-'));
    const [term] = await s['glossary:list'](undefined);
    return {
      highlightId: kept.id,
      trashedId: trashed.id,
      ownCardId: own!.id,
      builtInCardId: builtIn!.id,
      glossaryId: term!.id,
      backupFile: '', // known once the services have quit
      blockId,
      newSpan: await span(s, 'cgtn', 'advanced productive forces'),
      otherSpan: await span(s, 'taihe', 'productivity'),
    };
  } finally {
    await s.dispose();
  }
}

/** Valid payloads for every channel (the type makes a new channel fail to compile until added). */
function validPayloads(x: Seeded): Record<Channel, unknown[]> {
  const none = [undefined];
  return {
    'app:info': none,
    'app:dismissRecovery': none,
    'corpus:list': none,
    'corpus:get': [{ id: 'taihe' }, { id: 'gmw' }],
    'settings:get': none,
    'settings:update': [
      { fontSize: 20 },
      {
        theme: 'dark',
        colorNames: { yellow: 'A', green: 'B', blue: 'C', pink: 'D', purple: 'E' },
      },
      { learningSteps: ['1m', '10m'], newPerDay: 10, lastArticleId: 'taihe', lineHeight: 1.5 },
    ],
    'progress:list': none,
    'progress:save': [{ articleId: 'taihe', blockId: x.blockId, percent: 42 }],
    'highlights:list': [{ articleId: 'taihe' }, {}],
    'highlights:summary': none,
    'highlights:create': [
      {
        articleId: 'cgtn',
        ...x.newSpan,
        color: 'green',
        note: 'n',
        tags: ['t'],
      },
    ],
    'highlights:update': [{ id: x.highlightId, color: 'pink', note: 'x', tags: ['a', 'b'] }],
    'highlights:reattach': [{ id: x.highlightId, ...x.otherSpan }],
    'highlights:confirm': [{ id: x.highlightId }],
    'highlights:delete': [{ id: x.highlightId }],
    'trash:list': none,
    'trash:restore': [{ id: x.trashedId }],
    'trash:purge': [{ id: x.trashedId }],
    'trash:empty': none,
    'history:undo': none,
    'history:redo': none,
    'history:state': none,
    'glossary:list': none,
    'glossary:occurrences': [{ id: x.glossaryId }],
    'glossary:studyNote': [{ articleId: 'taihe' }],
    'glossary:compare': none,
    'cards:list': none,
    'cards:queue': none,
    'cards:answer': [{ id: x.builtInCardId, rating: 3, reps: 0, durationMs: 1000 }],
    'cards:undoAnswer': none,
    'cards:draft': [{ highlightId: x.highlightId }],
    'cards:create': [
      { content: { kind: 'basic', front: 'F', back: 'B' } },
      {
        content: { kind: 'cloze', cloze: 'The {{c1::answer}} is {{c2::here}}', extra: '' },
        highlightId: x.highlightId,
      },
    ],
    'cards:update': [{ id: x.ownCardId, content: { kind: 'basic', front: 'F2', back: 'B2' } }],
    'cards:revert': [{ id: x.builtInCardId }],
    'cards:suspend': [{ ids: [x.ownCardId, x.builtInCardId], suspended: true }],
    'cards:reset': [{ ids: [x.ownCardId] }],
    'cards:delete': [{ ids: [x.ownCardId, x.builtInCardId] }],
    'cards:stats': none,
    'search:query': [
      { query: 'productivity' },
      {
        query: 'x',
        kinds: ['term', 'note'],
        articleId: 'taihe',
        color: 'yellow',
        tag: 'exam',
        limit: 5,
        perKind: 2,
      },
    ],
    'data:export': [{ format: 'markdown' }, { format: 'backup' }],
    'data:openImport': none,
    'data:applyImport': [{ token: '123e4567-e89b-12d3-a456-426614174000', mode: 'merge' }],
    'backups:list': none,
    'backups:restore': [{ file: x.backupFile }],
  };
}

// Generators. Values are built once where they are big, and shared (nothing mutates them).

const ANYTHING = fc.anything({
  maxDepth: 3,
  maxKeys: 5,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  stringUnit: 'binary',
});
const HUGE_STRINGS = ['x', '新', '\u0000', ' ', '../'].map((s) => s.repeat(100_001));
const ODD_NUMBERS = [
  NaN,
  Infinity,
  -Infinity,
  -1,
  -0.5,
  0.5,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  -(2 ** 31),
  2 ** 32,
];
const nestedObject = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};
const nestedArray = (depth: number): unknown => {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};
const DEEP = [64, 1000, 10_000].flatMap((d) => [nestedObject(d), nestedArray(d)]);
const ODD_VALUES: unknown[] = [
  null,
  undefined,
  true,
  '',
  ' ',
  '\u0000',
  '../../../etc/passwd',
  '__proto__',
  0n,
  -1n,
  new Date(NaN),
  [],
  {},
  [undefined],
  { toString: 'x' },
];
/** A value where another was expected. */
const WRONG = fc.oneof(
  ANYTHING,
  fc.constantFrom(...ODD_NUMBERS),
  fc.constantFrom(...HUGE_STRINGS),
  fc.constantFrom(...DEEP),
  fc.constantFrom(...ODD_VALUES),
);
const KEYS = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'then',
    '__defineGetter__',
    'isAdmin',
    'id',
    'kind',
    'length',
    '0',
    '',
  ),
  fc.string({ maxLength: 12 }),
);

type Path = (string | number)[];
function pathsOf(value: unknown, at: Path = []): Path[] {
  const paths: Path[] = [at];
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      paths.push(...pathsOf(child, [...at, Array.isArray(value) ? Number(key) : key]));
    }
  }
  return paths;
}
const get = (value: unknown, path: Path) =>
  path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], value);
/** An own, enumerable property even for `__proto__` (as JSON.parse would make it). An array's
 * `length` cannot be redefined: the payload then stays as it was (and valid ones are skipped). */
function define<T extends object>(target: T, key: string | number, value: unknown): T {
  try {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } catch {
    // left as it was
  }
  return target;
}

/** Near misses of a valid payload: one part wrong, missing, added or the whole wrapped. */
function mutationsOf(seed: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(seed);
  const inner = paths.filter((p) => p.length > 0);
  const containers = paths.filter((p) => {
    const v = get(seed, p);
    return v !== null && typeof v === 'object';
  });
  const copy = () => structuredClone(seed);
  const replace = fc.tuple(fc.constantFrom(...paths), WRONG).map(([path, value]) => {
    if (path.length === 0) return value;
    const out = copy();
    define(get(out, path.slice(0, -1)) as object, path.at(-1)!, value);
    return out;
  });
  const remove = inner.length
    ? fc.constantFrom(...inner).map((path) => {
        const out = copy();
        delete (get(out, path.slice(0, -1)) as Record<string | number, unknown>)[path.at(-1)!];
        return out;
      })
    : replace;
  const add = containers.length
    ? fc.tuple(fc.constantFrom(...containers), KEYS, WRONG).map(([path, key, value]) => {
        const out = copy();
        define(get(out, path) as object, key, value);
        return out;
      })
    : replace;
  const wrap = fc.constantFrom<(s: unknown) => unknown>(
    (s) => [s],
    (s) => [s, s],
    (s) => ({ input: s }),
    (s) => JSON.stringify(s) ?? 'undefined',
    (s) => new Map(Object.entries((s ?? {}) as object)),
    (s) => new Set([s]),
    (s) => Object.create((s ?? null) as object | null) as unknown,
    (s) => define({ ...(s as object) }, '__proto__', { polluted: true, isAdmin: true }),
    (s) => define({ ...(s as object) }, 'constructor', { prototype: { polluted: true } }),
  );
  return fc.oneof(
    replace,
    replace,
    remove,
    add,
    add,
    wrap.map((f) => f(copy())),
  );
}

const HANG = Symbol('hang');
async function within<T>(ms: number, promise: Promise<T>): Promise<T | typeof HANG> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<typeof HANG>((resolve) => (timer = setTimeout(() => resolve(HANG), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe('IPC fuzzing: malformed payloads on every channel', () => {
  const dirs = tempAppDirs('security');
  let template: string;
  let seeded: Seeded;
  let services: Services;

  beforeAll(async () => {
    template = await mkdtemp(join(tmpdir(), 'xinzhi-security-seed-'));
    seeded = await seed(template);
    const [backup] = await readdir(join(template, 'backups'));
    seeded.backupFile = backup!;
  });
  afterAll(() => rm(template, { recursive: true, force: true }));
  beforeEach(async () => {
    await cp(template, dirs.dataDir, { recursive: true });
    services = await createServices({ ...dirs, clock: () => CLOCK, fuzz: false });
  });
  afterEach(() => services.dispose());

  it('starts from a store with some of everything, and valid seeds for every channel', async () => {
    const state = await stateOf(services);
    expect(state.highlights).toHaveLength(1);
    expect(state.trash).toHaveLength(1);
    expect(state.cards.length).toBeGreaterThan(2);
    expect(state.progress).toHaveProperty('taihe');
    expect(state.settings).toMatchObject({ fontSize: 21, theme: 'sepia' });
    expect(Object.keys(await filesIn(dirs.dataDir)).sort()).toEqual([
      `backups/${seeded.backupFile}`,
      'reviews.journal',
      'search-index.bin',
      'xinzhi.journal',
      'xinzhi.json',
    ]);
    expect((await readFile(join(dirs.dataDir, 'reviews.journal'))).length).toBeGreaterThan(0);
    const valid = validPayloads(seeded);
    expect(Object.keys(valid).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) {
      for (const payload of valid[channel]) {
        const parsed = contract[channel].input.safeParse(payload);
        expect(parsed.success, `${channel} ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
    }
  });

  it.each(CHANNELS)(
    `%s refuses ${PAYLOADS_PER_CHANNEL} malformed payloads in time, and nothing changes`,
    async (channel) => {
      type Listener = (event: IpcEventLike, input: unknown) => unknown;
      const registered = new Map<string, Listener>();
      const ours = { id: 'our window' };
      const ipc = registerIpc(
        { handle: (c, l) => void registered.set(c, l) },
        services,
        (event) => event.sender === ours,
      );
      const handler = registered.get(channel)!;
      const schema = contract[channel].input;
      const seeds = validPayloads(seeded)[channel];
      const protoKeys = () =>
        [Object.prototype, Array.prototype, Function.prototype].map((p) =>
          Reflect.ownKeys(p).map(String).sort(),
        );
      const protoBefore = protoKeys();

      const stateBefore = await stateOf(services);
      const filesBefore = await settledFilesIn(dirs.dataDir);

      // Another window may not call even with valid input.
      for (const payload of seeds) {
        expect(await handler({ sender: { id: 'intruder' } }, payload)).toMatchObject({
          ok: false,
          error: { code: 'forbidden' },
        });
      }

      const ran = { anything: 0, mutation: 0 };
      const payloads = fc.oneof(
        ANYTHING.map((value) => ({ kind: 'anything' as const, value })),
        fc
          .constantFrom(...seeds)
          .chain(mutationsOf)
          .map((value) => ({ kind: 'mutation' as const, value })),
      );
      await fc.assert(
        fc.asyncProperty(payloads, async ({ kind, value }) => {
          fc.pre(!schema.safeParse(value).success); // only malformed payloads count
          ran[kind]++;
          const started = performance.now();
          const result = await within(
            2000,
            Promise.resolve().then(() => handler({ sender: ours }, value)),
          );
          // The race catches a promise that never settles; the clock, one that blocks the thread.
          expect(result).not.toBe(HANG);
          expect(performance.now() - started).toBeLessThan(2000);
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
          expect(typeof (result as { error: { message: unknown } }).error.message).toBe('string');
        }),
        { numRuns: PAYLOADS_PER_CHANNEL },
      );
      await ipc.idle();

      expect(ran.anything + ran.mutation).toBeGreaterThanOrEqual(PAYLOADS_PER_CHANNEL);
      expect(ran.mutation).toBeGreaterThan(PAYLOADS_PER_CHANNEL / 4);
      expect(await settledFilesIn(dirs.dataDir)).toEqual(filesBefore);
      expect(await stateOf(services)).toEqual(stateBefore);
      expect(protoKeys()).toEqual(protoBefore);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});
