import { randomUUID } from 'node:crypto';
import { AppError, type ParsedInput } from '../../shared/api';
import { anchor } from '../../shared/anchoring';
import {
  CARD_KINDS,
  LEECH_EVERY,
  LEECH_LAPSES,
  clozeOrds,
  clozeSides,
  formatInterval,
  type AnswerResult,
  type CardContent,
  type CardRecord,
  type CardView,
  type QueueItem,
  type ReviewLogEntry,
  type ReviewQueue,
  type Schedule,
} from '../../shared/cards';
import { concordancer } from '../../shared/concordance';
import type { GlossaryEntry } from '../../shared/glossary';
import type { TrashEntry } from '../../shared/highlights';
import type { Change, Store, StoreRecord } from '../store/store';
import type { Corpus } from './corpus';
import type { BuiltInCard } from './decks';
import { findHighlight } from './highlights';
import type { History } from './history';
import type { ReviewLog } from './review-log';
import { emptySchedule, schedulerFor } from './scheduler';
import { addDays, dayStart } from './study-day';

/** A learning step due within this long is shown rather than leaving the user waiting. */
export const LEARN_AHEAD_MS = 20 * 60_000;
/** Queue items sent with their answer intervals worked out. */
export const PREPARED = 10;
/** Answers that Ctrl+Z can take back in a session. */
export const ANSWER_UNDO_LIMIT = 1000;

export const isCardRecord = (r: StoreRecord): r is StoreRecord & CardRecord =>
  typeof r.deck === 'string' &&
  (CARD_KINDS as readonly unknown[]).includes(r.kind) &&
  typeof r.schedule === 'object';

const put = (record: CardRecord): Change => ({
  type: 'put',
  collection: 'cards',
  record: { ...record },
});

/** Inserts one new card after every few reviews, so a session mixes both. */
function interleave<T>(reviews: T[], news: T[]): T[] {
  if (news.length === 0 || reviews.length === 0) return [...reviews, ...news];
  const every = Math.max(1, Math.floor(reviews.length / news.length));
  const out: T[] = [];
  let n = 0;
  reviews.forEach((r, i) => {
    out.push(r);
    if ((i + 1) % every === 0 && n < news.length) out.push(news[n++]!);
  });
  return out.concat(news.slice(n));
}

export interface CardDeps {
  store: Store;
  corpus: Corpus;
  history: History;
  log: ReviewLog;
  builtIns: BuiltInCard[];
  entries: GlossaryEntry[];
  clock: () => number;
  /** Off in tests that compare with ts-fsrs exactly. */
  fuzz?: boolean;
}

