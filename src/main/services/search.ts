import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ParsedInput } from '../../shared/api';
import type { CardRecord } from '../../shared/cards';
import type { Highlight } from '../../shared/highlights';
import type { GlossaryEntry } from '../../shared/glossary';
import type { SearchResults } from '../../shared/search';
import { readBytesIfExists, writeFileDurably } from '../store/durable-file';
import type { Store } from '../store/store';
import { runInSlices, type Steps } from '../slices';
import type { CardServices } from './cards';
import type { Corpus } from './corpus';
import type { Fact } from './decks';
import { isHighlight } from './highlights';
import {
  KIND_LETTER,
  cardDoc,
  hitFor,
  noteDoc,
  passageDocs,
  termDocs,
  type HitSources,
} from './search/documents';
import { decodeSegment, encodeSteps } from './search/codec';
import { SearchIndex } from './search/search-index';
import type { DocInfo, IndexDoc } from './search/segment';

export const INDEX_FILE = 'search-index.bin';
/** Bump when tokenizing or weighting changes: an index written by other rules is rebuilt. */
const INDEX_FORMAT = 1;
/** The index is saved this long after the last change (and at quit). */
const SAVE_DELAY_MS = 5_000;
/** Results the palette shows per kind unless asked otherwise. */
const PER_KIND = 5;
/** Documents compared with the store between two checks of the clock. */
const DOCS_PER_STEP = 100;

/** Changes when the shipped texts (or the index rules) do: then the saved index is rebuilt. */
export function indexFingerprint(corpus: Corpus, entries: GlossaryEntry[], facts: Fact[]): string {
  return createHash('sha256')
    .update(JSON.stringify([INDEX_FORMAT, corpus.ids().map(corpus.text), entries, facts]))
    .digest('hex');
}

/** The saved index, or null when there is none, it is damaged, or it was built for other texts. */
export async function loadIndex(file: string, fingerprint: string): Promise<SearchIndex | null> {
  try {
    const bytes = await readBytesIfExists(file);
    const segment = bytes && decodeSegment(bytes, fingerprint);
    return segment ? new SearchIndex(segment) : null;
  } catch (error) {
    console.warn(`Search index unreadable, rebuilding: ${String(error)}`);
    return null;
  }
}

export interface SearchDeps {
  dataDir: string;
  corpus: Corpus;
  entries: GlossaryEntry[];
  facts: Fact[];
  store: Store;
  cards: CardServices;
}

/**
 * Search over articles, glossary, highlights and cards. The index is loaded from the data
 * folder (or built once, in the background, when there is none or the shipped texts changed);
 * highlights and cards are brought up to date before each search that follows a change, by
 * comparing each one's `updatedAt` with the indexed version, and the index is saved again
 * shortly after.
 */
