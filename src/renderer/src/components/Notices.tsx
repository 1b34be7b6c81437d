import { useCallback, useState } from 'react';
import { Icon } from './Icon';

/** A button in a notice, such as "Undo" after a delete. */
export interface NoticeAction {
  label: string;
  run(): void;
}

export interface Notice {
  id: number;
  message: string;
  action?: NoticeAction;
}

export type Report = (message: string, action?: NoticeAction) => void;

let nextId = 1;

export function useNotices() {
  const [list, setList] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => setList((l) => l.filter((n) => n.id !== id)), []);
  const push: Report = useCallback(
    (message, action) => {
      const id = nextId++;
      setList((l) => [...l.slice(-2), { id, message, action }]);
      window.setTimeout(() => dismiss(id), 8000);
    },
    [dismiss],
  );
  return { list, push, dismiss };
}

/** Errors and confirmations, announced politely to screen readers. */
export function Notices({
  notices,
  onDismiss,
}: {
  notices: Notice[];
  onDismiss(id: number): void;
}) {
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className="notice">
          <Icon name={n.action ? 'info' : 'alert'} size={18} />
          <span>{n.message}</span>
          {n.action && (
            <button
              type="button"
              className="notice-action"
              onClick={() => {
                n.action?.run();
                onDismiss(n.id);
              }}
            >
              {n.action.label}
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => onDismiss(n.id)}
          >
            <Icon name="close" size={16} />
          </button>
        </div>
      ))}
    </div>
  );
}
