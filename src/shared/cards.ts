import { z } from 'zod';
import { highlightIdSchema, type TextPositionSelector, type TextQuoteSelector } from './highlights';

/**
 * Flashcards. Built-in cards (key terms from the glossary, key facts from resources/cards) are
 * generated at start and stored only once the user touches them (a review, an edit, a suspend),
 * keyed by a stable id, so a changed glossary keeps every review history. The user's own cards
 * are stored whole.
 */

export const DECKS = ['terms', 'facts', 'mine'] as const;
export type Deck = (typeof DECKS)[number];
export const DECK_LABEL: Record<Deck, string> = {
  terms: 'Key terms',
  facts: 'Key facts',
  mine: 'My cards',
};

/** term: term → definition; term-chinese: 汉字 → term + pinyin; basic and cloze: the user's. */
export const CARD_KINDS = ['term', 'term-chinese', 'fact', 'basic', 'cloze'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** ts-fsrs's State enum (0–3) by name. */
export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardState = (typeof CARD_STATES)[number];

export const RATINGS = [1, 2, 3, 4] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABEL: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** A card's lapses that make it a leech (Anki's default), and every LEECH_EVERY more after. */
export const LEECH_LAPSES = 8;
export const LEECH_EVERY = 4;
/** A review counts as mature from this interval on (Anki's convention). */
export const MATURE_DAYS = 21;

/** FSRS memory and scheduling state, as stored: ts-fsrs's Card with dates as epoch ms. */
export interface Schedule {
  due: number;
  stability: number;
  difficulty: number;
  /** Kept because ts-fsrs still reads it (deprecated there). */
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  lastReview: number | null;
}

/** Where a card comes from: the passage, described as highlights describe theirs. */
export interface CardSource {
  articleId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  contentHash: string;
  /** The highlight it was made from, if any (the card keeps its own copy of the passage). */
  highlightId?: string;
}

/** A card as stored in the `cards` collection. */
export interface CardRecord {
  id: string;
  deck: Deck;
  kind: CardKind;
  /** Cards of one note are siblings: answering one buries the others for the day. */
  noteId: string;
  /** Markdown. For built-in cards, present only when the user has edited them. */
  front?: string;
  back?: string;
  /** Cloze cards: the text with `{{c1::…}}` blanks (Anki's syntax); this card is blank `ord`. */
  cloze?: string;
  ord?: number;
  /** Extra Markdown shown with a cloze answer. */
  extra?: string;
  source: CardSource | null;
  schedule: Schedule;
  suspended: boolean;
  leech: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A card as the renderer shows it. */
export interface CardView {
  id: string;
  deck: Deck;
  kind: CardKind;
  noteId: string;
  /** Markdown of each side, with the cloze already blanked or filled. */
  front: string;
  back: string;
  /** The editable text: front/back for basic and built-in cards, the cloze text for cloze. */
  edit: { front: string; back: string } | { cloze: string; extra: string };
  builtIn: boolean;
  /** A built-in card whose text the user changed. */
  edited: boolean;
  /** The passage in the current text, when it can be placed. */
  source: { articleId: string; start: number; end: number; quote: string } | null;
  schedule: Schedule;
  suspended: boolean;
  leech: boolean;
}

/** A queued card with the next interval of each answer, in ms from the queue's `now`. */
export interface QueueItem {
  card: CardView;
  intervals: Record<Rating, number>;
}

export interface ReviewQueue {
  now: number;
  /** What is left today: new cards (within the daily limit), learning steps due, reviews due. */
  counts: { new: number; learning: number; review: number };
  /** The next cards in order, prepared (the renderer shows the next one without waiting). */
  items: QueueItem[];
  /** The next learning step due later today, if the queue is empty until then. */
  nextDue: number | null;
}

/** One answer, as the review log keeps it (a line of reviews.journal). */
export interface ReviewLogEntry {
  id: string;
  cardId: string;
  /** Epoch ms. */
  at: number;
  rating: Rating;
  /** From showing the card to the answer, in ms. */
  durationMs: number;
  before: Schedule;
  after: Schedule;
}

/** What "Make flashcard" starts from for a highlight. */
export interface CardDraft {
  quote: string;
  front: string;
  back: string;
}

export interface AnswerResult {
  card: CardView;
  reviewId: string;
  /** The answer made it a leech: it was tagged and suspended. */
  leech: boolean;
}

export interface CardStats {
  now: number;
  desiredRetention: number;
  today: { reviews: number; newCards: number; again: number; timeMs: number };
  /** Reviews per day for the last 365 days, oldest first; the last is today. */
  heatmap: { day: string; count: number }[];
  /** Cards due on each of the next 30 days; today includes the overdue. */
  forecast: { day: string; count: number }[];
  /** Reviews of cards in review state, and how many were not forgotten, per day (30 days). */
  retention: { day: string; reviews: number; passed: number }[];
  trueRetention: number | null;
  byState: {
    new: number;
    learning: number;
    young: number;
    mature: number;
    relearning: number;
    suspended: number;
  };
  streak: { current: number; longest: number };
  /** When every active card would be mature at the current pace of new cards, if it would. */
  matureBy: { date: string | null; pacePerDay: number; remaining: number; lagDays: number };
}

export const cardIdSchema = z.string().regex(/^[tzfc]-[0-9a-z-]{1,80}$/, 'not a card id');
export const ratingSchema = z.union(
  RATINGS.map((r) => z.literal(r)),
  { error: 'The rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).' },
);

export const CARD_LIMITS = { side: 20_000, bulk: 10_000, blanks: 20 } as const;

const side = (name: string) =>
  z.string().max(CARD_LIMITS.side, {
    error: `The ${name} can be at most ${CARD_LIMITS.side.toLocaleString('en')} characters.`,
    abort: true, // the checks after it never see an over-long text
  });
const front = side('front').refine((s) => s.trim().length > 0, 'The front of a card is empty.');

interface Blank {
  /** Where `{{cN::` starts and where the closing `}}` ends. */
  start: number;
  end: number;
  ord: number;
  words: string;
}

/**
 * The `{{cN::words}}` blanks of a cloze text, in order, in one pass: each blank ends at the
 * first `}}` after it, and once no `}}` is left nothing more can close. (A lazy regex rescanned
 * the rest of the text from every unclosed `{{c1::`, which took seconds on a long one.)
 */
function blanks(text: string): Blank[] {
  const found: Blank[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{c', from);
    if (start < 0) return found;
    const open = /^\{\{c(\d{1,2})::/.exec(text.slice(start, start + 7));
    if (!open) {
      from = start + 1;
      continue;
    }
    const close = text.indexOf('}}', start + open[0].length);
    if (close < 0) return found;
    found.push({
      start,
      end: close + 2,
      ord: Number(open[1]),
      words: text.slice(start + open[0].length, close),
    });
    from = close + 2;
  }
}

/** The text with each blank replaced by `fill(blank)`. */
function replaceBlanks(text: string, fill: (blank: Blank) => string): string {
  let out = '';
  let at = 0;
  for (const b of blanks(text)) {
    out += text.slice(at, b.start) + fill(b);
    at = b.end;
  }
  return out + text.slice(at);
}

/** The blank numbers a cloze text uses, sorted; empty when it has none. */
export function clozeOrds(text: string): number[] {
  return [...new Set(blanks(text).map((b) => b.ord))].sort((a, b) => a - b);
}

export const clozeSchema = side('cloze text')
  .refine((t) => clozeOrds(t).length > 0, 'Choose at least one word to blank.')
  .refine((t) => blanks(t).every((b) => b.words.trim().length > 0), 'A blank cannot be empty.')
  .refine(
    (t) => clozeOrds(t).every((n) => n >= 1 && n <= CARD_LIMITS.blanks),
    `Use blanks c1 to c${CARD_LIMITS.blanks}.`,
  );

export const cardContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('basic'), front, back: side('back') }).strict(),
  z.object({ kind: z.literal('cloze'), cloze: clozeSchema, extra: side('extra') }).strict(),
]);
export type CardContent = z.infer<typeof cardContentSchema>;

