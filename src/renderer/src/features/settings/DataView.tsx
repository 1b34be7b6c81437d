import { useCallback, useEffect, useRef, useState } from 'react';
import {
  EXPORT_FORMATS,
  EXPORT_LABEL,
  type ExportFormat,
  type ImportMode,
  type ImportPreview,
  type SavedBackup,
} from '../../../../shared/data';
import type { Report } from '../../components/Notices';
import { api, call, errorMessage } from '../../lib/api';
import { cardsChanged } from '../../lib/cardEvents';
import { plural } from '../../lib/format';
import { highlightsChanged } from '../../lib/highlightEvents';
import { ConfirmDialog } from '../trash/ConfirmDialog';
import '../../styles/data.css';

const EXPORT_HINT: Record<ExportFormat, string> = {
  markdown: 'For Obsidian and other note apps: front matter, quotes, colours, tags and notes.',
  w3c: 'The open standard for annotations, with quote and position selectors.',
  anki: 'Imports into Anki with no field mapping: Basic and Cloze notes, with their sources.',
  reviews: 'Every answer, in the shape FSRS optimisers read.',
  backup:
    'Everything: settings, highlights, cards with their schedules, the Trash, the review log.',
};

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const REASON: Record<string, string> = {
  interval: 'while you worked',
  quit: 'at quit',
  'pre-migration': 'before an upgrade',
  manual: 'before a restore',
};

function describe(p: ImportPreview): string {
  const c = p.contents;
  const what = [
    plural(c.highlights, 'highlight'),
    `${c.notes} with notes`,
    plural(c.tags, 'tag'),
    ...(c.kind === 'backup' ? [plural(c.cards, 'card'), plural(c.reviews, 'review')] : []),
  ].join(', ');
  const made =
    c.kind === 'backup' && c.exportedAt
      ? `a full backup made ${when(c.exportedAt)} by Xinzhi ${c.appVersion}`
      : 'Web Annotations';
  return `${c.file}: ${made}, holding ${what}${c.articles.length ? ` in ${plural(c.articles.length, 'article')}` : ''}.`;
}

/**
 * Settings → Your data: export in open formats, restore a full backup (replace or merge) or
 * import annotations after seeing what the file holds, and the automatic backups, each
 * restorable. Every file is checked completely before anything changes.
 */
