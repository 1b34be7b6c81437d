import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { nav, seed, seriousViolations } from './helpers';

/** Your data: export from the UI into real files, restore a backup, refuse a corrupt one. */

let out: string;
test.beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'xinzhi-e2e-export-'));
});
test.afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

const notes = (page: Page) =>
  page.evaluate(async () => {
    const r = await window.api.highlightsList({});
    if (!r.ok) throw new Error(r.error.message);
    return r.value.map((h) => h.note).sort();
  });

test('export Markdown and W3C annotations from the UI into a folder', async ({ app }) => {
  const { page } = app;
  await seed(page, [
    {
      articleId: 'gmw',
      exact: 'Two Sessions',
      color: 'green',
      note: 'A **key** meeting',
      tags: ['exam'],
    },
    { articleId: 'taihe', exact: 'not merely a buzzword', color: 'pink', note: 'Is it?' },
  ]);
  await nav(page, 'Your data').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();

  const folder = join(out, 'vault');
  await mkdir(folder);
  await app.answerDialogs(folder);
  await page.getByRole('button', { name: /^Markdown notes/ }).click();
  await expect(page.getByText(`Exported 2 highlights into 5 files in ${folder}.`)).toBeVisible();
  const files = (await readdir(folder)).sort();
  expect(files).toHaveLength(5);
  const gmw = await readFile(
    join(
      folder,
      files.find((f) => f.startsWith('what-are'))!,
    ),
    'utf8',
  );
  expect(gmw).toContain('publisher: "GMW.cn (Guangming Online)"');
  expect(gmw).toMatch(/> Two Sessions \^h-/);
  expect(gmw).toContain('A **key** meeting');

  const file = join(out, 'annotations.jsonld');
  await app.answerDialogs(file);
  await page.getByRole('button', { name: /^W3C Web Annotations/ }).click();
  await expect(page.getByText(`Exported to ${file}.`)).toBeVisible();
  const doc = JSON.parse(await readFile(file, 'utf8'));
  expect(doc.type).toBe('AnnotationCollection');
  expect(doc.total).toBe(2);
  expect(
    doc.first.items.map((a: { target: { source: string } }) => a.target.source).sort(),
  ).toEqual(['urn:xinzhi:article:gmw', 'urn:xinzhi:article:taihe']);

  // Cancel in the dialog: nothing written, nothing said.
  await app.answerDialogs(null);
  await page.getByRole('button', { name: /^Anki cards/ }).click();
  await expect(page.getByRole('button', { name: /^Anki cards/ })).toBeEnabled();
  expect(await readdir(out)).toEqual(['annotations.jsonld', 'vault']);
});

test('restore a full backup over changed data: the old highlights come back', async ({ app }) => {
  let { page } = app;
  const [first] = await seed(page, [
    { articleId: 'gmw', exact: 'Two Sessions', color: 'yellow', note: 'from the backup' },
  ]);
  await nav(page, 'Your data').click();
  const backup = join(out, 'backup.json');
  await app.answerDialogs(backup);
  await page.getByRole('button', { name: /^Full backup/ }).click();
  await expect(page.getByText(`Exported to ${backup}.`)).toBeVisible();

  // Change things: delete the highlight, make another.
  await page.evaluate((id) => window.api.highlightsDelete({ id }), first!);
  await seed(page, [
    { articleId: 'taihe', exact: 'not merely a buzzword', color: 'pink', note: 'made later' },
  ]);
  expect(await notes(page)).toEqual(['made later']);

  await app.answerDialogs(backup);
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  const preview = page.getByRole('region', { name: 'File to import' });
  await expect(preview).toContainText('backup.json: a full backup made');
  await expect(preview).toContainText('1 highlight, 1 with notes');
  await preview.getByRole('button', { name: 'Replace everything' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace all your data?' });
  await dialog.getByRole('button', { name: 'Replace everything' }).click();
  await expect(page.getByText(/^Restored 1 highlight/)).toBeVisible();
  await expect.poll(() => notes(page)).toEqual(['from the backup']);

  // It holds after a restart, and the data as it was before the restore is a backup.
  await app.restart();
  page = app.page;
  expect(await notes(page)).toEqual(['from the backup']);
  await nav(page, 'Your data').click();
  await expect(
    page.getByRole('table').getByRole('row').filter({ hasText: 'before a restore' }),
  ).toHaveCount(1);
});

test('a corrupt backup gives a clear message and changes nothing', async ({ app }) => {
  const { page } = app;
  await seed(page, [{ articleId: 'gmw', exact: 'Two Sessions', color: 'yellow', note: 'keep me' }]);
  await nav(page, 'Your data').click();
  const backup = join(out, 'backup.json');
  await app.answerDialogs(backup);
  await page.getByRole('button', { name: /^Full backup/ }).click();
  await expect(page.getByText(`Exported to ${backup}.`)).toBeVisible();
  const text = await readFile(backup, 'utf8');
  await writeFile(backup, text.slice(0, text.length - 40));

  await app.answerDialogs(backup);
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'backup.json is not valid JSON (it may be cut short or not a JSON file). Nothing was changed.',
  );
  await expect(page.getByRole('region', { name: 'File to import' })).toHaveCount(0);
  expect(await notes(page)).toEqual(['keep me']);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no serious or critical violation in Your data (${theme})`, async ({ app }) => {
    test.slow();
    const { page } = app;
    await page.evaluate((t) => window.api.settingsUpdate({ theme: t }), theme);
    await app.restart(); // a quit backup, so the table has a row
    await nav(app.page, 'Your data').click();
    await expect(app.page.getByRole('table')).toBeVisible();
    expect(await seriousViolations(app.page)).toEqual([]);
  });
}
