import { mkdir, mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempAppDirs } from './temp-app';
import { mustFailures } from './w3c/conformance';
import { createServices, type Services } from '../../src/main/services';
import type { Dialogs } from '../../src/main/services/data';
import { REVIEW_LOG_FILE } from '../../src/main/services/review-log';
import { describe as describeSpan } from '../../src/shared/anchoring';
import type { Color } from '../../src/shared/highlights';

/** Export, import, backup and restore on the real services over real files in temp dirs. */

const dirs = tempAppDirs('data');
let out: string;
let services: Services;
let time: number;
/** What the next file dialogs answer, in order (a path, or null for Cancel). */
const answers: (string | null)[] = [];
const dialogs: Dialogs = {
  chooseFolder: async () => answers.shift() ?? null,
  chooseSaveFile: async () => answers.shift() ?? null,
  chooseOpenFile: async () => answers.shift() ?? null,
};
const open = (dataDir = dirs.dataDir) =>
  createServices({
    ...dirs,
    dataDir,
    dialogs,
    clock: () => time,
    fuzz: false,
    appVersion: '9.9.9',
  });

/** Other installs a test opens (a fresh data folder each), closed and removed afterwards. */
const others: { dir: string; services: Services[] }[] = [];
async function otherInstall(prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), `xinzhi-${prefix}-`));
  const entry = { dir, services: [await open(dir)] };
  others.push(entry);
  return {
    dir,
    services: entry.services[0]!,
    /** Quit and start again over the same folder. */
    async restart() {
      await entry.services.at(-1)!.dispose();
      entry.services.push(await open(dir));
      return entry.services.at(-1)!;
    },
  };
}

beforeEach(async () => {
  time = Date.parse('2026-11-23T10:00:00Z');
  out = await mkdtemp(join(tmpdir(), 'xinzhi-export-'));
  services = await open();
  answers.length = 0;
});
afterEach(async () => {
  await services.dispose();
  for (const { dir, services: list } of others.splice(0)) {
    for (const s of list) await s.dispose(); // disposing twice is harmless
    await rm(dir, { recursive: true, force: true });
  }
  await rm(out, { recursive: true, force: true });
});

async function highlight(
  s: Services,
  articleId: string,
  exact: string,
  note = '',
  color: Color = 'yellow',
  tags: string[] = [],
) {
  const article = await s['corpus:get']({ id: articleId });
  const text = article.blocks.map((b) => b.text).join('\n\n');
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`not in ${articleId}: ${exact}`);
  time += 1000;
  return s['highlights:create']({
    articleId,
    ...describeSpan(text, start, start + exact.length),
    color,
    note,
    tags,
  });
}

/** Some of everything: highlights with notes and tags, cards answered, a card of one's own. */
async function someData(s: Services) {
  await highlight(s, 'gmw', 'Two Sessions', 'A **note** with "quotes"\tand a tab', 'green', [
    'exam',
    'sessions',
  ]);
  await highlight(s, 'taihe', 'total factor productivity', '', 'blue', ['tfp']);
  await highlight(s, 'cgtn', 'advanced productive forces', 'Plain note');
  const [own] = await s['cards:create']({
    content: {
      kind: 'cloze',
      cloze: 'The {{c1::Two Sessions}} meet in {{c2::March}}',
      extra: 'NPC and CPPCC',
    },
  });
  const queue = await s['cards:queue'](undefined);
  for (const item of queue.items.slice(0, 3)) {
    time += 60_000;
    await s['cards:answer']({
      id: item.card.id,
      rating: 3,
      reps: item.card.schedule.reps,
      durationMs: 3000,
    });
  }
  return own!;
}

