import { useEffect, useRef } from 'react';
import type { GlossaryItem } from '../../../../shared/glossary';
import { Icon } from '../../components/Icon';

interface Props {
  /** Each term marked on screen, with its first visible mention. */
  terms: { item: GlossaryItem; mark: HTMLElement }[];
  onChoose(item: GlossaryItem, mark: HTMLElement): void;
  onClose(): void;
}

/** `g`: the glossary terms on screen, to open one's definition from the keyboard. */
export function TermsOnScreen({ terms, onChoose, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog terms-dialog"
      aria-labelledby="terms-title"
      onClose={onClose}
    >
      <header className="dialog-header">
        <h2 id="terms-title">Terms on screen</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close"
          onClick={() => ref.current?.close()}
        >
          <Icon name="close" />
        </button>
      </header>
      {terms.length === 0 ? (
        <p className="terms-empty">
          No glossary term is marked on screen. Turn term marks on under Aa → Glossary terms.
        </p>
      ) : (
        <ul className="terms-list">
          {terms.map(({ item, mark }) => (
            <li key={item.id}>
              <button
                type="button"
                onClick={() => {
                  ref.current?.close(); // modal first closed, so the text can take focus
                  onChoose(item, mark);
                }}
              >
                <span className="terms-list-term">{item.term}</span>
                {item.chinese && <span lang="zh-Hans">{item.chinese}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </dialog>
  );
}
