import { memo, useMemo, type ReactNode } from 'react';
import type { PlacedHighlight } from '../../../../shared/highlights';
import { Icon } from '../../components/Icon';
import { renderNote } from '../../lib/markdown';
import { COLOR_LABEL, STATUS_BADGE } from './colors';
import { formatDay, formatMoment } from './dates';
import { excerpt } from '../../lib/text';

interface Props {
  highlight: PlacedHighlight;
  articleTitle: string;
  /** Lower-cased words of the text filter, marked in the quote. */
  terms: string[];
  onOpen(h: PlacedHighlight, reattach?: boolean): void;
  onConfirm(h: PlacedHighlight): void;
  onDelete(h: PlacedHighlight): void;
}

const LABEL_MAX = 120;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The quote with the filter's words marked. Plain text in, React nodes out: nothing is HTML. */
function markTerms(text: string, terms: string[]): ReactNode {
  if (terms.length === 0) return text;
  const pattern = new RegExp(`(${terms.map(escapeRegExp).join('|')})`, 'gi');
  return text.split(pattern).map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part));
}

/** One highlight in the Notes list: the whole card opens it in the reader. */
export const NoteItem = memo(function NoteItem({
  highlight: h,
  articleTitle,
  terms,
  onOpen,
  onConfirm,
  onDelete,
}: Props) {
  const note = useMemo(() => (h.note.trim() ? renderNote(h.note) : ''), [h.note]);
  const badge = STATUS_BADGE[h.status];
  const orphaned = h.status === 'orphaned';
  const metaId = `note-meta-${h.id}`;
  const edited = h.updatedAt !== h.createdAt;

  return (
    <li className={`note-item color-${h.color}${orphaned ? ' is-orphaned' : ''}`} data-id={h.id}>
      <button
        type="button"
        className="note-open"
        aria-label={excerpt(h.quote.exact, LABEL_MAX)}
        aria-describedby={metaId}
        title={orphaned ? 'Open the article to re-attach this highlight' : 'Open in the reader'}
        onClick={() => onOpen(h)}
      >
        <span className="note-quote">
          <span className="note-quote-text">{markTerms(h.quote.exact, terms)}</span>
        </span>
      </button>
      {note && (
        <div
          className="note-text"
          // renderNote sanitises the untrusted Markdown (marked, then DOMPurify).
          dangerouslySetInnerHTML={{ __html: note }}
        />
      )}
      <div className="note-footer">
        <div className="note-info">
          <p className="note-meta" id={metaId}>
            <span className="visually-hidden">{COLOR_LABEL[h.color]} highlight. </span>
            {badge && (
              <span className={`status-badge status-${h.status}`} title={badge.title}>
                {badge.label}
              </span>
            )}
            <span className="note-article">{articleTitle}</span>
            <span className="visually-hidden">, </span>
            <span aria-hidden="true">·</span>
            <time dateTime={h.updatedAt} title={formatMoment(h.updatedAt)}>
              {edited ? 'Edited ' : ''}
              {formatDay(h.updatedAt)}
            </time>
          </p>
          {h.tags.length > 0 && (
            <ul className="note-tags" aria-label="Tags">
              {h.tags.map((t) => (
                <li key={t} className="tag-chip">
                  <Icon name="tag" size={13} />
                  {t}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="note-actions">
          {h.status === 'uncertain' && (
            <button
              type="button"
              className="text-button action-primary"
              onClick={() => onConfirm(h)}
            >
              <Icon name="check" size={15} />
              Confirm place
            </button>
          )}
          {orphaned && (
            <button type="button" className="text-button" onClick={() => onOpen(h, true)}>
              <Icon name="link" size={15} />
              Re-attach…
            </button>
          )}
          {orphaned ? (
            <button type="button" className="text-button" onClick={() => onDelete(h)}>
              <Icon name="trash" size={15} />
              Delete
            </button>
          ) : (
            <button
              type="button"
              className="icon-button note-delete"
              aria-label="Delete"
              title="Move to the Trash (Delete)"
              onClick={() => onDelete(h)}
            >
              <Icon name="trash" size={17} />
            </button>
          )}
        </div>
      </div>
    </li>
  );
});
