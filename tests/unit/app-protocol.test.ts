import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, appAsset, appProtocolHandler } from '../../src/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security';

/** app:// over a real folder: a built renderer, with a secret file beside it. */
let dir: string;
let root: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xinzhi-app-protocol-'));
  root = join(dir, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(root, 'assets', 'index-1.js'), 'export {};');
  await writeFile(join(root, 'assets', 'index-1.css'), 'body{}');
  await writeFile(join(root, 'assets', 'a b.svg'), '<svg/>');
  await writeFile(join(dir, 'secret.txt'), 'not for the page');
  await writeFile(join(dir, 'renderer-evil.txt'), 'nor this');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('app:// (the page and its files)', () => {
  it('serves the built files with their types, the CSP and nosniff', async () => {
    const serve = appProtocolHandler(root);
    const cases = [
      [APP_URL, 'text/html; charset=utf-8', '<div id="root">'],
      ['app://xinzhi/', 'text/html; charset=utf-8', '<div id="root">'],
      ['app://xinzhi/assets/index-1.js?v=1#x', 'text/javascript; charset=utf-8', 'export'],
      ['app://xinzhi/assets/index-1.css', 'text/css; charset=utf-8', 'body'],
      ['app://xinzhi/assets/a%20b.svg', 'image/svg+xml', '<svg/>'],
    ] as const;
    for (const [url, type, text] of cases) {
      const response = await serve(new Request(url));
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain(text);
    }
  });

  it('refuses everything outside the folder, other hosts, other methods and odd paths', async () => {
    const serve = appProtocolHandler(root);
    const refused = [
      'app://xinzhi/../secret.txt',
      'app://xinzhi/%2e%2e/secret.txt',
      'app://xinzhi/%2E%2E%2Fsecret.txt',
      'app://xinzhi/assets/..%2f..%2fsecret.txt',
      'app://xinzhi/..%5csecret.txt',
      'app://xinzhi/%2e%2e%5c%2e%2e%5csecret.txt',
      'app://xinzhi/../renderer-evil.txt',
      `app://xinzhi/${encodeURIComponent(join(dir, 'secret.txt'))}`,
      'app://xinzhi/assets',
      'app://xinzhi/missing.js',
      'app://xinzhi/index.html%00.js',
      'app://xinzhi/%E0%A4%A',
      'app://evil/index.html',
      'app://xinzhi.evil/index.html',
    ];
    for (const url of refused) {
      const response = await serve(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).toBe('');
    }
    const post = await serve(new Request(APP_URL, { method: 'POST', body: 'x' }));
    expect(post.status).toBe(404);
  });

  it('gives an unknown type as plain bytes, never sniffed', async () => {
    await writeFile(join(root, 'data.bin'), 'x');
    const asset = await appAsset('/data.bin', root);
    expect(asset.status).toBe(200);
    expect(asset.headers['Content-Type']).toBe('application/octet-stream');
    expect(asset.headers['X-Content-Type-Options']).toBe('nosniff');
  });
});
