import { useEffect, useRef } from 'react';

interface Props {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Asks before something that cannot be undone. A native modal dialog: focus is trapped, Esc
 * cancels, and Cancel has the focus first so Enter never destroys anything by accident.
 */
export function ConfirmDialog({ open, title, message, confirmLabel, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancel.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-message"
      onClose={onCancel}
    >
      <header className="dialog-header">
        <h2 id="confirm-title">{title}</h2>
      </header>
      <p id="confirm-message">{message}</p>
      <div className="confirm-actions">
        <button type="button" className="button" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="danger-button solid" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
