import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { launchChromium } from '../tests/e2e/harness';

/**
 * `npm run icons`: renders resources/icon.svg into the PNGs electron-builder packs: icon.png
 * (1024 px; the macOS .icns and the Windows .ico are made from it) and icons/NxN.png for Linux.
 */
const RESOURCES = resolve(import.meta.dirname, '../resources');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const svg = await readFile(join(RESOURCES, 'icon.svg'), 'utf8');
const browser = await launchChromium();
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const sized = svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`);
  await page.setContent(`<body style="margin:0">${sized}</body>`);
  const file = size === 1024 ? 'icon.png' : `icons/${size}x${size}.png`;
  await page.screenshot({ path: join(RESOURCES, file), omitBackground: true });
  await page.close();
}
await browser.close();
console.log(`icons: ${SIZES.length} sizes written to resources/`);
