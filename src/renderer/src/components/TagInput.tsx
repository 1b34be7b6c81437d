import { useId, useState, type KeyboardEvent } from 'react';
import { LIMITS } from '../../../shared/highlights';
import { Icon } from './Icon';

interface Props {
  tags: string[];
  /** Every tag in use, for suggestions. */
  suggestions: string[];
  onChange(tags: string[]): void;
  label?: string;
}

const MAX_SUGGESTIONS = 8;

/**
 * Tags as removable chips plus a combobox that suggests existing tags as you type: ↑/↓ move,
 * Enter or Tab takes the suggestion, Enter or comma adds what you typed, Backspace on an empty
 * box removes the last tag.
 */
export function TagInput({ tags, suggestions, onChange, label = 'Add a tag' }: Props) {
  const [draft, setDraft] = useState('');
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const errorId = useId();

  const query = draft.trim().toLocaleLowerCase();
  const taken = new Set(tags.map((t) => t.toLocaleLowerCase()));
  const matches = query
    ? suggestions
        .filter((s) => !taken.has(s.toLocaleLowerCase()) && s.toLocaleLowerCase().includes(query))
        .sort(
          (a, b) =>
            Number(!a.toLocaleLowerCase().startsWith(query)) -
            Number(!b.toLocaleLowerCase().startsWith(query)),
        )
        .slice(0, MAX_SUGGESTIONS)
    : [];

  const add = (raw: string) => {
    const tag = raw.trim().replace(/,+$/, '').trim();
    if (!tag) return;
    if (tag.length > LIMITS.tag) {
      setError(`A tag can be at most ${LIMITS.tag} characters.`);
      return;
    }
    if (taken.has(tag.toLocaleLowerCase())) {
      setDraft('');
      return;
    }
    if (tags.length >= LIMITS.tags) {
      setError(`A highlight can have at most ${LIMITS.tags} tags.`);
      return;
    }
    setError(null);
    setDraft('');
    setActive(-1);
    onChange([...tags, tag]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const open = matches.length > 0;
    if (event.key === 'ArrowDown' && open) {
      setActive((i) => (i + 1) % matches.length);
    } else if (event.key === 'ArrowUp' && open) {
      setActive((i) => (i <= 0 ? matches.length - 1 : i - 1));
    } else if (event.key === 'Enter' || event.key === ',') {
      if (!draft.trim()) return;
      add(active >= 0 && open ? matches[active] : draft);
    } else if (event.key === 'Tab' && open && draft.trim()) {
      add(matches[Math.max(0, active)]);
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    } else if (event.key === 'Escape' && (draft || open)) {
      setDraft('');
      setActive(-1);
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="tag-input">
      <ul className="tag-chips" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            <span>{tag}</span>
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              onClick={() => onChange(tags.filter((t) => t !== tag))}
            >
              <Icon name="close" size={12} />
            </button>
          </li>
        ))}
      </ul>
      <div className="tag-combo">
        <input
          type="text"
          role="combobox"
          aria-label={label}
          aria-expanded={matches.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
          placeholder={tags.length ? 'Add tag…' : 'Add tags…'}
          value={draft}
          maxLength={LIMITS.tag + 1}
          onChange={(e) => {
            setDraft(e.target.value);
            setActive(-1);
            setError(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => draft.trim() && add(draft)}
        />
        {matches.length > 0 && (
          <div className="tag-suggestions" id={listId} role="listbox" aria-label="Existing tags">
            {matches.map((m, i) => (
              <div
                key={m}
                id={`${listId}-${i}`}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                // Pick without blurring the input first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  add(m);
                }}
              >
                {m}
              </div>
            ))}
          </div>
        )}
      </div>
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
