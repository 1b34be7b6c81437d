import { useEffect, useLayoutEffect, useRef } from 'react';
import type { GlossaryItem } from '../../../../shared/glossary';
import { Icon } from '../../components/Icon';

export interface OpenTerm {
  item: GlossaryItem;
  mark: HTMLElement;
  /** Opened from the keyboard: focus moves into the popover and back to the mark on close. */
  focus: boolean;
}

interface Props {
  open: OpenTerm;
  onClose(): void;
  onOpenTerm(termId: string): void;
  /** Pointer over the popover: keep it open while the user reads or reaches for the button. */
  onHover(inside: boolean): void;
}

const GAP = 8;
const WIDTH = 360;

/** A glossary term's definition by its mention in the text, with a way into the glossary. */
export function TermPopover({ open, onClose, onOpenTerm, onHover }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const { item, mark } = open;

  // Below the mention, or above when there is no room; never off screen.
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const r = mark.getBoundingClientRect();
    const height = box.offsetHeight;
    const below = r.bottom + GAP + height <= window.innerHeight;
    // Written to the element after measuring it (no second render).
    box.style.top = `${below ? r.bottom + GAP : Math.max(GAP, r.top - GAP - height)}px`;
    box.style.left = `${Math.min(Math.max(GAP, r.left), window.innerWidth - WIDTH - GAP)}px`;
  }, [mark, item]);

  useEffect(() => {
    if (open.focus) ref.current?.querySelector<HTMLElement>('button')?.focus();
  }, [open]);

  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Esc closes it from any control inside
    <div
      ref={ref}
      className="term-popover"
      role="dialog"
      aria-label={`Glossary: ${item.term}`}
      style={{ width: WIDTH }}
      onMouseEnter={() => onHover(true)}
      onMouseLeave={() => onHover(false)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <header className="term-popover-head">
        <div>
          <p className="term-popover-term">{item.term}</p>
          {item.chinese && (
            <p className="term-popover-zh">
              <span lang="zh-Hans">{item.chinese}</span>{' '}
              <span className="pinyin">{item.pinyin}</span>
            </p>
          )}
        </div>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          <Icon name="close" size={16} />
        </button>
      </header>
      <p className="term-popover-definition">{item.definition}</p>
      <button type="button" className="text-button" onClick={() => onOpenTerm(item.id)}>
        <Icon name="glossary" size={16} /> Open in glossary
      </button>
    </div>
  );
}
