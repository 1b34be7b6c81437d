import type { Page } from 'playwright-core';
import { COLORS, type Color } from '../../src/shared/highlights';
import type { SearchResults } from '../../src/shared/search';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

/**
 * The soak's user: what a person does with the keyboard (and a click where a person would
 * click), found by role and accessible name. Each action waits for what the person would wait
 * for on screen, and records in the model what it changed.
 */

export interface Wanted {
  color: Color;
  note: string;
  tags: string[];
}

/** What the session did, to compare with the store afterwards. */
export interface SoakModel {
  /** Every answer, in order: the card (read from its question on screen) and the rating. */
  answers: { cardId: string; rating: number }[];
  /** Every highlight's colour, note and tags as they must be (the initial ones, then edits). */
  highlights: Map<string, Wanted>;
  /** Highlight ids by article, in the order they were made. */
  byArticle: Map<string, string[]>;
  /** Edited highlights with the unique word written into their note, for searches. */
  noteWords: { id: string; word: string }[];
  edits: number;
  searches: number;
}

export interface Timings {
  review: number[];
  /** Select the next highlight and edit it in the reader, until its card shows the change. */
  edit: number[];
  /** An edit sent from the page through window.api (same validation, no reader). */
  apiEdit: number[];
  search: number[];
  openArticle: number[];
}

const RATINGS = [3, 3, 4, 3, 2, 3, 1, 3, 4, 3];
const flashcard = (page: Page) => page.getByRole('region', { name: /^Flashcard/ });
const selectedCard = (page: Page) => page.getByRole('region', { name: 'Selected highlight' });
const palette = (page: Page) => page.getByRole('dialog', { name: 'Search and commands' });

/** A word no text has, from a number: 0 → "kwaaa", 1 → "kwaab"… */
export function soakWord(n: number): string {
  let s = '';
  for (let i = 0; i < 3; i++, n = Math.floor(n / 26)) s = String.fromCharCode(97 + (n % 26)) + s;
  return `kw${s}`;
}

export async function openReview(page: Page): Promise<void> {
  await page.keyboard.press('Control+5');
  await page.getByRole('heading', { level: 1, name: 'Review' }).waitFor();
  await flashcard(page).waitFor();
}

/** Space shows the answer, a digit rates it; done when the next question is on screen. */
export async function review(page: Page, n: number, model: SoakModel, t: Timings) {
  const front = flashcard(page).locator('.review-front');
  const question = (await front.innerText()).trim();
  const number = /^Card (\d+):/.exec(question)?.[1];
  if (number === undefined) throw new Error(`Not one of the soak's cards: ${question}`);
  const rating = RATINGS[n % RATINGS.length];
  const t0 = performance.now();
  await page.keyboard.press('Space');
  await page.getByRole('group', { name: 'How well did you remember?' }).waitFor();
  await page.keyboard.press(String(rating));
  await flashcard(page).filter({ hasNotText: question }).waitFor();
  t.review.push(performance.now() - t0);
  model.answers.push({ cardId: `c-bench-${number}`, rating });
}

/** From the Library, as a person opens an article; waits until its highlights are painted. */
export async function openArticle(page: Page, title: string, t: Timings): Promise<void> {
  const t0 = performance.now();
  await page.keyboard.press('Control+1');
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: new RegExp(escaped) })
    .click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.waitForFunction(
    (colors) => colors.some((c) => CSS.highlights.has(`hl-${c}`)),
    COLORS as readonly string[],
  );
  t.openArticle.push(performance.now() - t0);
}

/**
 * Alt+↓ (or ↑) selects the next highlight, then one edit by kind in turn: a colour (1–5), the
 * note (n, type, Ctrl+Enter) or a tag (typed into its card's tag box). Returns the selected id.
 */
