import type { ArticleKind } from '../../../shared/article';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-03-09" → "9 Mar 2024"; "2024-05" → "May 2024". Stable across locales. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const month = MONTHS[(m ?? 1) - 1] ?? '';
  return d ? `${d} ${month} ${y}` : `${month} ${y}`;
}

export const KIND_LABEL: Record<ArticleKind, string> = {
  official: 'Official',
  'think-tank': 'Think tank',
  media: 'Media',
};

/** 0.9 → "90%". */
export const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** (1, "card") → "1 card"; (3, "card") → "3 cards". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