export const newCardSchema = z
  .object({ content: cardContentSchema, highlightId: highlightIdSchema.optional() })
  .strict();

/** The sides of cloze card `ord`: that blank hidden, the others shown. */
export function clozeSides(text: string, ord: number, extra = ''): { front: string; back: string } {
  const fill = (blank: boolean) =>
    replaceBlanks(text, (b) => (b.ord === ord ? (blank ? '**[…]**' : `**${b.words}**`) : b.words));
  return { front: fill(true), back: extra.trim() ? `${fill(false)}\n\n${extra}` : fill(false) };
}

/** The text of a cloze without its markup. */
export const clozePlain = (text: string): string => replaceBlanks(text, (b) => b.words);

/** "1m", "10m", "1h", "1d": a learning step as ts-fsrs takes it. */
export const stepSchema = z
  .string()
  .regex(/^[1-9]\d{0,3}[mhd]$/, 'A step is a number and m, h or d, like 10m.');

/** "4 min", "3 h", "5 d", "2.1 mo", "1.3 y": an interval the way review buttons show it. */
export function formatInterval(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 1) return '<1 min';
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)} h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)} d`;
  if (days < 365) return `${(days / 30).toFixed(1).replace(/\.0$/, '')} mo`;
  return `${(days / 365).toFixed(1).replace(/\.0$/, '')} y`;
}

const SPOKEN: Record<string, [string, string]> = {
  min: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
  mo: ['month', 'months'],
  y: ['year', 'years'],
};

/** The interval in words, for screen readers: "10 minutes", "8 days", "1.5 months". */
export function spokenInterval(ms: number): string {
  const short = formatInterval(ms);
  if (short === '<1 min') return 'under a minute';
  const [n = '', unit = ''] = short.split(' ');
  const [one, many] = SPOKEN[unit] ?? [unit, unit];
  return `${n} ${n === '1' ? one : many}`;
}

/** FSRS-6's default decay of the forgetting curve. */
const DECAY = -0.1542;
const FACTOR = 0.9 ** (1 / DECAY) - 1;

/**
 * Roughly how many reviews a desired retention costs compared with 0.90: intervals scale with
 * (R^(1/decay) − 1) and the number of reviews with its inverse (lapses add a little more at
 * high targets, so this is a floor).
 */
export function reviewCostVersus90(retention: number): number {
  return FACTOR / (retention ** (1 / DECAY) - 1);
}
