import { join } from 'node:path';
import type { AppInfo, Handlers } from '../../shared/api';
import { openStore } from '../store/store';
import type { StoreData } from '../store/schema';
import { loadCorpus } from './corpus';
import { glossaryServices, loadGlossary } from './glossary';
import { expireTrash, highlightServices } from './highlights';
import { createHistory } from './history';
import { readingServices } from './reading';

export interface ServiceOptions {
  dataDir: string;
  /** Folder holding `corpus/` (and later the glossary). */
  resourcesDir: string;
  clock?: () => number;
  appVersion?: string;
}

export type WindowState = NonNullable<StoreData['windowState']>;

/** The application behind the IPC contract, plus what the Electron glue needs besides it. */
export interface Services extends Handlers {
  windowState(): WindowState | null;
  saveWindowState(state: WindowState): Promise<void>;
  /** Flush, take the quit backup, stop timers. The object must not be used afterwards. */
  dispose(): Promise<void>;
}

/** The one seam between Electron and the application: tests and benchmarks call it directly. */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const clock = options.clock ?? Date.now;
  const now = () => new Date(clock());
  const [store, corpus, glossary] = await Promise.all([
    openStore({ dataDir: options.dataDir, clock }),
    loadCorpus(join(options.resourcesDir, 'corpus')),
    loadGlossary(join(options.resourcesDir, 'glossary')),
  ]);
  let recovery = store.recovery;
  const history = createHistory(store);
  await expireTrash(store, now);

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
    ...highlightServices(store, corpus, history, now),
    'history:undo': () => history.undo(),
    'history:redo': () => history.redo(),
    'history:state': () => history.state(),
    ...glossaryServices(glossary, corpus),
    windowState: () => store.data.windowState,
    saveWindowState: (state) => store.apply([{ type: 'set', doc: 'windowState', value: state }]),
    dispose: () => store.close(),
  };
  return services;
}