const reviewLines = async (dir: string) =>
  (await readFile(join(dir, REVIEW_LOG_FILE), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as unknown);

const fileBytes = async (dir: string) =>
  Promise.all(
    ['xinzhi.json', REVIEW_LOG_FILE].map((f) =>
      readFile(join(dir, f)).catch(() => Buffer.alloc(0)),
    ),
  );

async function exportTo(format: 'markdown' | 'w3c' | 'anki' | 'reviews' | 'backup', path: string) {
  answers.push(path);
  const result = await services['data:export']({ format });
  if (!result) throw new Error('cancelled');
  return result;
}

describe('full backup and restore', () => {
  it('round-trips highlights, notes, tags, cards with their FSRS state and the review log', async () => {
    await someData(services);
    await services['settings:update']({ fontSize: 21, desiredRetention: 0.85 });
    const file = join(out, 'backup.json');
    const result = await exportTo('backup', file);
    expect(result.path).toBe(file);
    const before = {
      highlights: await services['highlights:list']({}),
      cards: await services['cards:list'](undefined),
      settings: await services['settings:get'](undefined),
    };
    const backup = JSON.parse(await readFile(file, 'utf8'));
    expect(backup).toMatchObject({
      format: 'xinzhi-backup',
      schemaVersion: 1,
      appVersion: '9.9.9',
    });
    expect(backup.reviews.id).toHaveLength(3);

    // A fresh install restores it.
    const other = await otherInstall('restore');
    const fresh = other.services;
    const preview = await fresh.openImportFile(file);
    expect(preview.contents).toMatchObject({
      kind: 'backup',
      highlights: 3,
      notes: 2,
      tags: 3,
      cards: backup.data.cards.length,
      reviews: 3,
    });
    await fresh['data:applyImport']({ token: preview.token, mode: 'replace' });
    expect(await fresh['highlights:list']({})).toEqual(before.highlights);
    expect(await fresh['cards:list'](undefined)).toEqual(before.cards);
    expect(await fresh['settings:get'](undefined)).toEqual(before.settings);
    expect(await reviewLines(other.dir)).toEqual(await reviewLines(dirs.dataDir));
    // The log it replaced (empty here) was copied into backups/ first.
    expect(
      (await readdir(join(other.dir, 'backups'))).some((f) =>
        /^reviews-.*-before-restore\.journal$/.test(f),
      ),
    ).toBe(true);
    // …and after a restart, from its own files.
    const again = await other.restart();
    expect(await again['cards:list'](undefined)).toEqual(before.cards);
    expect((await again['cards:stats'](undefined)).today.reviews).toBe(3);
  });

  it('restores a backup made before a setting existed, with that setting at its default', async () => {
    await services['settings:update']({ fontSize: 22, tourDone: true });
    const file = join(out, 'older.json');
    await exportTo('backup', file);
    const backup = JSON.parse(await readFile(file, 'utf8'));
    delete backup.data.settings.tourDone; // as a backup from before the welcome tour has it
    await writeFile(file, JSON.stringify(backup));
    const other = await otherInstall('older');
    const preview = await other.services.openImportFile(file);
    await other.services['data:applyImport']({ token: preview.token, mode: 'replace' });
    const settings = await other.services['settings:get'](undefined);
    expect(settings.fontSize).toBe(22);
    expect(settings.tourDone).toBe(false);
    // A wrong value is still refused, with where it is.
    backup.data.settings.fontSize = 'huge';
    await writeFile(file, JSON.stringify(backup));
    await expect(other.services.openImportFile(file)).rejects.toThrow(/settings\.fontSize/);
  });

  it('merges by id, the newest change winning, nothing twice', async () => {
    const a = await highlight(services, 'gmw', 'Two Sessions', 'old note');
    const file = join(out, 'backup.json');
    await exportTo('backup', file);
    time += 60_000;
    await services['highlights:update']({ id: a.id, note: 'newer note here' });
    const b = await highlight(services, 'taihe', 'total factor productivity', 'only here');
    const preview = await services.openImportFile(file);
    await services['data:applyImport']({ token: preview.token, mode: 'merge' });
    const list = await services['highlights:list']({});
    expect(list.map((h) => h.id).sort()).toEqual([a.id, b.id].sort());
    expect(list.find((h) => h.id === a.id)!.note).toBe('newer note here');

    // The other way round: the backup's copy is newer.
    const older = (await otherInstall('merge')).services;
    await older
      .openImportFile(file)
      .then((p) => older['data:applyImport']({ token: p.token, mode: 'replace' }));
    await exportTo('backup', join(out, 'newer.json'));
    const p = await older.openImportFile(join(out, 'newer.json'));
    await older['data:applyImport']({ token: p.token, mode: 'merge' });
    const merged = await older['highlights:list']({});
    expect(merged).toHaveLength(2);
    expect(merged.find((h) => h.id === a.id)!.note).toBe('newer note here');
  });

  it('lists the automatic backups and restores one', async () => {
    const h = await highlight(services, 'gmw', 'Two Sessions', 'kept');
    await services.dispose(); // quitting takes a backup
    services = await open();
    await services['highlights:delete']({ id: h.id });
    await services['trash:empty'](undefined);
    const list = await services['backups:list'](undefined);
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]).toMatchObject({
      file: expect.stringMatching(/^xinzhi-.*\.json$/),
      sizeBytes: expect.any(Number),
    });
    await services['backups:restore']({ file: list[0]!.file });
    expect((await services['highlights:list']({})).map((x) => x.note)).toEqual(['kept']);
    expect(await services['history:state'](undefined)).toEqual({ undo: null, redo: null });
    // The data as it was before is a backup too.
    expect((await services['backups:list'](undefined)).length).toBe(list.length + 1);
    const bad = await Promise.resolve(
      services['backups:restore']({ file: 'xinzhi-nope.json' }),
    ).catch((e: Error) => e.message);
    expect(bad).toMatch(/no longer exists/);
  });
});

