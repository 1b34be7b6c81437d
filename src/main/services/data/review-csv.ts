import { createHash } from 'node:crypto';
import { CARD_STATES, type ReviewLogEntry } from '../../../shared/cards';

/**
 * The review log as the CSV the FSRS optimisers read: card_id, review_time (epoch ms),
 * review_rating (1–4), review_state (the state before the answer: 0 new, 1 learning, 2 review,
 * 3 relearning), review_duration (ms). Optimisers want a number for card_id, so it is a stable
 * number made from our id; the id itself follows in a last column they ignore.
 */
const REVIEW_CSV_HEADER =
  'card_id,review_time,review_rating,review_state,review_duration,xinzhi_card_id';

/** A stable positive integer below 2^48 for a card id (the same in every export). */
function cardNumber(id: string): number {
  return parseInt(createHash('sha256').update(id).digest('hex').slice(0, 12), 16);
}

export function reviewCsv(entries: readonly ReviewLogEntry[]): string {
  const numbers = new Map<string, number>();
  const rows = entries.map((e) => {
    let n = numbers.get(e.cardId);
    if (n === undefined) numbers.set(e.cardId, (n = cardNumber(e.cardId)));
    const state = CARD_STATES.indexOf(e.before.state);
    return `${n},${e.at},${e.rating},${state},${e.durationMs},${e.cardId}`;
  });
  return [REVIEW_CSV_HEADER, ...rows, ''].join('\n');
}
