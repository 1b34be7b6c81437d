import { forwardRef, type KeyboardEvent } from 'react';
import { COLORS, type PlacedHighlight } from '../../../../shared/highlights';
import { Icon } from '../../components/Icon';
import { TagInput } from '../../components/TagInput';
import { renderNote } from '../../lib/markdown';
import { NoteEditor } from './NoteEditor';
import { COLOR_LABEL } from './SelectionToolbar';
import type { HighlightPatch } from './useHighlights';

interface Props {
  highlight: PlacedHighlight;
  selected: boolean;
  editing: boolean;
  allTags: string[];
  /** The user's names for the colours ("Key idea"), when set. */
  colorNames: Record<string, string>;
  top?: number;
  onSelect(): void;
  onClose(): void;
  onEdit(editing: boolean): void;
  onUpdate(patch: HighlightPatch): void;
  onDelete(): void;
  onConfirm(): void;
}

const STATUS_TEXT = {
  moved: 'Moved: the article changed and this was found elsewhere.',
  uncertain: 'Is this the right place? The article changed and this is our best guess.',
} as const;

/**
 * A highlight in the margin. Collapsed, it shows the note and tags (a button that selects it);
 * selected, it is a small editor: colour, note, tags, delete, and for a guessed place, Confirm.
 * Keys while focus is inside: 1–5 colour, n edit the note, Delete to the Trash, Esc close.
 */
export const HighlightCard = forwardRef<HTMLElement, Props>(function HighlightCard(props, ref) {
  const { highlight: h, selected, editing } = props;
  const label = (c: (typeof COLORS)[number]) => props.colorNames[c] || COLOR_LABEL[c];

  if (!selected) {
    return (
      <button
        ref={ref as React.Ref<HTMLButtonElement>}
        type="button"
        className={`margin-note hl-border-${h.color}`}
        style={{ top: props.top }}
        data-highlight-id={h.id}
        aria-label={`Note on “${h.quote.exact.slice(0, 60)}”`}
        onClick={props.onSelect}
      >
        <span className="note-marker" aria-hidden="true">
          <Icon name={h.note ? 'note' : 'tag'} size={14} />
        </span>
        {h.note && (
          <span className="note-body" dangerouslySetInnerHTML={{ __html: renderNote(h.note) }} />
        )}
        {h.tags.length > 0 && (
          <span className="note-tags">
            {h.tags.map((t) => (
              <span key={t} className="tag-chip">
                {t}
              </span>
            ))}
          </span>
        )}
      </button>
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    // Fields keep their keys, except Esc (which a field that uses it stops first).
    if (target.matches('input, textarea') && event.key !== 'Escape') return;
    const index = Number(event.key) - 1;
    if (index >= 0 && index < COLORS.length) props.onUpdate({ color: COLORS[index] });
    else if (event.key === 'n') props.onEdit(true);
    else if (event.key === 'Delete') props.onDelete();
    else if (event.key === 'Escape') props.onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    // The keys are shortcuts for the buttons inside, which stay reachable by Tab.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section
      ref={ref}
      className={`margin-note margin-note-open hl-border-${h.color}`}
      style={{ top: props.top }}
      data-highlight-id={h.id}
      aria-label="Selected highlight"
      onKeyDown={onKeyDown}
    >
      <header className="card-head">
        <div className="card-colors" role="radiogroup" aria-label="Colour">
          {COLORS.map((c, i) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={h.color === c}
              className={`swatch swatch-hl-${c}`}
              aria-label={label(c)}
              title={`${label(c)} (${i + 1})`}
              onClick={() => props.onUpdate({ color: c })}
            />
          ))}
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label="Close"
          title="Close (Esc)"
          onClick={props.onClose}
        >
          <Icon name="close" size={16} />
        </button>
      </header>
      {(h.status === 'moved' || h.status === 'uncertain') && (
        <div className={`card-status status-${h.status}`}>
          <p>{STATUS_TEXT[h.status]}</p>
          <button type="button" className="text-button" onClick={props.onConfirm}>
            <Icon name="check" size={16} /> Confirm place
          </button>
        </div>
      )}
      {editing ? (
        <NoteEditor
          initial={h.note}
          onSave={(note) => {
            props.onUpdate({ note });
            props.onEdit(false);
          }}
          onCancel={() => props.onEdit(false)}
        />
      ) : h.note ? (
        <div className="note-view">
          <div className="note-body" dangerouslySetInnerHTML={{ __html: renderNote(h.note) }} />
          <button type="button" className="text-button" onClick={() => props.onEdit(true)}>
            Edit note
          </button>
        </div>
      ) : (
        <button type="button" className="text-button add-note" onClick={() => props.onEdit(true)}>
          <Icon name="note" size={16} /> Add note <kbd>n</kbd>
        </button>
      )}
      <TagInput
        tags={h.tags}
        suggestions={props.allTags}
        onChange={(tags) => props.onUpdate({ tags })}
      />
      <footer className="card-foot">
        <button type="button" className="text-button danger" onClick={props.onDelete}>
          <Icon name="trash" size={16} /> Delete
        </button>
      </footer>
    </section>
  );
});
