import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempAppDirs } from './temp-app';
import { dispatch } from '../../src/main/ipc';
import { createServices, type Services } from '../../src/main/services';
import { loadCorpus } from '../../src/main/services/corpus';
import { loadFacts } from '../../src/main/services/decks';
import { REVIEW_LOG_FILE } from '../../src/main/services/review-log';
import { fromFsrsCard } from '../../src/main/services/scheduler';
import { describe as describeSpan } from '../../src/shared/anchoring';
import {
  clozeOrds,
  clozePlain,
  clozeSchema,
  clozeSides,
  spokenInterval,
  type CardView,
  type Rating,
  type ReviewLogEntry,
} from '../../src/shared/cards';
import type { PlacedHighlight } from '../../src/shared/highlights';

/** Flashcards on the real services over a real lowdb file and review journal in a temp dir. */

const RESOURCES = join(import.meta.dirname, '../../resources');
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const dirs = tempAppDirs('cards');
let services: Services;
let time: number;

const open = () =>
  createServices({ ...dirs, clock: () => time, fuzz: false }).then((s) => (services = s));
const restart = async () => {
  await services.dispose();
  await open();
};
const list = () => services['cards:list'](undefined);
const card = async (id: string): Promise<CardView> => {
  const found = (await list()).find((c) => c.id === id);
  if (!found) throw new Error(`no card ${id}`);
  return found;
};
const queue = () => services['cards:queue'](undefined);
async function answer(id: string, rating: Rating, durationMs = 4000) {
  const c = await card(id);
  return services['cards:answer']({ id, rating, reps: c.schedule.reps, durationMs });
}
const storeFile = () => join(dirs.dataDir, 'xinzhi.json');
const logFile = () => join(dirs.dataDir, REVIEW_LOG_FILE);
const logLines = async () =>
  (await readFile(logFile(), 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ReviewLogEntry & { undo?: string });
const settings = (patch: Parameters<Services['settings:update']>[0]) =>
  services['settings:update'](patch);

beforeEach(async () => {
  time = Date.parse('2026-11-23T10:00:00Z');
  await open();
});
afterEach(async () => {
  await services.dispose();
});

describe('decks', () => {
  it('has key-term cards both ways, at least 25 key facts, each citing a verbatim passage', async () => {
    const cards = await list();
    const terms = cards.filter((c) => c.kind === 'term');
    const chinese = cards.filter((c) => c.kind === 'term-chinese');
    const facts = cards.filter((c) => c.kind === 'fact');
    expect(terms.length).toBeGreaterThanOrEqual(50);
    expect(chinese.length).toBeGreaterThan(20);
    expect(facts.length).toBeGreaterThanOrEqual(25);
    const corpus = await loadCorpus(join(RESOURCES, 'corpus'));
    for (const c of cards) {
      expect(c.source, c.id).not.toBeNull();
      const { articleId, start, end, quote } = c.source!;
      expect(corpus.text(articleId).slice(start, end), c.id).toBe(quote);
    }
    const nqpf = chinese.find((c) => c.id === 'z-new-quality-productive-forces')!;
    expect(nqpf.front).toContain('新质生产力');
    expect(nqpf.back).toMatch(/new quality productive forces/);
    expect(nqpf.back).toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔù]/);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
  });

  it('every key fact is our own question with a short answer and a unique id', async () => {
    const facts = await loadFacts(join(RESOURCES, 'cards'));
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
    for (const f of facts) expect(f.back).not.toContain(f.citation.quote);
  });

  it('switching a direction off removes those cards; their history comes back with it', async () => {
    await answer('z-new-quality-productive-forces', 3);
    await settings({ termCardsChinese: false });
    expect((await list()).some((c) => c.kind === 'term-chinese')).toBe(false);
    expect((await queue()).items.some((i) => i.card.kind === 'term-chinese')).toBe(false);
    await settings({ termCardsChinese: true });
    expect((await card('z-new-quality-productive-forces')).schedule.reps).toBe(1);
  });

  it('regenerates key terms from a changed glossary without losing review history', async () => {
    await answer('t-new-quality-productive-forces', 3);
    await answer('t-total-factor-productivity', 3);
    const before = await card('t-new-quality-productive-forces');
    await services.dispose();
    const file = join(dirs.resourcesDir, 'glossary/terms/concept.json');
    const terms = JSON.parse(await readFile(file, 'utf8')) as { id: string; definition: string }[];
    const entry = terms.find((t) => t.id === 'new-quality-productive-forces')!;
    entry.definition = `${entry.definition} Changed for the test.`;
    const kept = terms.filter((t) => t.id !== 'total-factor-productivity');
    await writeFile(file, JSON.stringify(kept));
    await open();
    const after = await card('t-new-quality-productive-forces');
    expect(after.back).toContain('Changed for the test.');
    expect(after.schedule).toEqual(before.schedule);
    // A term gone from the glossary leaves the deck; its record and log stay.
    expect((await list()).some((c) => c.id === 't-total-factor-productivity')).toBe(false);
    expect(
      (await logLines()).filter((l) => l.cardId === 't-total-factor-productivity'),
    ).toHaveLength(1);
  });
});

