import { expect, test } from './fixtures';

/**
 * The renderer at run time: no Node, the CSP enforced, only the contract's methods exposed, and
 * (where Electron's binary is present) every webContents created with the secure preferences.
 */

test('every page runs isolated and sandboxed, with no Node, and refuses injected code', async ({
  app,
}) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();

  const prefs = await app.webPreferences();
  if (app.target === 'electron') {
    expect(prefs?.length).toBeGreaterThan(0);
    for (const p of prefs ?? []) {
      expect(p).toMatchObject({ contextIsolation: true, sandbox: true, webSecurity: true });
      expect(p.nodeIntegration).not.toBe(true);
    }
  } else {
    expect(prefs).toBeNull(); // the harness is a browser page: there are no webContents
  }

  const seen = await page.evaluate(() => {
    const g = globalThis as Record<string, unknown>;
    const attempt = (f: () => unknown) => {
      try {
        f();
        return 'ran';
      } catch (e) {
        return (e as Error).name;
      }
    };
    const api = g.api as Record<string, unknown>;
    return {
      node: ['require', 'process', 'module', 'Buffer', 'global', 'ipcRenderer'].filter(
        (k) => typeof g[k] !== 'undefined',
      ),
      apiFrozen: Object.isFrozen(api),
      apiTypes: [...new Set(Object.values(api).map((v) => typeof v))],
      apiWrite: attempt(() => {
        'use strict';
        api.corpusList = () => 'replaced';
      }),
    };
  });
  expect(seen.node).toEqual([]);
  expect(seen.apiFrozen).toBe(true);
  expect(seen.apiTypes).toEqual(['function']);
  expect(seen.apiWrite).toBe('TypeError');

  // Injected code does not run: an inline script, an inline handler and a string timer are
  // all refused by the page's CSP, and each refusal is reported as a violation, once by each of
  // the two policies (the app:// response header and the page's meta tag).
  const { ran, violations } = await page.evaluate(async () => {
    const w = window as unknown as { __pwned?: number };
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(e.effectiveDirective),
    );
    (setTimeout as unknown as (code: string, ms: number) => void)('window.__pwned = 3', 0);
    const div = document.createElement('div');
    div.innerHTML = '<img src="x" onerror="window.__pwned = 1">';
    document.body.append(div);
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = 2';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 300));
    div.remove();
    script.remove();
    return { ran: w.__pwned ?? 0, violations: violations.sort() };
  });
  expect(ran).toBe(0);
  expect(violations).toEqual(
    ['script-src', 'script-src-attr', 'script-src-elem'].flatMap((d) => [d, d]),
  );
});