export function DataView({ dataDir, onNotice }: { dataDir: string; onNotice: Report }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [backups, setBackups] = useState<SavedBackup[] | null>(null);
  const [confirm, setConfirm] = useState<{
    title: string;
    message: string;
    label: string;
    run(): void;
  } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const loadBackups = useCallback(
    () => call(api.backupsList()).then(setBackups, (e: unknown) => onNotice(errorMessage(e))),
    [onNotice],
  );
  useEffect(() => {
    void loadBackups();
    heading.current?.focus();
  }, [loadBackups]);

  const run = async (label: string, task: () => Promise<void>) => {
    setBusy(label);
    try {
      await task();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const exportAs = (format: ExportFormat) =>
    run(format, async () => {
      setProblem(null);
      const result = await call(api.dataExport({ format }));
      if (result) {
        onNotice(
          result.files > 1
            ? `Exported ${plural(result.items, 'highlight')} into ${result.files} files in ${result.path}.`
            : `Exported to ${result.path}.`,
        );
      }
    });

  const openFile = () =>
    run('open', async () => {
      setProblem(null);
      setPreview(null);
      const opened = await call(api.dataOpenImport());
      if (opened) setPreview(opened);
    });

  const done = (message: string, reload: boolean) => {
    onNotice(message);
    highlightsChanged();
    cardsChanged();
    void loadBackups();
    // A replaced data set replaces settings too: the app starts over from it.
    if (reload) window.setTimeout(() => window.location.reload(), 600);
  };

  const apply = (mode: ImportMode) => {
    if (!preview) return;
    const token = preview.token;
    return run('apply', async () => {
      const result = await call(api.dataApplyImport({ token, mode }));
      setPreview(null);
      done(
        mode === 'replace'
          ? `Restored ${plural(result.highlights, 'highlight')}, ${plural(result.cards, 'card')} and ${plural(result.reviews, 'review')}.`
          : `Merged: ${plural(result.highlights, 'highlight')}${result.cards ? `, ${plural(result.cards, 'card')}` : ''} read.`,
        mode === 'replace',
      );
    });
  };

  const restore = (b: SavedBackup) =>
    setConfirm({
      title: 'Restore this backup?',
      message: `Your data will be replaced by the backup from ${when(b.createdAt)}. The data as it is now is kept as a backup first, so this too can be undone here.`,
      label: 'Restore',
      run: () =>
        void run('restore', async () => {
          await call(api.backupsRestore({ file: b.file }));
          done(`Restored the backup from ${when(b.createdAt)}.`, true);
        }),
    });

  return (
    <main className="panel-view" aria-labelledby="data-title" aria-busy={busy !== null}>
      <header className="view-header">
        <h1 id="data-title" ref={heading} tabIndex={-1}>
          Your data
        </h1>
        <p className="view-sub">
          Everything stays on this computer, in <code>{dataDir}</code>. Take it anywhere in open
          formats.
        </p>
      </header>

      <section className="panel" aria-labelledby="export-title">
        <h2 id="export-title">Export</h2>
        <ul className="data-exports">
          {EXPORT_FORMATS.map((format) => (
            <li key={format}>
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                onClick={() => void exportAs(format)}
              >
                {EXPORT_LABEL[format]}
              </button>
              <span className="muted">{EXPORT_HINT[format]}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="import-title">
        <h2 id="import-title">Restore or import</h2>
        <p className="muted">
          Choose a full backup to restore (replacing everything, or merging it with what is here),
          or a file of Web Annotations to add. The file is checked through first; nothing changes
          until you confirm.
        </p>
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void openFile()}
        >
          Choose a file…
        </button>
        {problem && (
          <p className="data-problem" role="alert">
            {problem}
          </p>
        )}
        {preview && (
          <div className="data-preview" role="region" aria-label="File to import">
            <p>{describe(preview)}</p>
            {preview.contents.articles.length > 0 && (
              <p className="muted">In: {preview.contents.articles.join('; ')}</p>
            )}
            <div className="data-actions">
              {preview.contents.kind === 'backup' ? (
                <>
                  <button
                    type="button"
                    className="primary-button"
                    disabled={busy !== null}
                    onClick={() =>
                      setConfirm({
                        title: 'Replace all your data?',
                        message:
                          'Your highlights, cards, review history and settings will be replaced by the backup. The data as it is now is kept as an automatic backup first, with a copy of its review log beside it.',
                        label: 'Replace everything',
                        run: () => void apply('replace'),
                      })
                    }
                  >
                    Replace everything
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={busy !== null}
                    onClick={() => void apply('merge')}
                  >
                    Merge with my data
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  className="primary-button"
                  disabled={busy !== null}
                  onClick={() => void apply('merge')}
                >
                  Import {plural(preview.contents.highlights, 'highlight')}
                </button>
              )}
              <button type="button" className="button" onClick={() => setPreview(null)}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="backups-title">
        <h2 id="backups-title">Automatic backups</h2>
        <p className="muted">
          Taken every few minutes while you work, when you quit, and before a restore; a week of
          them is kept. They hold highlights, cards and settings; the review log is in full backups.
        </p>
        {backups && backups.length === 0 && <p>No backups yet: the first is taken at quit.</p>}
        {backups && backups.length > 0 && (
          <table className="data-backups">
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">Size</th>
                <th scope="col">Why</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.file}>
                  <td>{when(b.createdAt)}</td>
                  <td>{size(b.sizeBytes)}</td>
                  <td>{(b.reason && REASON[b.reason]) ?? ''}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      disabled={busy !== null}
                      aria-label={`Restore the backup from ${when(b.createdAt)}`}
                      onClick={() => restore(b)}
                    >
                      Restore
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.title ?? ''}
        message={confirm?.message ?? ''}
        confirmLabel={confirm?.label ?? ''}
        onConfirm={() => {
          const task = confirm;
          setConfirm(null);
          task?.run();
        }}
        onCancel={() => setConfirm(null)}
      />
    </main>
  );
}
