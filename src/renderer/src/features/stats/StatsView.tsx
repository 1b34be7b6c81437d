import { useEffect, useState } from 'react';
import { Icon } from '../../components/Icon';
import type { CardStats } from '../../../../shared/cards';
import type { Report } from '../../components/Notices';
import { api, call, errorMessage } from '../../lib/api';
import { onCardsChanged } from '../../lib/cardEvents';
import { formatDate, percent, plural } from '../../lib/format';
import '../../styles/stats.css';

interface Props {
  onNotice: Report;
  onReview(): void;
}

const shortDay = (day: string) =>
  new Date(`${day}T12:00:00`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });

/** Reviews per day for a year: weeks as columns, days as rows, darker for more. */
function Heatmap({ days }: { days: CardStats['heatmap'] }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const firstWeekday = (new Date(`${days[0]!.day}T12:00:00`).getDay() + 6) % 7; // Monday = 0
  const cell = 12;
  const weeks = Math.ceil((days.length + firstWeekday) / 7);
  const total = days.reduce((n, d) => n + d.count, 0);
  const active = days.filter((d) => d.count > 0).length;
  return (
    <svg
      className="chart heatmap"
      viewBox={`0 0 ${weeks * cell} ${7 * cell}`}
      role="img"
      aria-label={`${plural(total, 'review')} on ${plural(active, 'day')} in the last 12 months`}
    >
      {days.map((d, i) => {
        const at = i + firstWeekday;
        const level = d.count === 0 ? 0 : Math.min(4, Math.ceil((d.count / max) * 4));
        return (
          <rect
            key={d.day}
            x={Math.floor(at / 7) * cell}
            y={(at % 7) * cell}
            width={cell - 2}
            height={cell - 2}
            rx={2}
            className={`heat-${level}`}
          >
            <title>{`${shortDay(d.day)}: ${plural(d.count, 'review')}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

/** Bars over days, with an optional target line (0–1 values when `target` is given). */
function Bars({
  values,
  labels,
  label,
  target,
  format,
}: {
  values: (number | null)[];
  labels: string[];
  label: string;
  target?: number;
  format(v: number): string;
}) {
  const width = 600;
  const height = 140;
  const max = target !== undefined ? 1 : Math.max(1, ...values.map((v) => v ?? 0));
  const bar = width / values.length;
  const y = (v: number) => height - (v / max) * (height - 16);
  return (
    <svg
      className="chart bars"
      viewBox={`0 0 ${width} ${height + 18}`}
      role="img"
      aria-label={label}
    >
      <line x1={0} x2={width} y1={height} y2={height} className="axis" />
      {values.map((v, i) =>
        v === null ? null : (
          <rect
            key={i}
            x={i * bar + 2}
            y={y(v)}
            width={bar - 4}
            height={height - y(v)}
            rx={2}
            className="bar"
          >
            <title>{`${labels[i]}: ${format(v)}`}</title>
          </rect>
        ),
      )}
      {target !== undefined && (
        <line x1={0} x2={width} y1={y(target)} y2={y(target)} className="target" />
      )}
      <text x={0} y={height + 14} className="chart-note">
        {labels[0]}
      </text>
      <text x={width} y={height + 14} textAnchor="end" className="chart-note">
        {labels.at(-1)}
      </text>
    </svg>
  );
}

const STATES = [
  ['new', 'New'],
  ['learning', 'Learning'],
  ['relearning', 'Relearning'],
  ['young', 'Young'],
  ['mature', 'Mature'],
  ['suspended', 'Suspended'],
] as const;

/** Statistics: today, a year of reviews, the next 30 days, retention, states and a projection. */
export function StatsView({ onNotice, onReview }: Props) {
  const [stats, setStats] = useState<CardStats | null>(null);
  useEffect(() => {
    const load = () =>
      call(api.cardsStats()).then(setStats, (error: unknown) =>
        onNotice(`Statistics could not be loaded: ${errorMessage(error)}`),
      );
    void load();
    return onCardsChanged(() => void load());
  }, [onNotice]);

  if (!stats) return <main className="stats-view" aria-busy="true" aria-label="Statistics" />;
  const { today, byState, streak, matureBy } = stats;
  const total = Object.values(byState).reduce((a, b) => a + b, 0);
  const dueToday = stats.forecast[0]?.count ?? 0;
  const forecastTotal = stats.forecast.reduce((n, d) => n + d.count, 0);
  return (
    <main className="stats-view" aria-labelledby="stats-title">
      <header className="view-header review-head">
        <div>
          <h1 id="stats-title">Statistics</h1>
          <p className="view-sub">Your reviews and what is coming, from the review log.</p>
        </div>
        <button type="button" className="primary-button" onClick={onReview}>
          Review now
        </button>
      </header>
      {stats.heatmap.every((d) => d.count === 0) && (
        <p className="stats-empty" role="note">
          <Icon name="stats" size={18} />
          No reviews yet. Your first session fills these charts: each answer goes into the review
          log, and from it come the streak, the forecast and your true retention.
        </p>
      )}
      <section className="stat-tiles" aria-label="Today">
        <div className="tile">
          <strong>{today.reviews}</strong>
          <span>{today.reviews === 1 ? 'review today' : 'reviews today'}</span>
        </div>
        <div className="tile">
          <strong>{today.newCards}</strong>
          <span>new cards today</span>
        </div>
        <div className="tile">
          <strong>{Math.round(today.timeMs / 60_000)} min</strong>
          <span>studied today</span>
        </div>
        <div className="tile">
          <strong>{plural(streak.current, 'day')}</strong>
          <span>streak (longest {plural(streak.longest, 'day')})</span>
        </div>
      </section>

      <section className="stat-panel" aria-labelledby="heat-title">
        <h2 id="heat-title">Reviews per day, last 12 months</h2>
        <Heatmap days={stats.heatmap} />
        <p className="legend" aria-hidden="true">
          Less{' '}
          {[0, 1, 2, 3, 4].map((l) => (
            <span key={l} className={`swatch heat-${l}`} />
          ))}{' '}
          More
        </p>
      </section>

      <div className="stat-grid">
        <section className="stat-panel" aria-labelledby="forecast-title">
          <h2 id="forecast-title">Due in the next 30 days</h2>
          <p className="muted">
            {plural(dueToday, 'card')} today, {plural(forecastTotal, 'card')} in all.
          </p>
          <Bars
            values={stats.forecast.map((d) => d.count)}
            labels={stats.forecast.map((d) => shortDay(d.day))}
            label={`Cards due per day for 30 days: ${plural(dueToday, 'card')} today, ${forecastTotal} in all`}
            format={(v) => plural(v, 'card')}
          />
        </section>
        <section className="stat-panel" aria-labelledby="retention-title">
          <h2 id="retention-title">True retention, last 30 days</h2>
          <p className="muted">
            {stats.trueRetention === null
              ? 'No reviews of learnt cards yet in these 30 days.'
              : `${percent(stats.trueRetention)} of reviews remembered, against a desired ${percent(stats.desiredRetention)} (the dashed line).`}
          </p>
          <Bars
            values={stats.retention.map((d) => (d.reviews ? d.passed / d.reviews : null))}
            labels={stats.retention.map((d) => shortDay(d.day))}
            label={`Share of reviews remembered per day; overall ${stats.trueRetention === null ? 'no data' : percent(stats.trueRetention)}; desired ${percent(stats.desiredRetention)}`}
            target={stats.desiredRetention}
            format={percent}
          />
        </section>
      </div>

      <div className="stat-grid">
        <section className="stat-panel" aria-labelledby="states-title">
          <h2 id="states-title">Cards by state</h2>
          <div className="state-bar" aria-hidden="true">
            {STATES.map(([key]) =>
              byState[key] > 0 ? (
                <span
                  key={key}
                  className={`state-${key}`}
                  style={{ flexGrow: byState[key] }}
                  title={`${byState[key]}`}
                />
              ) : null,
            )}
          </div>
          <dl className="state-list">
            {STATES.map(([key, label]) => (
              <div key={key}>
                <dt>
                  <span className={`dot state-${key}`} aria-hidden="true" /> {label}
                </dt>
                <dd>
                  {byState[key]}{' '}
                  <span className="muted">({total ? percent(byState[key] / total) : '0%'})</span>
                </dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="stat-panel" aria-labelledby="mature-title">
          <h2 id="mature-title">Whole corpus mature by</h2>
          <p className="big-date">
            {matureBy.remaining === 0
              ? 'Already mature'
              : matureBy.date
                ? formatDate(matureBy.date)
                : 'Not at the current pace'}
          </p>
          <p className="muted">
            {matureBy.remaining === 0
              ? 'Every active card has an interval of 21 days or more.'
              : byState.new === 0
                ? `Every card has been studied. If you keep up your reviews, the last of ${plural(matureBy.remaining, 'card')} still maturing should reach a 21-day interval in about ${matureBy.lagDays} days.`
                : matureBy.date
                  ? `At your pace of ${matureBy.pacePerDay.toFixed(1)} new cards a day (last 14 days), the last of ${plural(matureBy.remaining, 'card')} reaches a 21-day interval about ${matureBy.lagDays} days after you first see it.`
                  : `${plural(matureBy.remaining, 'card')} still to mature, but no new cards were studied in the last 14 days. Review a few new cards a day to get a date.`}
          </p>
        </section>
      </div>
    </main>
  );
}
