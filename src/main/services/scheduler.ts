import type { State } from 'ts-fsrs';
import { createEmptyCard, fsrs, type Card, type FSRS, type Grade, type StepUnit } from 'ts-fsrs';
import { CARD_STATES, RATINGS, type Rating, type Schedule } from '../../shared/cards';
import type { Settings } from '../../shared/settings';

/**
 * ts-fsrs (FSRS-6, default parameters) behind our stored shape. ts-fsrs works with Dates and a
 * numeric State; the store keeps epoch ms and state names. The conversion lives here only.
 */

export function toFsrsCard(s: Schedule): Card {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: CARD_STATES.indexOf(s.state) as State,
    ...(s.lastReview === null ? {} : { last_review: new Date(s.lastReview) }),
  };
}

export function fromFsrsCard(card: Card): Schedule {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: CARD_STATES[card.state],
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

/** A card never reviewed, due at `now`. */
export const emptySchedule = (now: number): Schedule =>
  fromFsrsCard(createEmptyCard(new Date(now)));

type SchedulerSettings = Pick<Settings, 'desiredRetention' | 'learningSteps' | 'relearningSteps'>;

export interface Scheduler {
  next(schedule: Schedule, now: number, rating: Rating): Schedule;
  /** The due time each answer would give, in ms after `now`. */
  intervals(schedule: Schedule, now: number): Record<Rating, number>;
}

/** `fuzz` spreads review intervals a little so cards learnt together do not stay together;
 * tests turn it off to compare with ts-fsrs exactly. */
export function createScheduler(settings: SchedulerSettings, fuzz = true): Scheduler {
  const f: FSRS = fsrs({
    request_retention: settings.desiredRetention,
    learning_steps: settings.learningSteps as StepUnit[],
    relearning_steps: settings.relearningSteps as StepUnit[],
    enable_fuzz: fuzz,
    enable_short_term: true,
  });
  return {
    next: (schedule, now, rating) =>
      fromFsrsCard(f.next(toFsrsCard(schedule), new Date(now), rating as Grade).card),
    intervals(schedule, now) {
      const preview = f.repeat(toFsrsCard(schedule), new Date(now));
      return Object.fromEntries(
        RATINGS.map((r) => [r, preview[r as Grade].card.due.getTime() - now]),
      ) as Record<Rating, number>;
    },
  };
}

/** One scheduler per distinct settings, rebuilt when they change. */
export function schedulerFor(fuzz = true) {
  let key = '';
  let current: Scheduler | null = null;
  return (settings: SchedulerSettings): Scheduler => {
    const next = JSON.stringify([
      settings.desiredRetention,
      settings.learningSteps,
      settings.relearningSteps,
    ]);
    if (!current || next !== key) {
      current = createScheduler(settings, fuzz);
      key = next;
    }
    return current;
  };
}
