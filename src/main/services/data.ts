import { createHash, randomUUID } from 'node:crypto';
import { copyFile, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError, type ParsedInput } from '../../shared/api';
import { anchor, describe } from '../../shared/anchoring';
import type { CardRecord } from '../../shared/cards';
import type {
  ExportResult,
  ImportContents,
  ImportPreview,
  ImportResult,
  SavedBackup,
} from '../../shared/data';
import { highlightIdSchema, type Highlight, type PlacedHighlight } from '../../shared/highlights';
import { ensureDir, writeFileDurably } from '../store/durable-file';
import { backupsDir, fileTime, readBackup } from '../store/backups';
import type { Store, StoreRecord } from '../store/store';
import type { CardServices } from './cards';
import type { Corpus } from './corpus';
import { ankiExport } from './data/anki';
import {
  BACKUP_FORMAT,
  BACKUP_SCHEMA_VERSION,
  MAX_IMPORT_BYTES,
  backupJson,
  highlightRecordSchema,
  parseBackup,
  parseUntrustedJson,
  type Backup,
} from './data/backup-file';
import { articleMarkdown } from './data/markdown';
import { reviewCsv } from './data/review-csv';
import { annotationCollection, articleFor, readAnnotations } from './data/w3c';
import type { History } from './history';
import { isHighlight } from './highlights';
import { REVIEW_LOG_FILE, type ReviewLog } from './review-log';
import { isCardRecord } from './cards';

/** The native file dialogs, supplied by the Electron glue (tests answer them themselves). Each
 * gives the chosen path, or null when the user cancelled. */
export interface Dialogs {
  chooseFolder(title: string): Promise<string | null>;
  chooseSaveFile(title: string, defaultName: string): Promise<string | null>;
  chooseOpenFile(title: string, extensions: string[]): Promise<string | null>;
}

export const NO_DIALOGS: Dialogs = {
  chooseFolder: async () => null,
  chooseSaveFile: async () => null,
  chooseOpenFile: async () => null,
};

export interface DataDeps {
  dataDir: string;
  store: Store;
  log: ReviewLog;
  corpus: Corpus;
  cards: CardServices;
  history: History;
  dialogs: Dialogs;
  listHighlights(): PlacedHighlight[];
  appVersion: string;
  now(): Date;
}

type Pending = { token: string; file: string } & (
  { kind: 'backup'; backup: Backup } | { kind: 'annotations'; highlights: Highlight[] }
);

const newer = <T extends { updatedAt: string }>(a: T, b: T) => (b.updatedAt > a.updatedAt ? b : a);

/** Records of both lists by id; where both have one, the more recently changed wins. */
function mergeById<T extends { id: string; updatedAt: string }>(mine: T[], theirs: T[]): T[] {
  const byId = new Map(mine.map((r) => [r.id, r]));
  for (const r of theirs) {
    const have = byId.get(r.id);
    byId.set(r.id, have ? newer(have, r) : r);
  }
  return [...byId.values()];
}

/**
 * Export in open formats, the full backup and its restore, importing W3C annotations, and the
 * automatic backups. Every import is read and checked through before anything changes; a file
 * that fails any check changes nothing.
 */
