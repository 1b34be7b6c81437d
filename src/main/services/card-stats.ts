import {
  MATURE_DAYS,
  type CardRecord,
  type CardStats,
  type ReviewLogEntry,
} from '../../shared/cards';
import { createScheduler, emptySchedule } from './scheduler';
import { DAY_MS, addDays, dayKey, dayStart } from './study-day';

const HEATMAP_DAYS = 365;
const FORECAST_DAYS = 30;
const RETENTION_DAYS = 30;
/** The pace of new cards is their average over this many days. */
const PACE_DAYS = 14;

/** Days from a card's first answer to maturity if every answer is Good (fuzz off). */
function daysToMature(desiredRetention: number): number {
  const scheduler = createScheduler(
    { desiredRetention, learningSteps: ['1m', '10m'], relearningSteps: ['10m'] },
    false,
  );
  let schedule = emptySchedule(0);
  let at = 0;
  for (let i = 0; i < 50 && schedule.scheduledDays < MATURE_DAYS; i++) {
    at = Math.max(at, schedule.due);
    schedule = scheduler.next(schedule, at, 3);
  }
  return Math.ceil(at / DAY_MS);
}

function days(from: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => dayKey(addDays(from, i)));
}

function streaks(reviewDays: Set<string>, now: number) {
  let current = 0;
  // A streak is still alive until the day ends without a review.
  let day = reviewDays.has(dayKey(now)) ? now : addDays(now, -1);
  while (reviewDays.has(dayKey(day))) {
    current++;
    day = addDays(day, -1);
  }
  let longest = 0;
  let run = 0;
  let previous: number | null = null;
  for (const key of [...reviewDays].sort()) {
    const t = Date.parse(`${key}T12:00:00`);
    run = previous !== null && Math.round((t - previous) / DAY_MS) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = t;
  }
  return { current, longest };
}

/** Everything the Statistics view draws, from the active cards and the review log. */
export function cardStats(
  cards: CardRecord[],
  entries: readonly ReviewLogEntry[],
  desiredRetention: number,
  now: number,
): CardStats {
  const today = dayStart(now);
  const heatStart = addDays(now, -(HEATMAP_DAYS - 1));
  const retentionStart = addDays(now, -(RETENTION_DAYS - 1));
  const paceStart = addDays(now, -(PACE_DAYS - 1));

  const perDay = new Map<string, number>();
  const retained = new Map<string, { reviews: number; passed: number }>();
  const reviewDays = new Set<string>();
  const todayStats = { reviews: 0, newCards: 0, again: 0, timeMs: 0 };
  let newLately = 0;
  for (const e of entries) {
    const key = dayKey(e.at);
    reviewDays.add(key);
    if (e.at >= heatStart) perDay.set(key, (perDay.get(key) ?? 0) + 1);
    if (e.at >= retentionStart && e.before.state === 'review') {
      const r = retained.get(key) ?? { reviews: 0, passed: 0 };
      r.reviews++;
      if (e.rating > 1) r.passed++;
      retained.set(key, r);
    }
    if (e.at >= paceStart && e.before.state === 'new') newLately++;
    if (e.at >= today) {
      todayStats.reviews++;
      todayStats.timeMs += e.durationMs;
      if (e.before.state === 'new') todayStats.newCards++;
      if (e.rating === 1) todayStats.again++;
    }
  }

  const byState = { new: 0, learning: 0, young: 0, mature: 0, relearning: 0, suspended: 0 };
  const forecast = new Array<number>(FORECAST_DAYS).fill(0);
  for (const c of cards) {
    const { state, scheduledDays, due } = c.schedule;
    if (c.suspended) {
      byState.suspended++;
      continue;
    }
    if (state === 'review') byState[scheduledDays >= MATURE_DAYS ? 'mature' : 'young']++;
    else byState[state]++;
    if (state === 'new') continue;
    const day = Math.max(0, Math.round((dayStart(due) - today) / DAY_MS));
    if (day < FORECAST_DAYS) forecast[day]!++;
  }

  const retention = days(retentionStart, RETENTION_DAYS).map((day) => ({
    day,
    ...(retained.get(day) ?? { reviews: 0, passed: 0 }),
  }));
  const total = retention.reduce((n, d) => n + d.reviews, 0);
  const passed = retention.reduce((n, d) => n + d.passed, 0);

  const remaining = cards.length - byState.suspended - byState.mature;
  const pacePerDay = newLately / PACE_DAYS;
  const lagDays = daysToMature(desiredRetention);
  const daysLeft =
    remaining === 0
      ? 0
      : byState.new === 0
        ? lagDays
        : pacePerDay > 0
          ? Math.ceil(byState.new / pacePerDay) + lagDays
          : null;

  return {
    now,
    desiredRetention,
    today: todayStats,
    heatmap: days(heatStart, HEATMAP_DAYS).map((day) => ({ day, count: perDay.get(day) ?? 0 })),
    forecast: days(now, FORECAST_DAYS).map((day, i) => ({ day, count: forecast[i]! })),
    retention,
    trueRetention: total > 0 ? passed / total : null,
    byState,
    streak: streaks(reviewDays, now),
    matureBy: {
      date: daysLeft === null ? null : dayKey(addDays(now, daysLeft)),
      pacePerDay,
      remaining,
      lagDays,
    },
  };
}
