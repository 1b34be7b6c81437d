import { useState } from 'react';
import { COLORS, type Color } from '../../../../shared/highlights';
import { COLOR_NAME_MAX, type Settings } from '../../../../shared/settings';
import { COLOR_LABEL } from '../../lib/colors';

interface Props {
  names: Settings['colorNames'];
  onChange(names: Settings['colorNames']): void;
}

/** What each highlight colour means to the user; saved when a field loses focus or on Enter. */
export function ColorNames({ names, onChange }: Props) {
  const [draft, setDraft] = useState(names);
  const save = (color: Color) => {
    const value = draft[color].trim();
    if (value !== names[color]) onChange({ ...names, [color]: value });
  };
  return (
    <fieldset className="color-names">
      <legend className="panel-title">Highlight colours mean</legend>
      {COLORS.map((color) => (
        <label key={color} className="color-name">
          <span className={`swatch swatch-hl-${color}`} aria-hidden="true" />
          <span className="visually-hidden">{COLOR_LABEL[color]}</span>
          <input
            type="text"
            value={draft[color]}
            maxLength={COLOR_NAME_MAX}
            placeholder={COLOR_LABEL[color]}
            onChange={(e) => setDraft({ ...draft, [color]: e.target.value })}
            onBlur={() => save(color)}
            onKeyDown={(e) => e.key === 'Enter' && save(color)}
          />
        </label>
      ))}
    </fieldset>
  );
}
