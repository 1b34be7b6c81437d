import { useEffect, useId, useRef, useState } from 'react';
import { LIMITS } from '../../../../shared/highlights';
import { MOD } from '../../lib/keys';

interface Props {
  initial: string;
  onSave(note: string): void;
  onCancel(): void;
}

/** Editing a note in place: Markdown in a growing text box; Ctrl/Cmd+Enter saves, Esc cancels. */
export function NoteEditor({ initial, onSave, onCancel }: Props) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const tooLong = value.length > LIMITS.note;

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  }, []);

  // Grow with the text, up to a limit where it scrolls.
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    box.style.height = 'auto';
    box.style.height = `${Math.min(box.scrollHeight + 2, 360)}px`;
  }, [value]);

  const save = () => {
    if (!tooLong) onSave(value);
  };

  return (
    <div className="note-editor">
      <textarea
        ref={ref}
        aria-label="Note"
        aria-describedby={hintId}
        aria-invalid={tooLong || undefined}
        value={value}
        rows={3}
        placeholder="Write a note… Markdown works: **bold**, *italic*, - lists, [links](https://…)"
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <div className="note-editor-foot">
        <span id={hintId} className={tooLong ? 'field-error' : 'hint'}>
          {tooLong
            ? `Too long: ${value.length.toLocaleString('en')} of ${LIMITS.note.toLocaleString('en')} characters.`
            : `${MOD}+Enter to save · Esc to cancel`}
        </span>
        <button type="button" className="text-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary-button" disabled={tooLong} onClick={save}>
          Save note
        </button>
      </div>
    </div>
  );
}
