import { useEffect, useRef, useState } from 'react';
import { reviewCostVersus90 } from '../../../../shared/cards';
import { RETENTION, settingsSchema, type Settings } from '../../../../shared/settings';
import { Icon } from '../../components/Icon';
import { cardsChanged } from '../../lib/cardEvents';
import { percent } from '../../lib/format';

interface Props {
  settings: Settings;
  onSettings(patch: Partial<Settings>): void;
  onClose(): void;
}

/** What a desired retention costs, in plain words. */
export function retentionCost(r: number): string {
  const ratio = reviewCostVersus90(r);
  const forget = `you will have forgotten about ${percent(1 - r)} of cards when they come up`;
  if (Math.abs(ratio - 1) < 0.05) return `The recommended balance: ${forget}.`;
  return ratio > 1
    ? `About ${ratio.toFixed(1)}× the reviews of 90% (intervals that much shorter); ${forget}.`
    : `Intervals about ${(1 / ratio).toFixed(1)}× longer than at 90%, so fewer reviews, but ${forget}, and each one must be relearnt.`;
}

const parseSteps = (text: string) => text.split(/[\s,]+/).filter(Boolean);

const FIELDS = ['learningSteps', 'relearningSteps', 'newPerDay', 'reviewsPerDay'] as const;
type Field = (typeof FIELDS)[number];

/** Scheduler settings: desired retention, steps, daily limits and which term cards to study. */
export function ReviewSettings({ settings, onSettings, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [retention, setRetention] = useState(settings.desiredRetention);
  const [text, setText] = useState<Record<Field, string>>({
    learningSteps: settings.learningSteps.join(' '),
    relearningSteps: settings.relearningSteps.join(' '),
    newPerDay: String(settings.newPerDay),
    reviewsPerDay: String(settings.reviewsPerDay),
  });
  const [definition, setDefinition] = useState(settings.termCardsDefinition);
  const [chinese, setChinese] = useState(settings.termCardsChinese);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const save = () => {
    const patch = {
      desiredRetention: retention,
      learningSteps: parseSteps(text.learningSteps),
      relearningSteps: parseSteps(text.relearningSteps),
      newPerDay: Number(text.newPerDay.trim() || NaN),
      reviewsPerDay: Number(text.reviewsPerDay.trim() || NaN),
      termCardsDefinition: definition,
      termCardsChinese: chinese,
    };
    const found: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      const result = settingsSchema.shape[field].safeParse(patch[field]);
      if (!result.success) {
        found[field] =
          field === 'newPerDay' || field === 'reviewsPerDay'
            ? 'Enter a whole number from 0 to 9999.'
            : (result.error.issues[0]?.message ?? 'Not valid.');
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onSettings(patch);
    cardsChanged();
    onClose();
  };

  const field = (name: Field, label: string, hint: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        value={text[name]}
        onChange={(e) => setText((t) => ({ ...t, [name]: e.target.value }))}
        aria-invalid={Boolean(errors[name])}
        aria-describedby={`${name}-hint`}
      />
      <span id={`${name}-hint`} className={errors[name] ? 'field-error' : 'hint'}>
        {errors[name] ?? hint}
      </span>
    </label>
  );

  return (
    <dialog
      ref={dialog}
      className="dialog review-settings"
      aria-labelledby="review-settings-title"
      onClose={onClose}
    >
      <header className="dialog-header">
        <h2 id="review-settings-title">Review settings</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      <form
        className="card-editor-body"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label className="field">
          <span>
            Desired retention: <strong>{percent(retention)}</strong>
          </span>
          <input
            type="range"
            min={RETENTION.min}
            max={RETENTION.max}
            step={RETENTION.step}
            value={retention}
            aria-valuetext={percent(retention)}
            aria-describedby="retention-cost"
            onChange={(e) => setRetention(Number(e.target.value))}
          />
          <span id="retention-cost" className="hint">
            {retentionCost(retention)}
          </span>
        </label>
        <div className="field-row">
          {field(
            'learningSteps',
            'Learning steps',
            'New cards come back after these, e.g. 1m 10m.',
          )}
          {field(
            'relearningSteps',
            'Relearning steps',
            'A forgotten card comes back after, e.g. 10m.',
          )}
        </div>
        <div className="field-row">
          {field('newPerDay', 'New cards a day', 'Default 20.')}
          {field('reviewsPerDay', 'Reviews a day', 'The most reviews shown in a day.')}
        </div>
        <fieldset className="field">
          <legend>Key-term cards</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={definition}
              onChange={(e) => setDefinition(e.target.checked)}
            />
            Term → definition
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={chinese}
              onChange={(e) => setChinese(e.target.checked)}
            />
            Chinese characters → English term and pinyin
          </label>
        </fieldset>
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary-button">
            Save
          </button>
        </footer>
      </form>
    </dialog>
  );
}
