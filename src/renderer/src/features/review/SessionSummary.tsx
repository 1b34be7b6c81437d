import { useEffect, useRef } from 'react';
import { RATINGS, RATING_LABEL, formatInterval } from '../../../../shared/cards';
import { plural } from '../../lib/format';
import type { SessionTally } from './useReviewQueue';

interface Props {
  tally: SessionTally;
  nextDue: number | null;
  now: number;
  onBrowse(): void;
  onStats(): void;
}

const minutes = (ms: number) => {
  const m = Math.round(ms / 60_000);
  return m < 1 ? 'under a minute' : plural(m, 'minute');
};

/** The end of a session: what was done, and when the next card is due. */
export function SessionSummary({ tally, nextDue, now, onBrowse, onStats }: Props) {
  const { answered, byRating, timeMs } = tally;
  // The last card has gone from under the focus: the summary takes it, so it is read out.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (answered > 0) heading.current?.focus();
  }, [answered]);
  return (
    <section className="session-summary" aria-labelledby="summary-title">
      <h2 id="summary-title" ref={heading} tabIndex={-1}>
        {answered > 0 ? 'Session complete' : 'Nothing to review right now'}
      </h2>
      {answered > 0 && (
        <>
          <p>
            You answered {plural(answered, 'card')} in {minutes(timeMs)}.
          </p>
          <ul className="summary-ratings" aria-label="Answers">
            {RATINGS.map((r) => (
              <li key={r} className={`rating-${r}`}>
                <strong>{byRating[r]}</strong> {RATING_LABEL[r]}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">
        {nextDue
          ? `The next learning step is due in ${formatInterval(nextDue - now)}; this page brings it up when it is.`
          : 'New cards and reviews for today are done. Come back tomorrow, or change the daily limits in Review settings.'}
      </p>
      <div className="summary-actions">
        <button type="button" className="button" onClick={onStats}>
          See statistics
        </button>
        <button type="button" className="button" onClick={onBrowse}>
          Browse cards
        </button>
      </div>
    </section>
  );
}
