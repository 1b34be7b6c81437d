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

  // Below the mention or above it, on the side with more room, never covering the mention
  // (a tall definition scrolls inside) and never off screen.
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const r = mark.getBoundingClientRect();
    const roomBelow = window.innerHeight - r.bottom - 2 * GAP;
    const roomAbove = r.top - 2 * GAP;
    const below = roomBelow >= Math.min(box.scrollHeight, roomAbove);
    const height = Math.min(box.scrollHeight, below ? roomBelow : roomAbove);
    // Written to the element after measuring it (no second render).
    box.style.maxHeight = `${height}px`;
    box.style.top = `${below ? r.bottom + GAP : r.top - GAP - height}px`;
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
      aria-describedby="term-popover-definition"
      style={{ width: WIDTH }}
      onMouseEnter={() => onHover(true)}
      onMouseLeave={() => onHover(false)}
      onKeyDown={(event) => {
        // Esc, or Tab past either end, closes it and returns to the mention.
        const buttons = [...event.currentTarget.querySelectorAll('button')];
        const edge =
          event.key === 'Tab' &&
          document.activeElement === (event.shiftKey ? buttons[0] : buttons.at(-1));
        if (event.key !== 'Escape' && !edge) return;
        event.preventDefault();
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
      <p id="term-popover-definition" className="term-popover-definition">
        {item.definition}
      </p>
      <button type="button" className="text-button" onClick={() => onOpenTerm(item.id)}>
        <Icon name="glossary" size={16} /> Open in glossary
      </button>
    </div>
  );
}
