import { useState } from 'react';
import type { PlacedHighlight } from '../../../../shared/highlights';
import { Icon } from '../../components/Icon';
import { excerpt } from '../../lib/text';

interface Props {
  highlights: PlacedHighlight[];
  reattaching: PlacedHighlight | null;
  onReattach(id: string): void;
  onCancelReattach(): void;
  onDelete(id: string): void;
  onReveal(h: PlacedHighlight): void;
}

/**
 * Above the article, when it changed under the user's highlights: the ones placed by a guess (to
 * confirm) and the ones that could not be placed (to re-attach or delete). Never hidden away:
 * a highlight is not silently dropped nor silently put on the wrong words.
 */
export function AttentionBar(props: Props) {
  const [open, setOpen] = useState(false);
  const { reattaching } = props;
  if (reattaching) {
    return (
      <div className="attention-bar reattach-bar" role="status">
        <Icon name="link" size={18} />
        <p>
          Re-attaching <q>{excerpt(reattaching.quote.exact)}</q>. Select the passage it belongs to,
          then choose <strong>Attach here</strong> (or press Enter).
        </p>
        <button type="button" className="text-button" onClick={props.onCancelReattach}>
          Cancel
        </button>
      </div>
    );
  }
  const orphaned = props.highlights.filter((h) => h.status === 'orphaned');
  const uncertain = props.highlights.filter((h) => h.status === 'uncertain');
  const count = orphaned.length + uncertain.length;
  if (count === 0) return null;
  return (
    <section className="attention-bar" aria-label="Highlights that need attention">
      <button
        type="button"
        className="attention-toggle"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
      >
        <Icon name="alert" size={18} />
        <span>
          This article has changed: {count === 1 ? '1 highlight needs' : `${count} highlights need`}{' '}
          your attention.
        </span>
        <Icon name={open ? 'prev' : 'next'} size={16} />
      </button>
      {open && (
        <ul className="attention-list">
          {uncertain.map((h) => (
            <li key={h.id}>
              <q>{excerpt(h.quote.exact)}</q>
              <span className="attention-why">Placed by a guess: check and confirm it.</span>
              <button type="button" className="text-button" onClick={() => props.onReveal(h)}>
                Show
              </button>
            </li>
          ))}
          {orphaned.map((h) => (
            <li key={h.id}>
              <q>{excerpt(h.quote.exact)}</q>
              <span className="attention-why">Not found in the current text.</span>
              <button type="button" className="text-button" onClick={() => props.onReattach(h.id)}>
                Re-attach…
              </button>
              <button
                type="button"
                className="text-button danger"
                onClick={() => props.onDelete(h.id)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
