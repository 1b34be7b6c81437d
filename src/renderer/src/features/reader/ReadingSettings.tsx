import { useEffect, useRef } from 'react';
import { ColorNames } from './ColorNames';
import {
  TERM_MARKS,
  type TermMarks,
  COLUMN_WIDTH,
  FONT_SIZE,
  LINE_HEIGHT,
  THEMES,
  type Settings,
  type Theme,
} from '../../../../shared/settings';

const THEME_LABEL: Record<Theme, string> = {
  system: 'System',
  light: 'Light',
  sepia: 'Sepia',
  dark: 'Dark',
};

interface StepperProps {
  label: string;
  value: string;
  less: string;
  more: string;
  canLess: boolean;
  canMore: boolean;
  onLess(): void;
  onMore(): void;
}

function Stepper({ label, value, less, more, canLess, canMore, onLess, onMore }: StepperProps) {
  return (
    <div className="stepper" role="group" aria-label={label}>
      <span className="stepper-label">{label}</span>
      <button type="button" className="step" aria-label={less} disabled={!canLess} onClick={onLess}>
        −
      </button>
      <output className="step-value" aria-live="polite">
        {value}
      </output>
      <button type="button" className="step" aria-label={more} disabled={!canMore} onClick={onMore}>
        +
      </button>
    </div>
  );
}

const round1 = (n: number) => Math.round(n * 10) / 10;

const TERM_MARK_LABEL: Record<TermMarks, string> = {
  off: 'Off',
  first: 'First in section',
  all: 'All',
};

interface Props {
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
  onClose(): void;
}

/** The "Aa" popover: theme, text size, line spacing, column width, what the highlight colours
 * mean. Esc closes it. */
export function ReadingSettings({ settings, onChange, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);
  // On open only: focus the current theme, and close on a click outside.
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[aria-pressed="true"]')?.focus();
    const onDown = (event: MouseEvent) => {
      const target = event.target as Element;
      if (!ref.current?.contains(target) && !target.closest?.('[data-settings-toggle]')) {
        close.current();
      }
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, []);

  const { fontSize, lineHeight, columnWidth } = settings;
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Esc closes the dialog from any control in it
    <div
      ref={ref}
      className="popover settings-popover"
      role="dialog"
      aria-label="Reading settings"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="theme-choice" role="group" aria-label="Theme">
        {THEMES.map((t) => (
          <button
            key={t}
            type="button"
            className={`theme-swatch swatch-${t}`}
            aria-pressed={settings.theme === t}
            onClick={() => onChange({ theme: t })}
          >
            {THEME_LABEL[t]}
          </button>
        ))}
      </div>
      <Stepper
        label="Text size"
        value={`${fontSize}px`}
        less="Smaller text"
        more="Larger text"
        canLess={fontSize > FONT_SIZE.min}
        canMore={fontSize < FONT_SIZE.max}
        onLess={() => onChange({ fontSize: fontSize - FONT_SIZE.step })}
        onMore={() => onChange({ fontSize: fontSize + FONT_SIZE.step })}
      />
      <Stepper
        label="Line spacing"
        value={lineHeight.toFixed(1)}
        less="Tighter line spacing"
        more="Looser line spacing"
        canLess={lineHeight > LINE_HEIGHT.min + 1e-9}
        canMore={lineHeight < LINE_HEIGHT.max - 1e-9}
        onLess={() => onChange({ lineHeight: round1(lineHeight - LINE_HEIGHT.step) })}
        onMore={() => onChange({ lineHeight: round1(lineHeight + LINE_HEIGHT.step) })}
      />
      <Stepper
        label="Column width"
        value={`${columnWidth} ch`}
        less="Narrower column"
        more="Wider column"
        canLess={columnWidth > COLUMN_WIDTH.min}
        canMore={columnWidth < COLUMN_WIDTH.max}
        onLess={() => onChange({ columnWidth: columnWidth - COLUMN_WIDTH.step })}
        onMore={() => onChange({ columnWidth: columnWidth + COLUMN_WIDTH.step })}
      />
      <div className="term-marks-setting">
        <span id="term-marks-label" className="stepper-label">
          Glossary terms
        </span>
        <div className="segmented" role="group" aria-labelledby="term-marks-label">
          {TERM_MARKS.map((mode) => (
            <button
              key={mode}
              type="button"
              aria-pressed={settings.termMarks === mode}
              onClick={() => onChange({ termMarks: mode })}
            >
              {TERM_MARK_LABEL[mode]}
            </button>
          ))}
        </div>
      </div>
      <ColorNames names={settings.colorNames} onChange={(colorNames) => onChange({ colorNames })} />
    </div>
  );
}