describe('open formats', () => {
  it('Markdown: one file per article, deterministic, updated in place', async () => {
    await someData(services);
    const folder = join(out, 'notes');
    await mkdir(folder); // the dialog picks a folder that exists
    const first = await exportTo('markdown', folder);
    expect(first).toMatchObject({ path: folder, files: 5, items: 3 });
    const names = (await readdir(folder)).sort();
    expect(names).toHaveLength(5);
    const snapshot = await Promise.all(names.map((n) => readFile(join(folder, n), 'utf8')));
    await exportTo('markdown', folder);
    expect(await Promise.all(names.map((n) => readFile(join(folder, n), 'utf8')))).toEqual(
      snapshot,
    );

    const gmw = snapshot[names.findIndex((n) => n.startsWith('what-are-new-quality'))]!;
    expect(gmw).toMatch(/^---\ntitle: "What are New Quality Productive Forces/);
    expect(gmw).toContain('author: "Light Blade"');
    expect(gmw).toContain('publisher: "GMW.cn (Guangming Online)"');
    expect(gmw).toMatch(/> Two Sessions \^h-[0-9a-z-]+\n/);
    expect(gmw).toContain('- Tags: #exam #sessions');
    expect(gmw).toContain('- Colour: Green');
    expect(gmw).toContain('A **note** with "quotes"');

    const [h] = await services['highlights:list']({ articleId: 'gmw' });
    await services['highlights:update']({ id: h!.id, note: 'Changed note' });
    await exportTo('markdown', folder);
    expect((await readdir(folder)).sort()).toEqual(names);
    const changed = await readFile(
      join(
        folder,
        names.find((n) => n.startsWith('what-are'))!,
      ),
      'utf8',
    );
    expect(changed).toContain('Changed note');
  });

  it('W3C: every MUST of the Web Annotation Data Model holds; import re-anchors them', async () => {
    await someData(services);
    const file = join(out, 'annotations.jsonld');
    expect(await exportTo('w3c', file)).toMatchObject({ items: 3 });
    const doc = JSON.parse(await readFile(file, 'utf8'));
    expect(mustFailures(doc, 'collections/collectionMusts.test')).toEqual([]);
    expect(
      mustFailures(
        { '@context': doc['@context'], ...doc.first },
        'collections/pages/pageMusts.test',
      ),
    ).toEqual([]);
    expect(doc.first.items).toHaveLength(3);
    for (const item of doc.first.items) {
      expect(mustFailures(item, 'annotations/annotationMusts.test')).toEqual([]);
      expect(item.target.selector.map((s: { type: string }) => s.type)).toEqual([
        'TextQuoteSelector',
        'TextPositionSelector',
      ]);
    }
    const noted = doc.first.items.find((a: { body?: unknown[] }) => a.body?.length === 3);
    expect(noted.body).toEqual([
      {
        type: 'TextualBody',
        value: 'A **note** with "quotes"\tand a tab',
        format: 'text/markdown',
        purpose: 'commenting',
      },
      { type: 'TextualBody', value: 'exam', purpose: 'tagging' },
      { type: 'TextualBody', value: 'sessions', purpose: 'tagging' },
    ]);

    const before = await services['highlights:list']({});
    const fresh = (await otherInstall('w3c')).services;
    const preview = await fresh.openImportFile(file);
    expect(preview.contents).toMatchObject({
      kind: 'annotations',
      highlights: 3,
      notes: 2,
      tags: 3,
    });
    await fresh['data:applyImport']({ token: preview.token, mode: 'merge' });
    const imported = await fresh['highlights:list']({});
    const key = (h: (typeof before)[number]) =>
      [h.id, h.articleId, h.start, h.end, h.color, h.note, h.tags.join()].join('|');
    expect(imported.map(key).sort()).toEqual(before.map(key).sort());
    expect(imported.every((h) => h.status === 'anchored')).toBe(true);
    // Importing the same file again adds nothing.
    const again = await fresh.openImportFile(file);
    await fresh['data:applyImport']({ token: again.token, mode: 'merge' });
    expect(await fresh['highlights:list']({})).toHaveLength(3);
  });

  it("W3C import of another tool's annotation: quote only, position off, re-anchored", async () => {
    const file = join(out, 'hypothesis.json');
    await writeFile(
      file,
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'https://hypothes.is/a/abc123',
        type: 'Annotation',
        bodyValue: 'From another tool',
        target: {
          source: 'urn:xinzhi:article:taihe',
          selector: [
            { type: 'TextPositionSelector', start: 5, end: 30 },
            { type: 'TextQuoteSelector', exact: 'total factor productivity' },
          ],
        },
      }),
    );
    const preview = await services.openImportFile(file);
    await services['data:applyImport']({ token: preview.token, mode: 'merge' });
    const [h] = await services['highlights:list']({});
    const text = (await services['corpus:get']({ id: 'taihe' })).blocks
      .map((b) => b.text)
      .join('\n\n');
    expect(text.slice(h!.start, h!.end)).toBe('total factor productivity');
    expect(h!.note).toBe('From another tool');
    expect(h!.id).toMatch(/^h-[0-9a-f]{24}$/);
  });

  it('Anki: headers, Basic and Cloze notes, HTML escaped, the source cited', async () => {
    const own = await someData(services);
    const file = join(out, 'cards.txt');
    const result = await exportTo('anki', file);
    const text = await readFile(file, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype column:1',
      '#deck column:2',
      '#tags column:5',
    ]);
    const rows = lines.slice(5).map((l) => l.split('\t'));
    expect(rows.every((r) => r.length === 5)).toBe(true);
    expect(result.items).toBe(rows.length);
    const cloze = rows.filter((r) => r[0] === '"Cloze"');
    expect(cloze).toHaveLength(1); // two blanks, one note
    expect(cloze[0]![2]).toContain('{{c1::Two Sessions}}');
    expect(cloze[0]![2]).toContain('{{c2::March}}');
    expect(cloze[0]![1]).toBe('"Xinzhi::My cards"');
    expect(own.noteId).toBeTruthy();
    const term = rows.find((r) => r[1] === '"Xinzhi::Key terms"')!;
    expect(term[1]).toBe('"Xinzhi::Key terms"');
    expect(term[3]).toMatch(/Source: .+ — .+, .+, \d{4}-\d\d/);
    expect(term[4]).toBe('"xinzhi xinzhi::terms"');

    await services['cards:create']({
      content: {
        kind: 'basic',
        front: 'Is <script>alert(1)</script> shown?',
        back: 'As "text", see [CGTN](https://www.cgtn.com)',
      },
    });
    await exportTo('anki', file);
    const again = await readFile(file, 'utf8');
    expect(again).toContain('&lt;script&gt;');
    expect(again).not.toContain('<script>');
    expect(again).toContain('As &quot;text&quot;');
    // Quotes in a field are doubled, as Anki's importer reads them.
    expect(again).toContain('<a href=""https://www.cgtn.com"">CGTN</a>');
  });

  it('review log: the CSV FSRS optimisers read', async () => {
    await someData(services);
    const file = join(out, 'reviews.csv');
    expect(await exportTo('reviews', file)).toMatchObject({ items: 3 });
    const [header, ...rows] = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(header).toBe(
      'card_id,review_time,review_rating,review_state,review_duration,xinzhi_card_id',
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const [cardId, at, rating, state, duration, ours] = row.split(',');
      expect(Number(cardId)).toBeGreaterThan(0);
      expect(Number(at)).toBeGreaterThan(Date.parse('2026-01-01'));
      expect(rating).toBe('3');
      expect(state).toBe('0');
      expect(duration).toBe('3000');
      expect(ours).toMatch(/^[tzfc]-/);
    }
  });

  it('Cancel in the dialog writes nothing', async () => {
    answers.push(null);
    expect(await services['data:export']({ format: 'backup' })).toBeNull();
    answers.push(null);
    expect(await services['data:openImport'](undefined)).toBeNull();
  });
});

