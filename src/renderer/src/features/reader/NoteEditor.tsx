import { useEffect, useId, useRef, useState } from 'react';
import { LIMITS } from '../../../../shared/highlights';
import { MOD } from '../../lib/keys';

interface Props {
  initial: string;
  /** Resolves true once saved; the editor stays open (and keeps the text) otherwise. */
  onSave(note: string): Promise<boolean>;
  onCancel(): void;
}

/**
 * Editing a note in place: Markdown in a growing text box; Ctrl/Cmd+Enter saves, Esc cancels.
 * Typed text is never lost by looking away: if the editor closes any other way (another
 * highlight selected, a click in the text, another view), what was typed is saved.
 */
export function NoteEditor({ initial, onSave, onCancel }: Props) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  const latest = useRef({ value: initial, onSave, settled: false });
  useEffect(() => {
    latest.current.value = value;
    latest.current.onSave = onSave;
  });
  useEffect(
    () => () => {
      const { value: text, onSave: save, settled } = latest.current;
      if (!settled && text !== initial && text.length <= LIMITS.note) void save(text);
    },
    [initial],
  );
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

  const save = async () => {
    if (tooLong) return;
    latest.current.settled = true;
    latest.current.settled = await onSave(value);
  };
  const cancel = () => {
    latest.current.settled = true;
    onCancel();
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
            void save();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            cancel();
          }
        }}
      />
      <div className="note-editor-foot">
        <span id={hintId} className={tooLong ? 'field-error' : 'hint'}>
          {tooLong
            ? `Too long: ${value.length.toLocaleString('en')} of ${LIMITS.note.toLocaleString('en')} characters.`
            : `${MOD}+Enter to save · Esc to cancel`}
        </span>
        <button type="button" className="text-button" onClick={cancel}>
          Cancel
        </button>
        <button
          type="button"
          className="primary-button"
          disabled={tooLong}
          onClick={() => void save()}
        >
          Save note
        </button>
      </div>
    </div>
  );
}
