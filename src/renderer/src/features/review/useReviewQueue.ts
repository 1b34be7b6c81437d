import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueItem, Rating, ReviewQueue } from '../../../../shared/cards';
import { api, call, errorMessage } from '../../lib/api';
import { onCardsChanged } from '../../lib/cardEvents';

export interface SessionTally {
  answered: number;
  byRating: Record<Rating, number>;
  timeMs: number;
}

const emptyTally = (): SessionTally => ({
  answered: 0,
  byRating: { 1: 0, 2: 0, 3: 0, 4: 0 },
  timeMs: 0,
});
const key = (item: QueueItem) => `${item.card.id}:${item.card.schedule.reps}`;
const countOf = (item: QueueItem): keyof ReviewQueue['counts'] =>
  item.card.schedule.state === 'new'
    ? 'new'
    : item.card.schedule.state === 'review'
      ? 'review'
      : 'learning';

/**
 * The review session's queue. The main process sends the next cards prepared (with each
 * answer's interval), so an answer shows the next card at once; the answer is saved and the
 * queue refreshed behind it. Cards answered but not yet reflected in a refresh are skipped.
 */
export function useReviewQueue(onError: (message: string) => void) {
  const [queue, setQueue] = useState<ReviewQueue | null>(null);
  const [current, setCurrent] = useState<QueueItem | null>(null);
  const [tally, setTally] = useState<SessionTally>(emptyTally);
  const answered = useRef(new Set<string>());
  const request = useRef(0);
  /** The last answer's save: undo waits for it, or it would find nothing to take back. */
  const saving = useRef<Promise<unknown>>(Promise.resolve());

  const refresh = useCallback(async () => {
    const id = ++request.current;
    try {
      const next = await call(api.cardsQueue());
      if (id !== request.current) return;
      const items = next.items.filter((i) => !answered.current.has(key(i)));
      setQueue({ ...next, items });
      // The card on screen stays (with any edit made to it); otherwise the queue's first.
      setCurrent((shown) =>
        shown && !answered.current.has(key(shown))
          ? (items.find((i) => key(i) === key(shown)) ?? shown)
          : (items[0] ?? null),
      );
    } catch (error) {
      onError(`The review queue could not be loaded: ${errorMessage(error)}`);
    }
  }, [onError]);

  useEffect(() => {
    // Loads on mount; later refreshes follow answers and card changes.
    void refresh();
    return onCardsChanged(() => void refresh());
  }, [refresh]);

  /** Moves on from the card on screen (answered, or suspended) to the next one at once. */
  const advance = useCallback(
    (item: QueueItem) => {
      if (!queue) return;
      answered.current.add(key(item));
      const rest = queue.items.filter((i) => !answered.current.has(key(i)));
      const counts = {
        ...queue.counts,
        [countOf(item)]: Math.max(0, queue.counts[countOf(item)] - 1),
      };
      setQueue({ ...queue, items: rest, counts });
      setCurrent(rest.find((i) => i.card.id !== item.card.id) ?? null);
    },
    [queue],
  );

  /** Shows the next card at once and saves the answer; resolves with the saved result. */
  const answer = useCallback(
    (rating: Rating, durationMs: number) => {
      if (!current) return null;
      const item = current;
      advance(item);
      setTally((t) => ({
        answered: t.answered + 1,
        byRating: { ...t.byRating, [rating]: t.byRating[rating] + 1 },
        timeMs: t.timeMs + durationMs,
      }));
      const saved = call(
        api.cardsAnswer({ id: item.card.id, rating, reps: item.card.schedule.reps, durationMs }),
      );
      saving.current = saved.catch(() => undefined);
      saved.then(
        () => void refresh(),
        (error: unknown) => {
          // Not saved: the card comes back so nothing is lost.
          answered.current.delete(key(item));
          setTally((t) => ({
            answered: t.answered - 1,
            byRating: { ...t.byRating, [rating]: t.byRating[rating] - 1 },
            timeMs: t.timeMs - durationMs,
          }));
          onError(`That answer was not saved: ${errorMessage(error)}`);
          void refresh();
        },
      );
      return saved;
    },
    [current, advance, refresh, onError],
  );

  /** Takes the last answer back: the card returns to the screen as it was. */
  const undo = useCallback(async () => {
    await saving.current;
    const item = await call(api.cardsUndoAnswer());
    if (!item) return null;
    answered.current.delete(key(item));
    setTally((t) => ({ ...t, answered: Math.max(0, t.answered - 1) }));
    setCurrent(item);
    void refresh();
    return item;
  }, [refresh]);

  return { queue, current, tally, answer, advance, undo };
}
