import { formatDate } from '../../lib/format';

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO timestamp as the user's local calendar day: "9 Mar 2025". */
export function formatDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return formatDate(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
}

/** The full local date and time, for a tooltip. */
export function formatMoment(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${formatDay(iso)}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
