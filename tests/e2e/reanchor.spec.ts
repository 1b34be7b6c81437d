import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ROOT } from './harness';
import { seed } from './helpers';
import { painted } from './painted';

/**
 * A later app version corrects the corpus under the user's highlights: the app starts over a
 * copy of the corpus that we edit while it is closed (XINZHI_RESOURCES_DIR).
 */

let corpusCopy: string;
test.beforeEach(async () => {
  corpusCopy = await mkdtemp(join(tmpdir(), 'xinzhi-corpus-'));
  await cp(join(ROOT, 'resources'), corpusCopy, { recursive: true });
  process.env.XINZHI_RESOURCES_DIR = corpusCopy;
});
test.afterEach(async () => {
  delete process.env.XINZHI_RESOURCES_DIR;
  await rm(corpusCopy, { recursive: true, force: true });
});

async function editTaihe(edit: (source: string) => string) {
  const file = join(corpusCopy, 'corpus', 'taihe.md');
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

const KEPT = 'total factor productivity through the optimal combination';
const TYPO = 'emerged as a buzzword in regional development plans';
const GONE = 'This strategic emphasis is not merely rhetorical.';

test('after a corpus correction: moved, guessed and lost highlights are each handled', async ({
  app,
}) => {
  let { page } = app;
  await seed(
    page,
    [KEPT, TYPO, GONE].map((exact) => ({ articleId: 'taihe', exact, color: 'yellow' })),
  );
  await app.restart(() =>
    editTaihe((s) =>
      s
        .replace('total factor productivity', 'total-factor productivity')
        .replace(
          'emerged as a buzzword in regional development',
          'emerged as a catchword in regional developmnet',
        )
        .replace(
          /This strategic emphasis is not merely rhetorical\.[^\n]*/,
          'A paragraph rewritten by the editors.',
        ),
    ),
  );
  page = app.page;
  await page.getByRole('button', { name: /Essence, Structural Framework/ }).click();

  const bar = page.getByRole('region', { name: 'Highlights that need attention' });
  await bar.getByRole('button', { name: /your attention/ }).click();
  // The lost one is listed with its quote, never dropped; nothing is placed on the wrong words.
  await expect(bar.getByRole('listitem').filter({ hasText: GONE })).toContainText(
    'Not found in the current text',
  );
  const yellow = (await painted(page)).yellow;
  expect(yellow).not.toContain('rewritten by the editors');
  expect(yellow).toContain('optimal combination');

  // Re-attach the lost highlight to a new selection.
  await bar
    .getByRole('listitem')
    .filter({ hasText: GONE })
    .getByRole('button', { name: 'Re-attach…' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Re-attaching' })).toBeVisible();
  const target = page.getByText('A paragraph rewritten by the editors.');
  await target.selectText();
  await page.getByRole('button', { name: 'Attach here' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Highlight re-attached.' }),
  ).toBeVisible();
  await expect
    .poll(async () => (await painted(page)).yellow)
    .toContain('A paragraph rewritten by the editors.');
});
