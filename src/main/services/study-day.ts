/**
 * The study day starts at 4 am local time, as in Anki: a session after midnight still counts
 * for the evening before, and daily limits reset while the user sleeps.
 */
export const DAY_MS = 86_400_000;
const ROLLOVER_MS = 4 * 3_600_000;

/** Epoch ms at which the study day holding `ms` began. */
export function dayStart(ms: number): number {
  const d = new Date(ms - ROLLOVER_MS);
  d.setHours(0, 0, 0, 0);
  return d.getTime() + ROLLOVER_MS;
}

/** The calendar date ('YYYY-MM-DD', local) of the study day holding `ms`. */
export function dayKey(ms: number): string {
  const d = new Date(ms - ROLLOVER_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The start of the study day `days` after the one holding `ms` (DST-safe: by calendar). */
export function addDays(ms: number, days: number): number {
  const d = new Date(dayStart(ms) - ROLLOVER_MS);
  d.setDate(d.getDate() + days);
  return d.getTime() + ROLLOVER_MS;
}
