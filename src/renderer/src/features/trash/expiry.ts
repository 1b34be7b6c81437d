import { TRASH_DAYS } from '../../../../shared/highlights';

export { TRASH_DAYS };
const DAY = 24 * 60 * 60 * 1000;

/** Whole days until an entry deleted at `deletedAt` expires; 0 once it is due. */
export function daysLeft(deletedAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(deletedAt) + TRASH_DAYS * DAY - now) / DAY));
}

export const daysLeftLabel = (days: number): string =>
  days === 0 ? 'Removed at next start' : days === 1 ? '1 day left' : `${days} days left`;
