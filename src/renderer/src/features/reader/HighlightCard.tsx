import { memo, useEffect, useRef } from 'react';
import { COLORS, type PlacedHighlight } from '../../../../shared/highlights';
import { Icon } from '../../components/Icon';
import { TagInput } from '../../components/TagInput';
import { COLOR_LABEL } from '../../lib/colors';
import { renderNote } from '../../lib/markdown';
import { excerpt } from '../../lib/text';
import { openCardEditor } from '../../lib/cardEvents';
import { highlightKey } from './highlightKeys';
import { NoteEditor } from './NoteEditor';
import type { HighlightPatch } from './useHighlights';

interface Props {
  highlight: PlacedHighlight;
  selected: boolean;
  editing: boolean;
  /** Move focus into the card when it opens (it was opened from the margin, not the text). */
  focusOnOpen: boolean;
  allTags: string[];
  /** The user's names for the colours ("Key idea"), when set. */
  colorNames: Record<string, string>;
  // Each takes the highlight's id, so one function serves every card (and a card whose
  // highlight did not change is not drawn again).
  onSelect(id: string): void;
  onClose(): void;
  onEdit(editing: boolean): void;
  /** Resolves to true once saved. */
  onUpdate(id: string, patch: HighlightPatch): Promise<boolean>;
  onDelete(id: string): void;
  onConfirm(id: string): void;
}

const STATUS_TEXT = {
  moved: 'Moved: the article changed and this was found elsewhere.',
  uncertain: 'Is this the right place? The article changed and this is our best guess.',
} as const;

function NoteBody({ note }: { note: string }) {
  return <div className="note-body" dangerouslySetInnerHTML={{ __html: renderNote(note) }} />;
}

/**
 * A highlight in the margin. Collapsed, it shows the note and tags, with a button over it that
 * selects it; selected, it is a small editor: colour, note, tags, delete, and for a guessed
 * place, Confirm. Keys while focus is inside: see highlightKey.
 */
export const HighlightCard = memo(function HighlightCard(props: Props) {
  const { highlight: h, selected, editing, focusOnOpen } = props;
  const update = (patch: HighlightPatch) => props.onUpdate(h.id, patch);
  const remove = () => props.onDelete(h.id);
  const makeCard = () => openCardEditor({ kind: 'from-highlight', highlightId: h.id });
  const card = useRef<HTMLElement>(null);
  const label = (c: (typeof COLORS)[number]) => props.colorNames[c] || COLOR_LABEL[c];

  useEffect(() => {
    if (selected && focusOnOpen) card.current?.focus({ preventScroll: true });
  }, [selected, focusOnOpen]);

  if (!selected) {
    return (
      <div className={`margin-note hl-border-${h.color}`} data-highlight-id={h.id}>
        <span className="note-marker" aria-hidden="true">
          <Icon name={h.note ? 'note' : 'tag'} size={14} />
        </span>
        {h.note && <NoteBody note={h.note} />}
        {h.tags.length > 0 && (
          <span className="note-tags">
            {h.tags.map((t) => (
              <span key={t} className="tag-chip">
                {t}
              </span>
            ))}
          </span>
        )}
        <button
          type="button"
          className="margin-note-button"
          aria-label={`Note on “${excerpt(h.quote.exact, 60)}”`}
          onClick={() => props.onSelect(h.id)}
        />
      </div>
    );
  }

  return (
    // The keys are shortcuts for the buttons inside, which stay reachable by Tab.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section
      ref={card}
      tabIndex={-1}
      className={`margin-note margin-note-open hl-border-${h.color}`}
      data-highlight-id={h.id}
      aria-label="Selected highlight"
      onKeyDown={(event) => {
        const used = highlightKey(event, {
          recolor: (color) => void update({ color }),
          flashcard: makeCard,
          editNote: () => props.onEdit(true),
          remove,
          close: props.onClose,
        });
        if (used) {
          event.preventDefault();
          event.stopPropagation();
        }
      }}
    >
      <header className="card-head">
        {/* One tab stop; arrows move between the colours (and choose them), as radios do. */}
        {/* eslint-disable-next-line jsx-a11y/interactive-supports-focus -- focus is on its radios (roving tabindex) */}
        <div
          className="card-colors"
          role="radiogroup"
          aria-label="Colour"
          onKeyDown={(event) => {
            const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
            if (!step) return;
            event.preventDefault();
            event.stopPropagation();
            const next = COLORS[(COLORS.indexOf(h.color) + step + COLORS.length) % COLORS.length];
            void update({ color: next });
            const radios = event.currentTarget.querySelectorAll<HTMLElement>('[role="radio"]');
            radios[COLORS.indexOf(next)]?.focus();
          }}
        >
          {COLORS.map((c, i) => (
            <button
              key={c}
              type="button"
              role="radio"
              tabIndex={h.color === c ? 0 : -1}
              aria-checked={h.color === c}
              className={`swatch swatch-hl-${c}`}
              aria-label={label(c)}
              title={`${label(c)} (${i + 1})`}
              onClick={() => void update({ color: c })}
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
          <button type="button" className="text-button" onClick={() => props.onConfirm(h.id)}>
            <Icon name="check" size={16} /> Confirm place
          </button>
        </div>
      )}
      {editing ? (
        <NoteEditor
          initial={h.note}
          onSave={async (note) => {
            const saved = await update({ note });
            if (saved) props.onEdit(false);
            return saved;
          }}
          onCancel={() => props.onEdit(false)}
        />
      ) : h.note ? (
        <div className="note-view">
          <NoteBody note={h.note} />
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
        onChange={(tags) => void update({ tags })}
      />
      <footer className="card-foot">
        <button type="button" className="text-button" onClick={makeCard}>
          <Icon name="card" size={16} /> Make flashcard <kbd>f</kbd>
        </button>
        <button type="button" className="text-button danger" onClick={remove}>
          <Icon name="trash" size={16} /> Delete
        </button>
      </footer>
    </section>
  );
});
