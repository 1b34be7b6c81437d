import { join } from 'node:path';
import type { AppInfo, Handlers } from '../../shared/api';
import { openStore } from '../store/store';
import type { StoreData } from '../store/schema';
import { loadCorpus } from './corpus';
import { glossaryServices, loadGlossary } from './glossary';
import { cardStats } from './card-stats';
import { cardServices } from './cards';
import { builtInCards, loadFacts } from './decks';
import { highlightServices } from './highlights';
import { createHistory } from './history';
import { readingServices } from './reading';
import { searchServices } from './search';
import { NO_DIALOGS, dataServices, type Dialogs } from './data';
import type { ImportPreview } from '../../shared/data';
import type { SearchIndex } from './search/search-index';
import { openReviewLog } from './review-log';
import { expireTrash, trashServices } from './trash';

export interface ServiceOptions {
  dataDir: string;
  /** Folder holding `corpus/`, `glossary/` and `cards/`. */
  resourcesDir: string;
  clock?: () => number;
  /** Review intervals spread a little (on by default); tests turn it off. */
  fuzz?: boolean;
  appVersion?: string;
  /** Native file dialogs (the Electron glue's); without them every dialog counts as cancelled. */
  dialogs?: Dialogs;
}

export type WindowState = NonNullable<StoreData['windowState']>;

/** The application behind the IPC contract, plus what the Electron glue needs besides it. */
export interface Services extends Handlers {
  /** Reads and checks an import file as if chosen in the dialog: for tests and benchmarks. */
  openImportFile(path: string): Promise<ImportPreview>;
  /** The search index, brought up to date: for tests and benchmarks. */
  searchIndex(): Promise<SearchIndex>;
  windowState(): WindowState | null;
  saveWindowState(state: WindowState): Promise<void>;
  /** Flush, take the quit backup, stop timers. The object must not be used afterwards. */
  dispose(): Promise<void>;
}

/** The one seam between Electron and the application: tests and benchmarks call it directly. */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const clock = options.clock ?? Date.now;
  const now = () => new Date(clock());
  const [store, log, corpus, glossary, facts] = await Promise.all([
    openStore({ dataDir: options.dataDir, clock }),
    openReviewLog(options.dataDir),
    loadCorpus(join(options.resourcesDir, 'corpus')),
    loadGlossary(join(options.resourcesDir, 'glossary')),
    loadFacts(join(options.resourcesDir, 'cards')),
  ]);
  let recovery = store.recovery;
  const history = createHistory(store);
  await expireTrash(store, now);
  const highlights = highlightServices(store, corpus, history, now);
  const cards = cardServices({
    store,
    corpus,
    history,
    log,
    builtIns: builtInCards(glossary.entries, facts),
    entries: glossary.entries,
    clock,
    fuzz: options.fuzz,
  });

  const search = searchServices({
    dataDir: options.dataDir,
    corpus,
    entries: glossary.entries,
    facts,
    store,
    cards,
  });

  const { openImportFile, ...dataHandlers } = dataServices({
    dataDir: options.dataDir,
    store,
    log,
    corpus,
    cards,
    history,
    dialogs: options.dialogs ?? NO_DIALOGS,
    listHighlights: () => highlights.handlers['highlights:list']({}),
    appVersion: options.appVersion ?? '0.0.0',
    now,
  });

  const appInfo = (): AppInfo => ({
    name: 'Xinzhi',
    version: options.appVersion ?? '0.0.0',
    dataDir: options.dataDir,
    sources: corpus.list().map(({ id, title, author, publisher, date, source }) => ({
      id,
      title,
      author,
      publisher,
      date,
      source,
    })),
    recovery,
  });

  const services: Services = {
    'app:info': appInfo,
    'app:dismissRecovery': () => {
      recovery = null;
      return null;
    },
    'corpus:list': () => corpus.list(),
    'corpus:get': ({ id }) => corpus.get(id),
    ...readingServices(store, corpus, now),
    ...highlights.handlers,
    ...trashServices(store, history, { highlight: highlights.restore, card: cards.restore }),
    'history:undo': () => history.undo(),
    'history:redo': () => history.redo(),
    'history:state': () => history.state(),
    ...glossaryServices(glossary, corpus),
    ...cards.handlers,
    ...search.handlers,
    ...dataHandlers,
    openImportFile,
    'cards:stats': async () => {
      await log.ready;
      return cardStats(cards.active(), log.entries, store.data.settings.desiredRetention, clock());
    },
    searchIndex: search.index,
    windowState: () => store.data.windowState,
    saveWindowState: (state) => store.apply([{ type: 'set', doc: 'windowState', value: state }]),
    dispose: async () => {
      await search.dispose();
      await Promise.all([store.close(), log.close()]);
    },
  };
  return services;
}