export async function editNext(
  page: Page,
  k: number,
  down: boolean,
  previous: string | null,
  model: SoakModel,
  t: Timings,
): Promise<string> {
  const t0 = performance.now();
  const steps = 1 + (k % 2);
  for (let s = 0; s < steps; s++) await page.keyboard.press(down ? 'Alt+ArrowDown' : 'Alt+ArrowUp');
  const card = selectedCard(page);
  // The card of the newly selected highlight (not the one before).
  const id = await card
    .and(page.locator(`[data-highlight-id]:not([data-highlight-id="${previous ?? ''}"])`))
    .getAttribute('data-highlight-id');
  if (!id) throw new Error('no highlight selected');
  const want = model.highlights.get(id);
  if (!want) throw new Error(`unknown highlight ${id}`);
  const change = nextChange(k, want);
  if (change.color) {
    await page.keyboard.press(String(COLORS.indexOf(change.color) + 1));
    await card
      .getByRole('radio', { name: DEFAULT_SETTINGS.colorNames[change.color], checked: true })
      .waitFor();
  } else if (change.note) {
    await page.keyboard.press('n');
    await card.getByRole('textbox', { name: 'Note' }).waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(change.note);
    await page.keyboard.press('Control+Enter');
    await card.getByRole('button', { name: 'Edit note' }).waitFor();
  } else if (change.tag) {
    await card.getByRole('combobox', { name: 'Add a tag' }).click();
    await page.keyboard.type(change.tag);
    await page.keyboard.press('Enter');
    await card.getByRole('list', { name: 'Tags' }).getByText(change.tag, { exact: true }).waitFor();
    // Out of the box (onto the new tag's Remove button), so Alt+↓ moves on again.
    await page.keyboard.press('Shift+Tab');
  }
  record(model, id, change);
  t.edit.push(performance.now() - t0);
  return id;
}

/**
 * The same edits sent from the page through window.api, for highlights of an article that is
 * not open (the reader holds the open one's in its state, and would write its own over them).
 */
export async function editViaApi(
  page: Page,
  id: string,
  k: number,
  model: SoakModel,
  t: Timings,
): Promise<void> {
  const want = model.highlights.get(id);
  if (!want) throw new Error(`unknown highlight ${id}`);
  const change = nextChange(k, want);
  const patch = change.color
    ? { color: change.color }
    : change.note
      ? { note: change.note }
      : { tags: [...want.tags, change.tag!] };
  const t0 = performance.now();
  const ok = await page.evaluate(async (input) => (await window.api.highlightsUpdate(input)).ok, {
    id,
    ...patch,
  });
  t.apiEdit.push(performance.now() - t0);
  if (ok) record(model, id, change);
}

interface Change {
  color?: Color;
  note?: string;
  tag?: string;
  word?: string;
}

/** The k-th edit in turn: a colour, a note with a word found nowhere else, or a tag. */
function nextChange(k: number, want: Wanted): Change {
  if (k % 3 === 0) {
    return { color: COLORS[(COLORS.indexOf(want.color) + 1 + (k % 4)) % COLORS.length] };
  }
  if (k % 3 === 1) {
    const word = soakWord(k);
    return { note: `Soak note ${k}: revisit ${word} before the exam.`, word };
  }
  const tag = `soak-${k % 17}`;
  return { tag: want.tags.includes(tag) ? `${tag}-${k}` : tag };
}

function record(model: SoakModel, id: string, change: Change) {
  const want = model.highlights.get(id)!;
  if (change.color) want.color = change.color;
  if (change.note) want.note = change.note;
  if (change.tag) want.tags = [...want.tags, change.tag];
  if (change.word) model.noteWords.push({ id, word: change.word });
  model.edits++;
}

/**
 * Ctrl+K, the query typed (a search per keystroke), and done when the palette shows the first
 * hit of the answer to the whole query; `expectHit` must be among the hits.
 */
export async function search(
  page: Page,
  query: string,
  answered: Map<string, SearchResults>,
  model: SoakModel,
  t: Timings,
  expectHit?: string,
): Promise<string | null> {
  const t0 = performance.now();
  answered.clear();
  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: 'Search everything or type a command' });
  await box.waitFor();
  await page.keyboard.type(query);
  const deadline = Date.now() + 10_000;
  while (!answered.has(query)) {
    if (Date.now() > deadline) throw new Error(`no answer to the search "${query}"`);
    await new Promise((r) => setTimeout(r, 2));
  }
  const hits = answered.get(query)!.hits;
  if (hits.length > 0) {
    await palette(page).locator(`[id="hit-${hits[0].key}"]`).waitFor();
  } else {
    await palette(page).getByRole('status').getByText('Nothing found').waitFor();
  }
  await page.keyboard.press('Escape');
  await palette(page).waitFor({ state: 'hidden' });
  model.searches++;
  t.search.push(performance.now() - t0);
  if (expectHit && !hits.some((h) => h.key === expectHit)) {
    return `search "${query}" did not find ${expectHit}`;
  }
  return null;
}
