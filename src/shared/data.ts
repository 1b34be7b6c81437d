import { z } from 'zod';

/** Export, import, backup and restore: what crosses IPC. */

export const EXPORT_FORMATS = ['markdown', 'w3c', 'anki', 'reviews', 'backup'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_LABEL: Record<ExportFormat, string> = {
  markdown: 'Markdown notes (a folder, one file per article)',
  w3c: 'W3C Web Annotations (JSON-LD)',
  anki: 'Anki cards (tab-separated text)',
  reviews: 'Review log (CSV for FSRS optimisers)',
  backup: 'Full backup (JSON)',
};

/** What an export wrote. */
export interface ExportResult {
  /** The folder (Markdown) or file written. */
  path: string;
  files: number;
  /** Highlights, cards or reviews written. */
  items: number;
}

/** What a backup file or an annotation file holds, shown before anything is changed. */
export interface ImportContents {
  kind: 'backup' | 'annotations';
  /** Where it came from: the file name. */
  file: string;
  /** Backups: when and by which version it was made. */
  exportedAt?: string;
  appVersion?: string;
  highlights: number;
  notes: number;
  tags: number;
  cards: number;
  reviews: number;
  /** Articles the highlights are in (titles). */
  articles: string[];
}

export interface ImportPreview {
  /** Names the validated file held in main until it is applied or another is opened. */
  token: string;
  contents: ImportContents;
}

export const IMPORT_MODES = ['replace', 'merge'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** What an import or restore changed. */
export interface ImportResult {
  highlights: number;
  cards: number;
  reviews: number;
}

/** One of the automatic backups of the data file. */
export interface SavedBackup {
  file: string;
  createdAt: string;
  sizeBytes: number;
  reason?: string;
}

export const exportInputSchema = z.object({ format: z.enum(EXPORT_FORMATS) }).strict();
export const applyImportSchema = z
  .object({ token: z.string().regex(/^[0-9a-f-]{36}$/), mode: z.enum(IMPORT_MODES) })
  .strict();
export const backupFileSchema = z
  .object({
    file: z
      .string()
      .max(200)
      .regex(/^xinzhi-[0-9A-Za-z.-]+\.json$/, 'not a backup of this app'),
  })
  .strict();