export function cardServices({
  store,
  corpus,
  history,
  log,
  builtIns,
  entries,
  clock,
  fuzz,
}: CardDeps) {
  const builtInById = new Map(builtIns.map((b) => [b.id, b]));
  const scheduler = schedulerFor(fuzz ?? true);
  const settings = () => store.data.settings;
  const iso = (ms: number) => new Date(ms).toISOString();

  // A built-in card nobody has touched is a "virtual" record: new, never stored.
  const virtuals = new Map<string, CardRecord>();
  const virtual = (b: BuiltInCard): CardRecord => {
    let v = virtuals.get(b.id);
    if (!v) {
      v = {
        id: b.id,
        deck: b.deck,
        kind: b.kind,
        noteId: b.noteId,
        source: null,
        schedule: emptySchedule(0),
        suspended: false,
        leech: false,
        createdAt: iso(0),
        updatedAt: iso(0),
      };
      virtuals.set(b.id, v);
    }
    return v;
  };

  const stored = () => store.data.cards.filter(isCardRecord);
  const storedById = () => new Map(stored().map((r) => [r.id, r]));

  const enabled = (b: BuiltInCard) =>
    b.kind === 'term'
      ? settings().termCardsDefinition
      : b.kind === 'term-chinese'
        ? settings().termCardsChinese
        : true;

  /** Every card the user studies, in study order: the user's own first (they chose them),
   * oldest first, then the built-ins. */
  function active(): CardRecord[] {
    const byId = storedById();
    const cards: CardRecord[] = [...byId.values()].filter((r) => r.deck === 'mine');
    return cards.concat(builtIns.filter(enabled).map((b) => byId.get(b.id) ?? virtual(b)));
  }

  const storedCard = (id: string): CardRecord | undefined => {
    const r = store.data.cards.find((c) => c.id === id);
    return r && isCardRecord(r) ? r : undefined;
  };

  function find(id: string): CardRecord {
    const b = builtInById.get(id);
    if (b && enabled(b)) return storedCard(id) ?? virtual(b);
    const r = storedCard(id);
    if (!r || r.deck !== 'mine') throw new AppError('not_found', 'That card no longer exists.');
    return r;
  }
  const isStored = (id: string) => storedCard(id) !== undefined;

  // Records are replaced on every change, so a view is built once per record version.
  const views = new WeakMap<CardRecord, CardView>();
  const placeSource = (r: CardRecord, b: BuiltInCard | undefined): CardView['source'] => {
    if (b) {
      const start = corpus.ids().includes(b.citation.articleId)
        ? corpus.text(b.citation.articleId).indexOf(b.citation.quote)
        : -1;
      if (start < 0) return null;
      const { articleId, quote } = b.citation;
      return { articleId, start, end: start + quote.length, quote };
    }
    const src = r.source;
    if (!src || !corpus.ids().includes(src.articleId)) return null;
    const article = corpus.get(src.articleId);
    const placed = anchor(corpus.text(src.articleId), src, {
      hashMatches: src.contentHash === article.contentHash,
    });
    if (placed.start === undefined || placed.end === undefined) return null;
    return {
      articleId: src.articleId,
      start: placed.start,
      end: placed.end,
      quote: src.quote.exact,
    };
  };

  /** The card's text as the user edits it: front and back, or the cloze text. */
  function editable(r: CardRecord): CardView['edit'] {
    const b = builtInById.get(r.id);
    if (b) return { front: r.front ?? b.front, back: r.back ?? b.back };
    if (r.kind === 'cloze') return { cloze: r.cloze ?? '', extra: r.extra ?? '' };
    return { front: r.front ?? '', back: r.back ?? '' };
  }

  /** The article a card's passage is in, without placing it. */
  const articleOf = (r: CardRecord): string | undefined =>
    builtInById.get(r.id)?.citation.articleId ?? r.source?.articleId;

  function view(r: CardRecord): CardView {
    const cached = views.get(r);
    if (cached) return cached;
    const b = builtInById.get(r.id);
    const edit = editable(r);
    const sides = 'cloze' in edit ? clozeSides(edit.cloze, r.ord ?? 1, edit.extra) : edit;
    const result: CardView = {
      id: r.id,
      deck: r.deck,
      kind: r.kind,
      noteId: r.noteId,
      ...sides,
      edit,
      builtIn: Boolean(b),
      edited: Boolean(b) && (r.front !== undefined || r.back !== undefined),
      source: placeSource(r, b),
      schedule: r.schedule,
      suspended: r.suspended,
      leech: r.leech,
    };
    views.set(r, result);
    return result;
  }

  /** The first `limit` cards of `list` whose note is not taken yet; takes their notes. */
  function onePerNote(list: CardRecord[], limit: number, taken: Set<string>): CardRecord[] {
    const out: CardRecord[] = [];
    for (const c of list) {
      if (out.length >= limit) break;
      if (taken.has(c.noteId)) continue;
      taken.add(c.noteId);
      out.push(c);
    }
    return out;
  }

  /** What today's answers used up of the limits, and which notes they buried. */
  function today(cards: CardRecord[], now: number) {
    const start = dayStart(now);
    const noteOf = new Map(cards.map((c) => [c.id, c.noteId]));
    let newDone = 0;
    let reviewsDone = 0;
    const answered = new Map<string, Set<string>>(); // noteId → cards answered today
    for (let i = log.entries.length - 1; i >= 0; i--) {
      const e = log.entries[i]!;
      if (e.at < start) break;
      if (e.before.state === 'new') newDone++;
      else if (e.before.state === 'review') reviewsDone++;
      const noteId = noteOf.get(e.cardId);
      if (noteId) answered.set(noteId, (answered.get(noteId) ?? new Set()).add(e.cardId));
    }
    return { newDone, reviewsDone, answered };
  }

  async function queue(): Promise<ReviewQueue> {
    await log.ready;
    const now = clock();
    const s = settings();
    const cards = active();
    const { newDone, reviewsDone, answered } = today(cards, now);
    const endOfDay = addDays(now, 1);
    const buried = (c: CardRecord) => {
      const seen = answered.get(c.noteId);
      return seen !== undefined && !seen.has(c.id);
    };
    const learning: CardRecord[] = [];
    const ahead: CardRecord[] = [];
    const reviews: CardRecord[] = [];
    const news: CardRecord[] = [];
    for (const c of cards) {
      if (c.suspended) continue;
      const { state, due } = c.schedule;
      if (state === 'learning' || state === 'relearning') {
        if (due <= now) learning.push(c);
        else if (due < endOfDay) ahead.push(c);
      } else if (buried(c)) {
        continue;
      } else if (state === 'review') {
        if (due < endOfDay) reviews.push(c);
      } else {
        news.push(c);
      }
    }
    const byDue = (a: CardRecord, b: CardRecord) => a.schedule.due - b.schedule.due;
    learning.sort(byDue);
    ahead.sort(byDue);
    reviews.sort(byDue);
    // One card per note: answering it buries its siblings for the day, so they never queue up
    // behind it (a learning card's note counts too).
    const taken = new Set(learning.map((c) => c.noteId));
    const reviewsToday = onePerNote(reviews, s.reviewsPerDay - reviewsDone, taken);
    const newToday = onePerNote(news, s.newPerDay - newDone, taken);
    let ordered = [...learning, ...interleave(reviewsToday, newToday)];
    // Nothing else left: learning steps due soon are shown now rather than making the user wait.
    const soon = ahead.filter((c) => c.schedule.due <= now + LEARN_AHEAD_MS);
    if (ordered.length === 0) ordered = soon;
    const sched = scheduler(s);
    const items: QueueItem[] = ordered.slice(0, PREPARED).map((c) => ({
      card: view(c),
      intervals: sched.intervals(c.schedule, now),
    }));
    const later = ahead.find((c) => !ordered.includes(c));
    return {
      now,
      counts: {
        new: newToday.length,
        learning: learning.length + (ordered === soon ? soon.length : 0),
        review: reviewsToday.length,
      },
      items,
      nextDue: later ? later.schedule.due : null,
    };
  }

  /** Session undo for answers (Ctrl+Z in review): the card as it was, and its log entry. */
  const answers: { entry: ReviewLogEntry; before: CardRecord; wasStored: boolean }[] = [];

  async function answer(input: ParsedInput<'cards:answer'>): Promise<AnswerResult> {
    await log.ready;
    const card = find(input.id);
    const now = clock();
    if (card.suspended) {
      throw new AppError('conflict', 'This card is suspended; unsuspend it to review it.');
    }
    if (card.schedule.reps !== input.reps) {
      throw new AppError('conflict', 'This card was already answered.');
    }
    // Reviews are due by the day, learning steps by the minute (a little ahead is allowed).
    const { state, due } = card.schedule;
    const notDue =
      state === 'review' ? due >= addDays(now, 1) : state !== 'new' && due > now + LEARN_AHEAD_MS;
    if (notDue) {
      const wait = formatInterval(card.schedule.due - now);
      throw new AppError('conflict', `This card is not due yet (it is due in ${wait}).`);
    }
    const before = card.schedule;
    const after: Schedule = scheduler(settings()).next(before, now, input.rating);
    const lapsed = after.lapses > before.lapses;
    const leech =
      lapsed && after.lapses >= LEECH_LAPSES && (after.lapses - LEECH_LAPSES) % LEECH_EVERY === 0;
    const wasStored = isStored(card.id);
    const next: CardRecord = {
      ...card,
      ...(wasStored ? {} : { createdAt: iso(now) }),
      schedule: after,
      suspended: card.suspended || leech,
      leech: card.leech || leech,
      updatedAt: iso(now),
    };
    const entry: ReviewLogEntry = {
      id: `r-${randomUUID()}`,
      cardId: card.id,
      at: now,
      rating: input.rating,
      durationMs: input.durationMs,
      before,
      after,
    };
    // Both change memory at once; the answer is acknowledged when both lines are fsync'd.
    await Promise.all([store.apply([put(next)]), log.append(entry)]);
    answers.push({ entry, before: card, wasStored });
    if (answers.length > ANSWER_UNDO_LIMIT) answers.shift();
    return { card: view(next), reviewId: entry.id, leech };
  }

  async function undoAnswer(): Promise<QueueItem | null> {
    const last = answers.at(-1);
    if (!last) return null;
    const current = storedCard(last.before.id);
    if (!current) {
      answers.pop();
      throw new AppError('conflict', 'That card was deleted, so its answer cannot be undone.');
    }
    const { before, wasStored } = last;
    // Put back what the answer changed; an edit made since is kept.
    const restored: CardRecord = {
      ...current,
      schedule: before.schedule,
      suspended: before.suspended,
      leech: before.leech,
      createdAt: before.createdAt,
      updatedAt: before.updatedAt,
    };
    const untouched = !wasStored && restored.front === undefined && restored.back === undefined;
    await Promise.all([
      store.apply([
        untouched ? { type: 'delete', collection: 'cards', id: current.id } : put(restored),
      ]),
      log.remove(last.entry.id, clock()),
    ]);
    answers.pop();
    const card = untouched ? find(current.id) : restored;
    return { card: view(card), intervals: scheduler(settings()).intervals(card.schedule, clock()) };
  }

  /** Saves records as one undoable step (edits, suspends, resets, deletes from the browser). */
  const save = (label: string, changes: Change[], first: CardRecord) =>
    history.apply(
      { label, id: first.id, ...(first.source ? { articleId: first.source.articleId } : {}) },
      changes,
    );

  const plural = (n: number, one: string) => (n === 1 ? `1 ${one}` : `${n} ${one}s`);

  function findAll(ids: string[]): CardRecord[] {
    return [...new Set(ids)].map(find);
  }

  function newRecord(
    now: number,
    fields: Partial<CardRecord> & Pick<CardRecord, 'id' | 'kind' | 'noteId'>,
  ): CardRecord {
    return {
      deck: 'mine',
      source: null,
      schedule: emptySchedule(now),
      suspended: false,
      leech: false,
      createdAt: iso(now),
      updatedAt: iso(now),
      ...fields,
    };
  }

  /** The records a cloze text makes for a note: one per blank, keeping existing ones. */
  function clozeCards(
    now: number,
    noteId: string,
    content: Extract<CardContent, { kind: 'cloze' }>,
    base: Pick<CardRecord, 'source'>,
    existing: CardRecord[],
  ): { keep: CardRecord[]; drop: CardRecord[] } {
    const ords = clozeOrds(content.cloze);
    const stem = noteId.slice(2);
    const keep = ords.map((ord) => {
      const old = existing.find((c) => c.ord === ord);
      const fields = { cloze: content.cloze, extra: content.extra };
      return old
        ? { ...old, ...fields, updatedAt: iso(now) }
        : newRecord(now, {
            id: `c-${stem}-${ord}`,
            kind: 'cloze',
            noteId,
            ord,
            ...base,
            ...fields,
          });
    });
    return { keep, drop: existing.filter((c) => !ords.includes(c.ord ?? 0)) };
  }

  const toTrash = (cards: CardRecord[], now: number): Change[] =>
    cards.flatMap((c) => {
      const entry: TrashEntry = { id: c.id, kind: 'card', deletedAt: iso(now), item: c };
      return [
        { type: 'delete', collection: 'cards', id: c.id } as Change,
        { type: 'put', collection: 'trash', record: { ...entry } } as Change,
      ];
    });

  const highlight = (id: string) => findHighlight(store, id);

  const findTerms = concordancer(entries);
  const entryById = new Map(entries.map((e) => [e.id, e]));

  /** Puts a card back from the Trash (its review history was never removed). */
  async function restore(entry: Extract<TrashEntry, { kind: 'card' }>): Promise<CardView> {
    const changes: Change[] = [
      { type: 'delete', collection: 'trash', id: entry.id },
      put(entry.item),
    ];
    await save('Restore card', changes, entry.item);
    return view(entry.item);
  }

  const handlers = {
    'cards:list': (): CardView[] => active().map(view),
    'cards:queue': queue,
    'cards:answer': answer,
    'cards:undoAnswer': undoAnswer,

    /** What "Make flashcard" starts with: the quote, and the definition of a term it holds. */
    'cards:draft'({ highlightId }: ParsedInput<'cards:draft'>) {
      const h = highlight(highlightId);
      const term = findTerms.find(h.quote.exact)[0];
      const entry = term ? entryById.get(term.termId) : undefined;
      return {
        quote: h.quote.exact,
        front: `> ${h.quote.exact}`,
        back: entry ? `**${entry.term}**: ${entry.definition}` : '',
      };
    },

    async 'cards:create'({ content, highlightId }: ParsedInput<'cards:create'>) {
      const now = clock();
      const h = highlightId ? highlight(highlightId) : null;
      const source: CardRecord['source'] = h
        ? {
            articleId: h.articleId,
            quote: h.quote,
            position: h.position,
            contentHash: h.contentHash,
            highlightId: h.id,
          }
        : null;
      const stem = randomUUID();
      const noteId = `n-${stem}`;
      const records =
        content.kind === 'basic'
          ? [
              newRecord(now, {
                id: `c-${stem}`,
                kind: 'basic',
                noteId,
                source,
                front: content.front,
                back: content.back,
              }),
            ]
          : clozeCards(now, noteId, content, { source }, []).keep;
      const label = records.length === 1 ? 'Make flashcard' : `Make ${records.length} flashcards`;
      await save(label, records.map(put), records[0]!);
      return records.map(view);
    },

    async 'cards:update'({ id, content }: ParsedInput<'cards:update'>) {
      const card = find(id);
      const now = clock();
      if (card.kind === 'cloze') {
        if (content.kind !== 'cloze') {
          throw new AppError('invalid_input', 'A cloze card is edited as cloze text.');
        }
        const siblings = stored().filter((c) => c.noteId === card.noteId);
        const { keep, drop } = clozeCards(now, card.noteId, content, card, siblings);
        await save('Edit card', [...keep.map(put), ...toTrash(drop, now)], card);
        return keep.map(view);
      }
      if (content.kind !== 'basic') {
        throw new AppError('invalid_input', 'Only cloze cards have cloze text.');
      }
      const b = builtInById.get(card.id);
      // A built-in card keeps only what differs from the glossary's text.
      const next: CardRecord = { ...card, updatedAt: iso(now) };
      delete next.front;
      delete next.back;
      if (!b || content.front !== b.front) next.front = content.front;
      if (!b || content.back !== b.back) next.back = content.back;
      if (!isStored(card.id)) next.createdAt = iso(now);
      await save('Edit card', [put(next)], card);
      return [view(next)];
    },

    async 'cards:revert'({ id }: ParsedInput<'cards:revert'>): Promise<CardView> {
      const card = find(id);
      if (!builtInById.has(id)) {
        throw new AppError('invalid_input', 'Only built-in cards have text to go back to.');
      }
      const next: CardRecord = { ...card, updatedAt: iso(clock()) };
      delete next.front;
      delete next.back;
      await save('Revert card', [put(next)], card);
      return view(next);
    },

    async 'cards:suspend'({ ids, suspended }: ParsedInput<'cards:suspend'>): Promise<null> {
      const cards = findAll(ids).filter((c) => c.suspended !== suspended);
      if (cards.length === 0) return null;
      const at = iso(clock());
      const label = `${suspended ? 'Suspend' : 'Unsuspend'} ${plural(cards.length, 'card')}`;
      // Unsuspending a leech keeps its tag: it is still a card the user struggles with.
      const changes = cards.map((c) => put({ ...c, suspended, updatedAt: at }));
      await save(label, changes, cards[0]!);
      return null;
    },

    /** Forgets a card's progress: it is new again (its past answers stay in the log). */
    async 'cards:reset'({ ids }: ParsedInput<'cards:reset'>): Promise<null> {
      const cards = findAll(ids);
      const now = clock();
      const changes = cards.map((c) =>
        put({ ...c, schedule: emptySchedule(now), leech: false, updatedAt: iso(now) }),
      );
      await save(`Reset ${plural(cards.length, 'card')}`, changes, cards[0]!);
      return null;
    },

    async 'cards:delete'({ ids }: ParsedInput<'cards:delete'>): Promise<null> {
      const cards = findAll(ids);
      if (cards.some((c) => builtInById.has(c.id))) {
        throw new AppError(
          'conflict',
          'Built-in cards cannot be deleted; suspend them instead. Nothing was deleted.',
        );
      }
      await save(`Delete ${plural(cards.length, 'card')}`, toTrash(cards, clock()), cards[0]!);
      return null;
    },
  };

  return { handlers, restore, active, editable, articleOf };
}

export type CardServices = ReturnType<typeof cardServices>;
