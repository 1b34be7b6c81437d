import { useRef, useState } from 'react';

/** The quote as words and the spaces between them; words can be blanked. */
export function tokenize(text: string): string[] {
  return text.split(/(\s+)/).filter((t) => t.length > 0);
}
const isWord = (t: string) => !/^\s+$/.test(t);

/**
 * Anki cloze text from the chosen words: neighbouring chosen words form one blank, and each
 * blank (c1, c2, …) becomes its own card.
 */
export function clozeText(tokens: string[], chosen: Set<number>): string {
  let out = '';
  let blank = 0;
  let open = false;
  tokens.forEach((t, i) => {
    if (!isWord(t)) {
      // A space inside a run of chosen words stays inside the blank.
      const next = tokens.findIndex((x, j) => j > i && isWord(x));
      if (open && !(next >= 0 && chosen.has(next))) {
        out += '}}';
        open = false;
      }
      out += t;
      return;
    }
    if (chosen.has(i) && !open) {
      out += `{{c${++blank}::`;
      open = true;
    } else if (!chosen.has(i) && open) {
      out += '}}';
      open = false;
    }
    out += t;
  });
  return open ? `${out}}}` : out;
}

interface Props {
  tokens: string[];
  chosen: Set<number>;
  onChange(chosen: Set<number>): void;
}

/** The words of a highlight as toggle buttons: one tab stop, arrows move, Space toggles. */
export function ClozePicker({ tokens, chosen, onChange }: Props) {
  const words = tokens.map((t, i) => (isWord(t) ? i : -1)).filter((i) => i >= 0);
  const [focus, setFocus] = useState(words[0] ?? 0);
  const group = useRef<HTMLDivElement>(null);

  const move = (to: number) => {
    const target = words[Math.max(0, Math.min(words.length - 1, to))];
    if (target === undefined) return;
    setFocus(target);
    group.current?.querySelector<HTMLButtonElement>(`[data-token="${target}"]`)?.focus();
  };

  return (
    <div ref={group} className="cloze-picker" role="group" aria-label="Words to blank">
      {tokens.map((t, i) =>
        isWord(t) ? (
          <button
            key={i}
            type="button"
            className="cloze-word"
            data-token={i}
            aria-pressed={chosen.has(i)}
            tabIndex={i === focus ? 0 : -1}
            onFocus={() => setFocus(i)}
            onKeyDown={(event) => {
              const at = words.indexOf(i);
              const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
              if (step) move(at + step);
              else if (event.key === 'Home') move(0);
              else if (event.key === 'End') move(words.length - 1);
              else return;
              event.preventDefault();
            }}
            onClick={() => {
              const next = new Set(chosen);
              if (next.has(i)) next.delete(i);
              else next.add(i);
              onChange(next);
            }}
          >
            {t}
          </button>
        ) : (
          <span key={i}> </span>
        ),
      )}
    </div>
  );
}