describe('scheduling', () => {
  it('equals ts-fsrs for a scripted history with fixed dates, across restarts', async () => {
    const f = fsrs({ enable_fuzz: false });
    const ratings: Rating[] = [3, 3, 1, 3, 3, 4, 2, 1, 3, 3, 3];
    let expected: Card = createEmptyCard(new Date(time));
    const id = 't-new-quality-productive-forces';
    for (const [i, rating] of ratings.entries()) {
      const result = await answer(id, rating, 1000 + i);
      expected = f.next(expected, new Date(time), rating as Grade).card;
      expect(result.card.schedule).toEqual(fromFsrsCard(expected));
      if (i % 3 === 2) await restart(); // Dates survive the store round trip
      expect((await card(id)).schedule).toEqual(fromFsrsCard(expected));
      time = Math.max(time + MIN, expected.due.getTime());
    }
    const lines = await logLines();
    expect(lines.map((l) => l.rating)).toEqual(ratings);
    expect(lines.map((l) => l.durationMs)).toEqual(ratings.map((_, i) => 1000 + i));
    expect(lines[2]!.before.state).toBe('review');
    expect(lines[2]!.after.state).toBe('relearning');
  });

  it('shows each answer’s next interval on the queued card', async () => {
    const { items } = await queue();
    const first = items[0]!;
    expect(first.intervals[1]).toBe(1 * MIN);
    expect(first.intervals[2]).toBe(6 * MIN);
    expect(first.intervals[3]).toBe(10 * MIN);
    expect(first.intervals[4]).toBeGreaterThanOrEqual(DAY);
  });

  it('uses the learning steps and desired retention from the settings', async () => {
    await settings({ learningSteps: ['5m'], desiredRetention: 0.8 });
    const { items } = await queue();
    expect(items[0]!.intervals[1]).toBe(5 * MIN);
    const f = fsrs({ enable_fuzz: false, request_retention: 0.8, learning_steps: ['5m'] });
    const preview = f.repeat(createEmptyCard(new Date(0)), new Date(time));
    expect(items[0]!.intervals[4]).toBe(preview[4].card.due.getTime() - time);
    expect(await dispatch(services, 'settings:update', { desiredRetention: 0.5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('undo', () => {
  it('restores the exact previous card and removes the log entry, many steps back', async () => {
    const id = 't-new-quality-productive-forces';
    const states = [await card(id)];
    for (const rating of [3, 3, 1] as Rating[]) {
      await answer(id, rating);
      states.push(await card(id));
      time = Math.max(time + MIN, states.at(-1)!.schedule.due);
    }
    const stored = async () =>
      (JSON.parse(await readFile(storeFile(), 'utf8')) as { cards: { id: string }[] }).cards;
    await services['cards:undoAnswer'](undefined);
    expect(await card(id)).toEqual(states[2]);
    await services['cards:undoAnswer'](undefined);
    await services['cards:undoAnswer'](undefined);
    expect(await card(id)).toEqual(states[0]);
    expect(await services['cards:undoAnswer'](undefined)).toBeNull();
    await restart();
    // Back to a never-touched built-in card: no record, and the log holds no answer.
    expect(await card(id)).toEqual(states[0]);
    expect((await stored()).some((c) => c.id === id)).toBe(false);
    const lines = await logLines();
    expect(lines.filter((l) => !l.undo)).toHaveLength(3);
    expect(lines.filter((l) => l.undo)).toHaveLength(3);
    expect((await services['cards:stats'](undefined)).today.reviews).toBe(0);
  });
});

describe('leeches, limits and siblings', () => {
  it('tags and suspends a card at its 8th lapse', async () => {
    const id = 'f-' + (await list()).find((c) => c.kind === 'fact')!.id.slice(2);
    const toReview = async () => {
      while ((await card(id)).schedule.state !== 'review') {
        time = Math.max(time, (await card(id)).schedule.due);
        await answer(id, 3);
      }
      time = (await card(id)).schedule.due;
    };
    await toReview();
    for (let lapse = 1; lapse <= 8; lapse++) {
      const result = await answer(id, 1);
      expect(result.card.schedule.lapses).toBe(lapse);
      expect(result.leech).toBe(lapse === 8);
      expect(result.card.suspended).toBe(lapse === 8);
      if (lapse < 8) await toReview();
    }
    const leech = await card(id);
    expect(leech.leech).toBe(true);
    expect((await queue()).items.some((i) => i.card.id === id)).toBe(false);
  });

  it('keeps to the daily new-card limit and buries siblings until the next day', async () => {
    await settings({ newPerDay: 3 });
    let q = await queue();
    expect(q.counts.new).toBe(3);
    // One card per note in a queue: answering the first term's card buries its other
    // direction for the day, so that sibling never waits in the queue behind it.
    const notes = q.items.map((i) => i.card.noteId);
    expect(new Set(notes).size).toBe(notes.length);
    const first = q.items[0]!.card;
    const sibling = (await list()).find((c) => c.noteId === first.noteId && c.id !== first.id);
    expect(q.items.some((i) => i.card.id === sibling!.id)).toBe(false);
    await answer(first.id, 4); // Easy: straight to review, days away
    q = await queue();
    expect(q.counts.new).toBe(2);
    expect(q.items.some((i) => i.card.id === sibling!.id)).toBe(false);
    for (const item of q.items.slice(0, 2)) await answer(item.card.id, 4);
    q = await queue();
    expect(q.counts.new).toBe(0);
    expect(q.items).toHaveLength(0);
    time += DAY;
    q = await queue();
    expect(q.counts.new).toBe(3);
    expect(q.items[0]!.card.id).toBe(sibling!.id);
  });

  it('keeps to the daily review limit', async () => {
    await settings({ newPerDay: 5, reviewsPerDay: 2 });
    for (const item of (await queue()).items.slice(0, 5)) await answer(item.card.id, 4);
    time += 30 * DAY;
    const q = await queue();
    expect(q.counts.review).toBe(2);
    expect(q.items.filter((i) => i.card.schedule.state === 'review')).toHaveLength(2);
  });
});

describe('bad input changes nothing', () => {
  it('refuses unknown cards, invalid ratings, suspended, not-due and twice-answered cards', async () => {
    const id = 't-new-quality-productive-forces';
    await answer(id, 3);
    time += 10 * MIN;
    await answer(id, 3); // now days away
    const learning = 'z-new-quality-productive-forces';
    await answer(learning, 3); // due again in 10 minutes
    await services['cards:suspend']({ ids: ['t-total-factor-productivity'], suspended: true });
    await restart(); // everything on disk, compacted
    const bytes = async () => [await readFile(storeFile()), await readFile(logFile())];
    const before = await bytes();
    const reps = (await card(id)).schedule.reps;
    const bad: [unknown, string, RegExp][] = [
      [{ id: 't-no-such-term', rating: 3, reps: 0, durationMs: 1 }, 'not_found', /no longer/],
      [{ id: 'c-nope', rating: 3, reps: 0, durationMs: 1 }, 'not_found', /no longer/],
      [{ id, rating: 5, reps, durationMs: 1 }, 'invalid_input', /rating/],
      [{ id, rating: 0, reps, durationMs: 1 }, 'invalid_input', /rating/],
      [{ id, rating: '3', reps, durationMs: 1 }, 'invalid_input', /rating/],
      [{ id, rating: 3, reps, durationMs: -1 }, 'invalid_input', /durationMs/],
      [{ id: '../x', rating: 3, reps: 0, durationMs: 1 }, 'invalid_input', /card id/],
      [{ id, rating: 3, reps, durationMs: 1, extra: 1 }, 'invalid_input', /extra/],
      [
        { id: 't-total-factor-productivity', rating: 3, reps: 0, durationMs: 1 },
        'conflict',
        /suspended/,
      ],
      [{ id, rating: 3, reps, durationMs: 1 }, 'conflict', /not due yet/],
      [{ id: learning, rating: 3, reps: 0, durationMs: 1 }, 'conflict', /already answered/],
    ];
    for (const [input, code, message] of bad) {
      const result = await dispatch(services, 'cards:answer', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(await services['cards:undoAnswer'](undefined)).toBeNull(); // nothing this session
    await restart();
    expect(await bytes()).toEqual(before);
  });

  it('refuses bad card content and deleting built-in cards', async () => {
    const bad: [string, unknown][] = [
      ['cards:create', { content: { kind: 'basic', front: '  ', back: 'x' } }],
      ['cards:create', { content: { kind: 'cloze', cloze: 'no blanks here', extra: '' } }],
      ['cards:create', { content: { kind: 'cloze', cloze: 'an {{c1:: }} blank', extra: '' } }],
      ['cards:create', { content: { kind: 'cloze', cloze: '{{c99::x}}', extra: '' } }],
      ['cards:create', { content: { kind: 'basic', front: 'x'.repeat(20_001), back: '' } }],
      ['cards:create', { content: { kind: 'basic', front: 'q', back: 'a', extra: 1 } }],
      ['cards:delete', { ids: ['t-new-quality-productive-forces'] }],
      ['cards:suspend', { ids: [], suspended: true }],
      ['cards:suspend', { ids: ['c-missing'], suspended: true }],
    ];
    const before = JSON.stringify(await list());
    for (const [channel, input] of bad) {
      const result = await dispatch(services, channel, input);
      expect(result.ok, `${channel} ${JSON.stringify(input).slice(0, 80)}`).toBe(false);
    }
    expect(JSON.stringify(await list())).toBe(before);
  });
});

describe('my cards', () => {
  async function highlight(exact: string): Promise<PlacedHighlight> {
    const article = await services['corpus:get']({ id: 'taihe' });
    const text = article.blocks.map((b) => b.text).join('\n\n');
    const start = text.indexOf(exact);
    return services['highlights:create']({
      articleId: 'taihe',
      ...describeSpan(text, start, start + exact.length),
      color: 'yellow',
    });
  }

  it('makes sibling cloze cards from a highlight, linked to its passage', async () => {
    const h = await highlight('total factor productivity');
    const draft = await services['cards:draft']({ highlightId: h.id });
    expect(draft.front).toBe('> total factor productivity');
    expect(draft.back).toMatch(/^\*\*total factor productivity\*\*: /);
    const made = await services['cards:create']({
      content: { kind: 'cloze', cloze: '{{c1::total factor}} {{c2::productivity}}', extra: '' },
      highlightId: h.id,
    });
    expect(made).toHaveLength(2);
    expect(made[0]!.noteId).toBe(made[1]!.noteId);
    expect(made[0]!.front).toBe('**[…]** productivity');
    expect(made[1]!.back).toBe('total factor **productivity**');
    expect(made[0]!.source).toMatchObject({ articleId: 'taihe', start: h.start, end: h.end });
    // A new card is met in review (after the built-ins of the day it is new too).
    await settings({ newPerDay: 500 });
    const q = await queue();
    expect(q.counts.new).toBeGreaterThan(100);
    // Editing the cloze drops a blank (to the Trash) and keeps the other card's history.
    await answer(made[0]!.id, 3);
    const edited = await services['cards:update']({
      id: made[0]!.id,
      content: { kind: 'cloze', cloze: '{{c1::total factor}} productivity', extra: 'TFP' },
    });
    expect(edited.map((c) => c.id)).toEqual([made[0]!.id]);
    expect(edited[0]!.schedule.reps).toBe(1);
    expect(edited[0]!.back).toBe('**total factor** productivity\n\nTFP');
    expect((await services['trash:list'](undefined)).map((t) => t.id)).toEqual([made[1]!.id]);
  });

  it('deletes to the Trash, restores with its schedule, and undoes edits', async () => {
    const [c] = await services['cards:create']({
      content: { kind: 'basic', front: 'What is **TFP**?', back: 'Total factor productivity.' },
    });
    await answer(c!.id, 3);
    const answered = await card(c!.id);
    await services['cards:delete']({ ids: [c!.id] });
    expect((await list()).some((x) => x.id === c!.id)).toBe(false);
    const restored = await services['trash:restore']({ id: c!.id });
    expect(restored).toEqual(answered);
    await services['cards:update']({
      id: c!.id,
      content: { kind: 'basic', front: 'Changed?', back: 'Yes.' },
    });
    expect((await card(c!.id)).front).toBe('Changed?');
    await services['history:undo'](undefined);
    expect((await card(c!.id)).front).toBe('What is **TFP**?');
    await restart();
    expect(await card(c!.id)).toEqual(answered);
  });

  it('edits a built-in card and reverts it to the glossary text', async () => {
    const id = 't-new-quality-productive-forces';
    const original = await card(id);
    await services['cards:update']({
      id,
      content: { kind: 'basic', front: original.front, back: 'My shorter definition.' },
    });
    const edited = await card(id);
    expect(edited.back).toBe('My shorter definition.');
    expect(edited.edited).toBe(true);
    await services['cards:revert']({ id });
    expect(await card(id)).toMatchObject({ back: original.back, edited: false });
  });

  it('suspends, unsuspends and resets in bulk as one undoable step', async () => {
    const ids = (await list()).slice(0, 3).map((c) => c.id);
    await answer(ids[0]!, 4);
    await services['cards:suspend']({ ids, suspended: true });
    expect((await list()).filter((c) => c.suspended).map((c) => c.id)).toEqual(ids);
    await services['history:undo'](undefined);
    expect((await list()).some((c) => c.suspended)).toBe(false);
    await services['cards:reset']({ ids: [ids[0]!] });
    expect((await card(ids[0]!)).schedule.state).toBe('new');
  });
});

describe('review log journal', () => {
  it('survives a crash mid-append: a torn last line is ignored, nothing acknowledged is lost', async () => {
    const q = await queue();
    for (const item of q.items.slice(0, 3)) await answer(item.card.id, 3);
    await services.dispose();
    await appendFile(logFile(), '{"id":"r-torn","cardId":"t-x","at":1,"rat');
    await open();
    expect((await services['cards:stats'](undefined)).today.reviews).toBe(3);
    await answer(q.items[3]!.card.id, 3);
    await restart();
    const lines = await logLines();
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => l.cardId)).toEqual(q.items.slice(0, 4).map((i) => i.card.id));
  });

  it('skips a damaged line in the middle and keeps every other answer', async () => {
    const q = await queue();
    for (const item of q.items.slice(0, 2)) await answer(item.card.id, 3);
    await services.dispose();
    const [first, second] = (await readFile(logFile(), 'utf8')).split('\n');
    await writeFile(logFile(), `${first}\n{"id":"r-garbled",\n${second}\n`);
    await open();
    expect((await services['cards:stats'](undefined)).today.reviews).toBe(2);
    await answer(q.items[2]!.card.id, 3);
    expect((await services['cards:stats'](undefined)).today.reviews).toBe(3);
  });
});

describe('statistics', () => {
  it('counts today’s reviews, the forecast, retention, states and streak', async () => {
    const q = await queue();
    const fresh = q.items.map((i) => i.card.id);
    for (const id of fresh.slice(0, 4)) await answer(id, 4, 2000);
    time += DAY;
    await answer(fresh[4]!, 3, 2000);
    time += DAY;
    await answer(fresh[5]!, 3, 2000);
    let stats = await services['cards:stats'](undefined);
    expect(stats.streak).toEqual({ current: 3, longest: 3 });
    expect(stats.trueRetention).toBeNull();
    // The first four (Easy) are due together days later: one forgotten, one remembered.
    time = (await card(fresh[0]!)).schedule.due;
    await answer(fresh[0]!, 1, 3000);
    await answer(fresh[1]!, 3, 3000);
    stats = await services['cards:stats'](undefined);
    expect(stats.today).toEqual({ reviews: 2, newCards: 0, again: 1, timeMs: 6000 });
    expect(stats.heatmap).toHaveLength(365);
    expect(stats.heatmap.reduce((n, d) => n + d.count, 0)).toBe(8);
    expect(stats.heatmap.at(-1)!.count).toBe(2);
    expect(stats.trueRetention).toBe(0.5);
    expect(stats.retention.at(-1)).toMatchObject({ reviews: 2, passed: 1 });
    expect(stats.streak).toEqual({ current: 1, longest: 3 });
    const cards = await list();
    const { byState } = stats;
    expect(Object.values(byState).reduce((a, b) => a + b, 0)).toBe(cards.length);
    expect(byState.relearning).toBe(1);
    expect(byState.new).toBe(cards.length - 6);
    expect(stats.forecast).toHaveLength(30);
    // Today holds the relearning card, the two Easy cards not yet answered and the two learning.
    expect(stats.forecast[0]!.count).toBe(5);
    const remembered = (await card(fresh[1]!)).schedule.due;
    const inForecast = remembered < time + 29 * DAY ? 1 : 0;
    expect(stats.forecast.reduce((n, d) => n + d.count, 0)).toBe(5 + inForecast);
    expect(stats.matureBy.pacePerDay).toBeCloseTo(6 / 14);
    expect(stats.matureBy.lagDays).toBeGreaterThan(5);
    expect(Date.parse(stats.matureBy.date!)).toBeGreaterThan(time);
  });
});

describe('cloze blanks', () => {
  // The regex the one-pass reader replaced: its results are the reference.
  const CLOZE = /\{\{c(\d{1,2})::([\s\S]*?)\}\}/g;
  const reference = (text: string) => ({
    ords: [...new Set([...text.matchAll(CLOZE)].map((m) => Number(m[1])))].sort((a, b) => a - b),
    plain: text.replace(CLOZE, (_, __, w: string) => w),
    front: text.replace(CLOZE, (_, n: string, w: string) => (Number(n) === 1 ? '**[…]**' : w)),
  });

  it('reads blanks exactly as the regex did, on 3,000 texts made of cloze syntax', () => {
    const piece = fc.constantFrom(
      '{{c',
      '{{c1::',
      '{{c12::',
      '{{c123::',
      '}}',
      '}',
      '{',
      ':',
      'c',
      '1',
      '2',
      'a b',
      '\n',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
        (text) => {
          const want = reference(text);
          expect(clozeOrds(text)).toEqual(want.ords);
          expect(clozePlain(text)).toBe(want.plain);
          expect(clozeSides(text, 1).front).toBe(want.front);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses an over-long cloze by its length alone, and reads a long unclosed one', () => {
    const long = '{{c1::'.repeat(20_000);
    const result = clozeSchema.safeParse(long);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'The cloze text can be at most 20,000 characters.',
    ]);
    expect(clozeOrds(long.slice(0, 19_998))).toEqual([]);
    expect(clozeOrds(`${long.slice(0, 19_990)}{{c2::x}}`)).toEqual([1]);
  });
});

describe('intervals read aloud', () => {
  it('says the unit in words, singular or plural', () => {
    const MIN = 60_000;
    expect(spokenInterval(20_000)).toBe('under a minute');
    expect(spokenInterval(MIN)).toBe('1 minute');
    expect(spokenInterval(10 * MIN)).toBe('10 minutes');
    expect(spokenInterval(60 * MIN)).toBe('1 hour');
    expect(spokenInterval(8 * 1440 * MIN)).toBe('8 days');
    expect(spokenInterval(45 * 1440 * MIN)).toBe('1.5 months');
    expect(spokenInterval(730 * 1440 * MIN)).toBe('2 years');
  });
});