export function searchServices({ dataDir, corpus, entries, facts, store, cards }: SearchDeps) {
  const file = join(dataDir, INDEX_FILE);
  const fingerprint = indexFingerprint(corpus, entries, facts);
  const termById = new Map(entries.map((e) => [e.id, e]));
  const stale = { notes: true, cards: true };
  let saveTimer: NodeJS.Timeout | undefined;
  let unsaved = false;
  let saving: Promise<void> = Promise.resolve();

  const unsubscribe = store.subscribe((changes) => {
    for (const change of changes ?? [null]) {
      if (change === null) stale.notes = stale.cards = true;
      else if (change.type === 'set') stale.cards ||= change.doc === 'settings';
      else if (change.collection === 'highlights') stale.notes = true;
      else if (change.collection === 'cards') stale.cards = true;
    }
  });

  const ready: Promise<SearchIndex> = (async () => {
    const loaded = await loadIndex(file, fingerprint);
    if (loaded) return loaded;
    const index = SearchIndex.build([...passageDocs(corpus), ...termDocs(entries)]);
    scheduleSave();
    return index;
  })();

  /** Makes the indexed documents of one kind those given, by version, in steps. */
  function* syncSteps(
    index: SearchIndex,
    letter: string,
    docs: Iterable<[DocInfo, () => IndexDoc]>,
  ): Steps<void> {
    let changed = false;
    const current = new Set<string>();
    for (const [{ key, version }, build] of docs) {
      current.add(key);
      if (current.size % DOCS_PER_STEP === 0) yield;
      if (index.version(key) === version) continue;
      index.upsert(build());
      changed = true;
    }
    let seen = 0;
    for (const key of [...index.keys(`${letter}:`)]) {
      if (++seen % DOCS_PER_STEP === 0) yield;
      if (current.has(key) || index.version(key) === undefined) continue;
      index.remove(key);
      changed = true;
    }
    if (changed) scheduleSave();
  }

  // The records behind the indexed documents, by id, refreshed with them: hits are looked up.
  let highlightById = new Map<string, Highlight>();
  let cardById = new Map<string, CardRecord>();

  // Both iterate over a copy: the store may change between two steps.
  function* noteDocs(): Iterable<[DocInfo, () => IndexDoc]> {
    highlightById = new Map();
    for (const r of store.data.highlights.slice()) {
      if (!isHighlight(r)) continue;
      highlightById.set(r.id, r);
      yield [{ key: `h:${r.id}`, version: r.updatedAt }, () => noteDoc(r)];
    }
  }
  function* cardDocs(): Iterable<[DocInfo, () => IndexDoc]> {
    cardById = new Map();
    for (const r of cards.active()) {
      cardById.set(r.id, r);
      const info = { key: `c:${r.id}`, version: r.updatedAt };
      yield [info, () => cardDoc(r, cards.editable(r), cards.articleOf(r))];
    }
  }

  /** Brings the index up to date with the store a slice at a time, so that the search that
   * follows has little left to do. One run at a time: later callers share it. */
  async function refresh(index: SearchIndex): Promise<void> {
    while (stale.notes || stale.cards) {
      if (stale.notes) {
        stale.notes = false;
        await runInSlices(syncSteps(index, KIND_LETTER.note, noteDocs()));
      }
      if (stale.cards) {
        stale.cards = false;
        await runInSlices(syncSteps(index, KIND_LETTER.card, cardDocs()));
      }
    }
    // Folded into the main segment in the background, or search() would do it at once.
    if (index.liveIsLarge) {
      index
        .compactInSlices()
        .catch((error) => console.warn(`Search index not compacted: ${String(error)}`));
    }
    await index.catchUp();
  }

  let refreshing: Promise<void> | null = null;
  async function current(): Promise<SearchIndex> {
    const index = await ready;
    refreshing ??= refresh(index).finally(() => (refreshing = null));
    await refreshing;
    return index;
  }

  function scheduleSave() {
    unsaved = true;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void save(), SAVE_DELAY_MS);
    saveTimer.unref();
  }

  function save(): Promise<void> {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    saving = saving.then(async () => {
      const index = await current();
      if (!unsaved) return;
      unsaved = false;
      const bytes = await runInSlices(encodeSteps(await index.compactInSlices(), fingerprint));
      await writeFileDurably(file, bytes).catch((error) =>
        console.warn(`Search index not saved: ${String(error)}`),
      );
    });
    return saving;
  }

  const sources: HitSources = {
    corpus,
    term: (id) => termById.get(id),
    highlight: (id) => highlightById.get(id),
    card: (id) => {
      const record = cardById.get(id);
      return record && { record, edit: cards.editable(record) };
    },
  };

  async function search(input: ParsedInput<'search:query'>): Promise<SearchResults> {
    const index = await current();
    const kinds = input.kinds && new Set(input.kinds.map((k) => KIND_LETTER[k]));
    const onlyNotes = input.color !== undefined || input.tag !== undefined;
    const tag = input.tag?.toLocaleLowerCase();
    const filter =
      kinds || input.articleId || onlyNotes
        ? (doc: DocInfo) =>
            (!kinds || kinds.has(doc.key[0])) &&
            (!input.articleId || doc.article === input.articleId) &&
            (!onlyNotes || doc.key[0] === KIND_LETTER.note) &&
            (!input.color || doc.color === input.color) &&
            (!tag || (doc.tags ?? []).some((t) => t.toLocaleLowerCase() === tag))
        : undefined;
    const result = index.search(input.query, {
      filter,
      limit: input.limit ?? PER_KIND * 4,
      perKind: input.perKind ?? input.limit ?? PER_KIND,
    });
    const hits = result.matches.flatMap(({ doc }) => hitFor(doc.key, result.terms, sources) ?? []);
    return { hits, complete: result.complete };
  }

  return {
    handlers: { 'search:query': search },
    /** The index as it is now, for tests and benchmarks. */
    index: current,
    save,
    /** Saves what changed, and stops following the store. */
    async dispose() {
      await save();
      unsubscribe();
    },
  };
}