describe('bad input changes nothing', () => {
  it('refuses every kind of bad file with a clear message; the store is byte-identical', async () => {
    await someData(services);
    const good = join(out, 'good.json');
    await exportTo('backup', good);
    const backup = JSON.parse(await readFile(good, 'utf8'));
    await services.dispose();
    const before = await fileBytes(dirs.dataDir);
    services = await open();

    const text = JSON.stringify(backup);
    const w3c = (source: string, start = 0, end = 10) =>
      JSON.stringify({
        type: 'Annotation',
        target: { source, selector: { type: 'TextPositionSelector', start, end } },
      });
    const cases: [string, string | (() => Promise<void>), RegExp][] = [
      ['truncated', text.slice(0, text.length / 2), /not valid JSON/],
      ['not JSON', 'hello, world', /not valid JSON/],
      ['empty', '', /not valid JSON/],
      [
        'wrong types',
        JSON.stringify({ ...backup, data: { ...backup.data, highlights: 'many' } }),
        /damaged: data\.highlights/,
      ],
      [
        'a bad colour',
        JSON.stringify({
          ...backup,
          data: { ...backup.data, highlights: [{ ...backup.data.highlights[0], color: 'orange' }] },
        }),
        /colour/,
      ],
      ['unknown schema version', JSON.stringify({ ...backup, schemaVersion: 7 }), /data format 7/],
      [
        '__proto__',
        text.replace('"format"', '"__proto__":{"polluted":true},"format"'),
        /"__proto__"/,
      ],
      [
        'constructor',
        text.replace('"format"', '"constructor":{"prototype":{}},"format"'),
        /not allowed/,
      ],
      [
        'duplicate ids',
        JSON.stringify({
          ...backup,
          data: {
            ...backup.data,
            highlights: [backup.data.highlights[0], backup.data.highlights[0]],
          },
        }),
        /two of the highlight/,
      ],
      [
        'review columns of different lengths',
        JSON.stringify({
          ...backup,
          reviews: { ...backup.reviews, at: backup.reviews.at.slice(1) },
        }),
        /differ in length/,
      ],
      [
        'a rating of 5',
        JSON.stringify({ ...backup, reviews: { ...backup.reviews, rating: [5, 3, 3] } }),
        /ratings 1–4/,
      ],
      ['another kind of JSON', JSON.stringify({ hello: 'world' }), /no Web Annotations/],
      ['an unknown article', w3c('https://example.com/elsewhere'), /not an article of this corpus/],
      [
        'outside the article',
        w3c('urn:xinzhi:article:gmw', 900_000, 900_010),
        /outside the article/,
      ],
      [
        'a 200 MB file',
        async () => {
          await writeFile(join(out, 'bad.json'), '');
          await truncate(join(out, 'bad.json'), 200 * 1024 * 1024);
        },
        /200 MB.*up to 100 MB/,
      ],
    ];
    for (const [what, content, message] of cases) {
      const file = join(out, 'bad.json');
      if (typeof content === 'string') await writeFile(file, content);
      else await content();
      const error = await services.openImportFile(file).then(
        () => null,
        (e: { code?: string; message: string }) => e,
      );
      expect(error, what).not.toBeNull();
      expect(error!.code, what).toBe('invalid_input');
      expect(error!.message, what).toMatch(message);
      expect(error!.message, what).toMatch(/Nothing was (changed|imported)/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect((await stat(join(out, 'bad.json'))).size).toBe(200 * 1024 * 1024);
    // A token that was never given, or was used up, is refused too.
    const stale = await Promise.resolve(
      services['data:applyImport']({
        token: '00000000-0000-4000-8000-000000000000',
        mode: 'replace',
      }),
    ).catch((e: Error) => e.message);
    expect(stale).toMatch(/no longer open/);
    await services.dispose();
    expect(await fileBytes(dirs.dataDir)).toEqual(before);
    services = await open();
  });
});
