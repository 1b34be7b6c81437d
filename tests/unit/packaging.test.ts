import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourcesDirFor } from '../../src/main/paths';
import { createServices } from '../../src/main/services';

/**
 * The electron-builder configuration. Packages cannot be built here (electron-builder downloads
 * Electron), so the parts that decide whether a package works are checked one by one: the
 * config is valid for electron-builder itself, the fuses are set, the icons exist at their sizes,
 * and the shipped resources, laid out as the package lays them out, are what the app reads.
 */
const ROOT = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { buildResources: string; output: string };
  files: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
}

const readConfig = async (): Promise<BuilderConfig> =>
  JSON.parse(await readFile(join(ROOT, 'electron-builder.json'), 'utf8')) as BuilderConfig;

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(file: string): Promise<[number, number]> {
  const bytes = await readFile(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.json', () => {
  it("passes electron-builder's own validation, and a typo would not", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as {
      DebugLogger: new (on: boolean) => unknown;
    };
    const config = await readConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, electronFuse: {} }, new DebugLogger(false)),
    ).rejects.toThrow(/unknown property 'electronFuse'/);
  });

  it('names the app, targets every platform and sets the fuses', async () => {
    const config = await readConfig();
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      productName: string;
      main: string;
      scripts: Record<string, string>;
    };
    expect(config.appId).toBe('app.xinzhi.desktop');
    expect(config.productName).toBe(pkg.productName);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The page is served from app:// (app-protocol.ts), so file:// needs nothing extra.
      grantFileProtocolExtraPrivileges: false,
    });
    // The package holds the build (with package.json's `main` in it), never the sources.
    expect(config.files).toContain('out/**/*');
    expect(pkg.main).toMatch(/^\.\/out\//);
    expect(config.files.some((f) => f.startsWith('src') || f.includes('tests'))).toBe(false);
    expect(pkg.scripts.dist).toMatch(/npm run build && electron-builder/);
  });

  it('has the icon set: 1024 px for macOS and Windows, one PNG per size for Linux', async () => {
    const config = await readConfig();
    expect(config.directories.buildResources).toBe('resources');
    expect(await pngSize(join(ROOT, config.mac.icon))).toEqual([1024, 1024]);
    expect(config.win.icon).toBe(config.mac.icon);
    const linux = (await readdir(join(ROOT, config.linux.icon))).sort();
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(linux).toContain(`${size}x${size}.png`);
      expect(await pngSize(join(ROOT, config.linux.icon, `${size}x${size}.png`))).toEqual([
        size,
        size,
      ]);
    }
  });

  it('ships the corpus, glossary and fact cards where the packaged app reads them', async () => {
    const config = await readConfig();
    const resourcesPath = await mkdtemp(join(tmpdir(), 'xinzhi-package-'));
    const dataDir = await mkdtemp(join(tmpdir(), 'xinzhi-package-data-'));
    try {
      // Lay the resources out as electron-builder does: each `filter`ed folder of `from`
      // copied into <resourcesPath>/<to>.
      for (const entry of config.extraResources) {
        for (const pattern of entry.filter) {
          const folder = pattern.replace(/\/\*\*\/\*$/, '');
          await cp(join(ROOT, entry.from, folder), join(resourcesPath, entry.to, folder), {
            recursive: true,
          });
        }
      }
      const dir = resourcesDirFor({ isPackaged: true, resourcesPath, appPath: '/nowhere' });
      expect(dir).toBe(join(resourcesPath, 'resources'));
      const services = await createServices({ dataDir, resourcesDir: dir });
      try {
        expect(await services['corpus:list'](undefined)).toHaveLength(5);
        expect((await services['glossary:list'](undefined)).length).toBeGreaterThan(20);
        const cards = await services['cards:list'](undefined);
        expect(cards.some((c) => c.deck === 'facts')).toBe(true);
      } finally {
        await services.dispose();
      }
    } finally {
      await rm(resourcesPath, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('reads resources from the checkout when not packaged, and honours the override', () => {
    expect(resourcesDirFor({ isPackaged: false, resourcesPath: '/r', appPath: '/app' })).toBe(
      join('/app', 'resources'),
    );
    expect(
      resourcesDirFor({ isPackaged: true, resourcesPath: '/r', appPath: '/app', override: '/x' }),
    ).toBe('/x');
  });
});

describe('the credits in About', () => {
  it('name every package the app ships, with the licence its package declares', async () => {
    const { LIBRARIES } = await import('../../src/shared/credits');
    const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; license?: string }>;
    };
    // What runs in the app: the production dependency tree, and Electron itself. Type
    // declarations (`@types/…`) hold no code.
    const shipped = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && !p.dev)
      .map(([path, p]) => ({ name: path.replace(/^.*node_modules\//, ''), license: p.license }))
      .filter((p) => !p.name.startsWith('@types/'));
    shipped.push({ name: 'electron', license: lock.packages['node_modules/electron']?.license });
    expect(LIBRARIES.map((l) => l.name).sort()).toEqual(shipped.map((p) => p.name).sort());
    for (const p of shipped) {
      const declared = (
        JSON.parse(await readFile(join(ROOT, 'node_modules', p.name, 'package.json'), 'utf8')) as {
          license: string;
        }
      ).license;
      expect(LIBRARIES.find((l) => l.name === p.name)?.licence, p.name).toBe(declared);
    }
  });
});