export function dataServices(deps: DataDeps) {
  const { store, log, corpus, cards, history, dialogs, now } = deps;
  let pending: Pending | null = null;

  const articles = () => corpus.ids().map((id) => corpus.get(id));
  const titleOf = (id: string) =>
    corpus.ids().includes(id) ? corpus.get(id).title : `a removed article (${id})`;

  function backup(): Backup {
    const d = store.data;
    return {
      format: BACKUP_FORMAT,
      schemaVersion: BACKUP_SCHEMA_VERSION,
      appVersion: deps.appVersion,
      exportedAt: now().toISOString(),
      data: {
        settings: d.settings,
        progress: d.progress,
        highlights: d.highlights.filter(isHighlight),
        cards: d.cards.filter(isCardRecord),
        trash: d.trash as unknown as Backup['data']['trash'],
      },
      reviews: [...log.entries],
    };
  }

  async function saveAs(title: string, name: string, text: string, items: number) {
    const file = await dialogs.chooseSaveFile(title, name);
    if (!file) return null;
    await writeFileDurably(file, text);
    return { path: file, files: 1, items };
  }

  const exporters = {
    async markdown(): Promise<ExportResult | null> {
      const folder = await dialogs.chooseFolder('Export notes as Markdown into this folder');
      if (!folder) return null;
      const all = deps.listHighlights();
      const meanings = store.data.settings.colorNames;
      for (const article of articles()) {
        const file = articleMarkdown(
          article,
          all.filter((h) => h.articleId === article.id),
          meanings,
        );
        await writeFileDurably(join(folder, file.name), file.text);
      }
      return { path: folder, files: corpus.ids().length, items: all.length };
    },
    async w3c() {
      const highlights = store.data.highlights.filter(isHighlight);
      const doc = annotationCollection(highlights, now().toISOString());
      const text = `${JSON.stringify(doc, null, 2)}\n`;
      return saveAs('Export Web Annotations', 'xinzhi-annotations.jsonld', text, highlights.length);
    },
    async anki() {
      const list = cards.active().map((record) => {
        const articleId = cards.articleOf(record);
        const a = articleId && corpus.ids().includes(articleId) ? corpus.get(articleId) : null;
        const source = a ? `${a.title} — ${a.author}, ${a.publisher}, ${a.date}` : undefined;
        return { record, edit: cards.editable(record), source };
      });
      const { text, notes } = ankiExport(list);
      return saveAs('Export cards for Anki', 'xinzhi-cards.txt', text, notes);
    },
    async reviews() {
      await log.ready;
      const text = reviewCsv(log.entries);
      return saveAs('Export the review log', 'xinzhi-reviews.csv', text, log.entries.length);
    },
    async backup() {
      await log.ready;
      const b = backup();
      const name = `xinzhi-backup-${b.exportedAt.slice(0, 10)}.json`;
      const items = b.data.highlights.length + b.data.cards.length + b.reviews.length;
      return saveAs('Save a full backup', name, backupJson(b), items);
    },
  };

  /** An annotation file's highlights, each placed in its article, or an AppError. */
  function placeAnnotations(doc: unknown, fileName: string): Highlight[] {
    const read = readAnnotations(doc);
    const known = articles();
    const seen = new Set<string>();
    return read.map((a, i) => {
      const where = `Annotation ${i + 1} in ${fileName}`;
      const articleId = articleFor(a.source, known);
      if (!articleId) {
        throw new AppError(
          'invalid_input',
          `${where} is about ${a.source}, which is not an article of this corpus. Nothing was imported.`,
        );
      }
      const text = corpus.text(articleId);
      const start = a.start ?? (a.exact ? Math.max(0, text.indexOf(a.exact)) : 0);
      const end = a.end ?? start + (a.exact?.length ?? 0);
      if (!a.exact && end > text.length) {
        throw new AppError(
          'invalid_input',
          `${where} points outside the article. Nothing was imported.`,
        );
      }
      const quote = a.exact
        ? {
            type: 'TextQuoteSelector' as const,
            exact: a.exact,
            prefix: a.prefix ?? '',
            suffix: a.suffix ?? '',
          }
        : describe(text, start, end).quote;
      const placed = anchor(text, {
        quote,
        position: { type: 'TextPositionSelector', start, end: Math.max(end, start + 1) },
      });
      if (placed.start === undefined || placed.end === undefined) {
        throw new AppError(
          'invalid_input',
          `${where}: “${quote.exact.slice(0, 60)}” was not found in ${titleOf(articleId)}. Nothing was imported.`,
        );
      }
      const id =
        a.highlightId && highlightIdSchema.safeParse(a.highlightId).success
          ? a.highlightId
          : `h-${createHash('sha256')
              .update(a.id ?? `${a.source}|${quote.exact}|${start}`)
              .digest('hex')
              .slice(0, 24)}`;
      if (seen.has(id)) {
        throw new AppError(
          'invalid_input',
          `${fileName} has the same annotation twice (${a.id ?? id}). Nothing was imported.`,
        );
      }
      seen.add(id);
      const time = now().toISOString();
      const record = {
        id,
        articleId,
        contentHash: corpus.get(articleId).contentHash,
        ...describe(text, placed.start, placed.end),
        color: a.color,
        note: a.note,
        tags: a.tags,
        createdAt: a.created ?? time,
        updatedAt: a.modified ?? a.created ?? time,
      };
      const checked = highlightRecordSchema.safeParse(record);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        throw new AppError(
          'invalid_input',
          `${where}: ${issue.path.join('.')}: ${issue.message}. Nothing was imported.`,
        );
      }
      return checked.data;
    });
  }

  function contents(p: Pending): ImportContents {
    const highlights = p.kind === 'backup' ? p.backup.data.highlights : p.highlights;
    const common = {
      file: p.file,
      highlights: highlights.length,
      notes: highlights.filter((h) => h.note.trim()).length,
      tags: new Set(highlights.flatMap((h) => h.tags.map((t) => t.toLowerCase()))).size,
      articles: [...new Set(highlights.map((h) => h.articleId))].map(titleOf),
    };
    return p.kind === 'backup'
      ? {
          kind: 'backup',
          ...common,
          exportedAt: p.backup.exportedAt,
          appVersion: p.backup.appVersion,
          cards: p.backup.data.cards.length,
          reviews: p.backup.reviews.length,
        }
      : { kind: 'annotations', ...common, cards: 0, reviews: 0 };
  }

  /** Reads and checks a file completely; nothing is changed yet. */
  async function open(path: string): Promise<ImportPreview> {
    pending = null; // a file that fails its checks must not leave an older one ready to apply
    const fileName = basename(path);
    const { size } = await stat(path);
    if (size > MAX_IMPORT_BYTES) {
      throw new AppError(
        'invalid_input',
        `${fileName} is ${(size / 1024 / 1024).toFixed(0)} MB; Xinzhi reads files of up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Nothing was changed.`,
      );
    }
    const doc = parseUntrustedJson(await readFile(path, 'utf8'), fileName);
    const isBackup =
      typeof doc === 'object' &&
      doc !== null &&
      (doc as { format?: unknown }).format === BACKUP_FORMAT;
    const token = randomUUID();
    pending = isBackup
      ? { token, file: fileName, kind: 'backup', backup: parseBackup(doc, fileName) }
      : { token, file: fileName, kind: 'annotations', highlights: placeAnnotations(doc, fileName) };
    return { token, contents: contents(pending) };
  }

  async function replaceAll(b: Backup) {
    // The data as it was is kept as a backup (restorable from Settings) and its review log copied
    // beside it while the log is replaced; if any of it fails, the log is put back and nothing
    // else has changed.
    const previous = [...log.entries];
    const dir = backupsDir(deps.dataDir);
    await ensureDir(dir);
    await copyFile(
      join(deps.dataDir, REVIEW_LOG_FILE),
      join(dir, `reviews-${fileTime(now().getTime())}-before-restore.journal`),
    );
    try {
      await Promise.all([store.backupNow('manual'), log.replace(b.reviews)]);
    } catch (error) {
      await log.replace(previous).catch(() => undefined);
      throw error;
    }
    await store.update((draft) => {
      draft.settings = b.data.settings;
      draft.progress = b.data.progress;
      draft.highlights = b.data.highlights as unknown as StoreRecord[];
      draft.cards = b.data.cards as unknown as StoreRecord[];
      draft.trash = b.data.trash as unknown as StoreRecord[];
    });
  }

  async function mergeIn(highlights: Highlight[], cardList: CardRecord[], b?: Backup) {
    const d = store.data;
    const mergedHighlights = mergeById(d.highlights.filter(isHighlight), highlights);
    const mergedCards = mergeById(d.cards.filter(isCardRecord), cardList);
    if (b) {
      const ids = new Set(log.entries.map((e) => e.id));
      const added = b.reviews.filter((e) => !ids.has(e.id));
      if (added.length > 0)
        await log.replace([...log.entries, ...added].sort((x, y) => x.at - y.at));
    }
    await store.update((draft) => {
      draft.highlights = mergedHighlights as unknown as StoreRecord[];
      draft.cards = mergedCards as unknown as StoreRecord[];
      if (b) {
        const trashIds = new Set(draft.trash.map((t) => t.id));
        const live = new Set([...mergedHighlights, ...mergedCards].map((r) => r.id));
        draft.trash.push(
          ...(b.data.trash.filter(
            (t) => !trashIds.has(t.id) && !live.has(t.id),
          ) as unknown as StoreRecord[]),
        );
        for (const [article, p] of Object.entries(b.data.progress)) {
          const have = draft.progress[article];
          if (!have || p.updatedAt > have.updatedAt) draft.progress[article] = p;
        }
      }
    });
  }

  return {
    async 'data:export'({ format }: ParsedInput<'data:export'>): Promise<ExportResult | null> {
      return exporters[format]();
    },
    async 'data:openImport'(): Promise<ImportPreview | null> {
      const path = await dialogs.chooseOpenFile('Restore a backup or import annotations', [
        'json',
        'jsonld',
      ]);
      return path ? open(path) : null;
    },
    async 'data:applyImport'({
      token,
      mode,
    }: ParsedInput<'data:applyImport'>): Promise<ImportResult> {
      const p = pending;
      if (!p || p.token !== token) {
        throw new AppError('conflict', 'That file is no longer open; choose it again.');
      }
      await log.ready;
      pending = null;
      if (p.kind === 'annotations') {
        await mergeIn(p.highlights, []);
      } else if (mode === 'replace') {
        await replaceAll(p.backup);
      } else {
        await mergeIn(p.backup.data.highlights, p.backup.data.cards, p.backup);
      }
      history.clear();
      const b = p.kind === 'backup' ? p.backup : null;
      return {
        highlights: b
          ? b.data.highlights.length
          : p.kind === 'annotations'
            ? p.highlights.length
            : 0,
        cards: b?.data.cards.length ?? 0,
        reviews: b?.reviews.length ?? 0,
      };
    },
    async 'backups:list'(): Promise<SavedBackup[]> {
      return (await store.listBackups()).map(({ file, createdAt, sizeBytes, reason }) => ({
        file,
        createdAt,
        sizeBytes,
        ...(reason && { reason }),
      }));
    },
    async 'backups:restore'({ file }: ParsedInput<'backups:restore'>): Promise<null> {
      const info = (await store.listBackups()).find((b) => b.file === file);
      if (!info) throw new AppError('not_found', 'That backup no longer exists.');
      const data = await readBackup(info);
      if (!data) {
        throw new AppError(
          'invalid_input',
          `${file} is damaged and cannot be restored. Nothing was changed.`,
        );
      }
      await store.backupNow('manual');
      await store.update((draft) => {
        draft.settings = data.settings;
        draft.progress = data.progress;
        draft.highlights = data.highlights;
        draft.cards = data.cards;
        draft.trash = data.trash;
      });
      history.clear();
      return null;
    },
    /** For tests and benchmarks: a file read and checked, as the dialog would. */
    openImportFile: open,
  };
}
