import { useCallback, useEffect, useMemo, useState } from 'react';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { Sidebar, type ViewName } from '../components/Sidebar';
import { Notices, useNotices } from '../components/Notices';
import { RecoveryBanner } from '../components/RecoveryBanner';
import { CardEditor } from '../features/cards/CardEditor';
import { CardsView } from '../features/cards/CardsView';
import { CompareView } from '../features/compare/CompareView';
import { GlossaryView } from '../features/glossary/GlossaryView';
import { LibraryView } from '../features/library/LibraryView';
import { NotesView } from '../features/notes/NotesView';
import { ReaderView, type ReaderTarget } from '../features/reader/ReaderView';
import { ReviewView } from '../features/review/ReviewView';
import { StatsView } from '../features/stats/StatsView';
import { TrashView } from '../features/trash/TrashView';
import { CommandPalette } from '../features/search/CommandPalette';
import { appCommands } from '../features/search/commands';
import { SearchView } from '../features/search/SearchView';
import { DataView } from '../features/settings/DataView';
import { AboutDialog } from '../features/help/AboutDialog';
import { HelpView } from '../features/help/HelpView';
import { WelcomeTour } from '../features/help/WelcomeTour';
import type { SearchHit } from '../../../shared/search';
import { api, call, errorMessage } from '../lib/api';
import { onOpenCardEditor, openCardEditor, type CardEditorRequest } from '../lib/cardEvents';
import { hasMod, isTyping, modalOpen } from '../lib/keys';
import { runHistory } from '../lib/undo';
import { useTheme } from '../lib/useTheme';
import { useAppData } from './useAppData';

interface Navigation {
  view: ViewName;
  articleId: string | null;
  /** A highlight to scroll to and select when the reader opens. */
  target?: ReaderTarget;
  /** The glossary entry to show. */
  termId?: string;
  /** What the Search view opens with. */
  query?: string;
}

const VIEW_KEYS: Record<string, ViewName> = {
  1: 'library',
  2: 'reader',
  3: 'notes',
  4: 'glossary',
  5: 'review',
  6: 'cards',
  7: 'stats',
  8: 'compare',
  9: 'trash',
};
let nonce = 0;

export function App() {
  const notices = useNotices();
  const { data, loadError, updateSettings, saveProgress, dismissRecovery } = useAppData(
    notices.push,
  );
  const [navigation, setNavigation] = useState<Navigation | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [aboutOpen, setAboutOpen] = useState(false);
  /** Asked for again from Help; on a first run it shows until it is closed once. */
  const [tourAsked, setTourAsked] = useState(false);
  const [cardEditor, setCardEditor] = useState<CardEditorRequest | null>(null);
  useEffect(() => onOpenCardEditor(setCardEditor), []);
  useTheme(data?.settings.theme ?? 'system');

  // Until the user navigates, reopen what was open at quit: the last article, or the Library.
  const remembered = data?.settings.lastArticleId ?? null;
  const lastArticleId = data?.articles.some((a) => a.id === remembered) ? remembered : null;
  const { view, articleId, target, termId, query } = navigation ?? {
    view: lastArticleId ? 'reader' : 'library',
    articleId: lastArticleId,
  };

  const openArticle = useCallback(
    (id: string) => {
      setNavigation({ view: 'reader', articleId: id });
      updateSettings({ lastArticleId: id });
    },
    [updateSettings],
  );

  const openAt = useCallback(
    (id: string, target: Omit<ReaderTarget, 'nonce'>) => {
      setNavigation({ view: 'reader', articleId: id, target: { ...target, nonce: ++nonce } });
      updateSettings({ lastArticleId: id });
    },
    [updateSettings],
  );
  const openHighlight = useCallback(
    (id: string, highlightId: string, reattach = false) => openAt(id, { highlightId, reattach }),
    [openAt],
  );
  const openTerm = useCallback(
    (id: string) => setNavigation({ view: 'glossary', articleId, termId: id }),
    [articleId],
  );
  const openPassage = useCallback(
    (id: string, start: number, end: number) => openAt(id, { passage: { start, end } }),
    [openAt],
  );

  const go = useCallback(
    (next: ViewName) => {
      setNavigation({ view: next, articleId });
      updateSettings({ lastArticleId: next === 'reader' ? articleId : null });
    },
    [articleId, updateSettings],
  );

  const openSearch = useCallback(
    (text: string) => setNavigation({ view: 'search', articleId, query: text, target: undefined }),
    [articleId],
  );
  const openHit = useCallback(
    (hit: SearchHit) => {
      const t = hit.target;
      if (t.kind === 'passage') openPassage(t.articleId, t.start, t.end);
      else if (t.kind === 'term') openTerm(t.termId);
      else if (t.kind === 'note') openHighlight(t.articleId, t.highlightId);
      else {
        call(api.cardsList()).then(
          (cards) => {
            const card = cards.find((c) => c.id === t.cardId);
            if (card) openCardEditor({ kind: 'edit', card });
            else notices.push('That card no longer exists.');
          },
          (error: unknown) => notices.push(errorMessage(error)),
        );
      }
    },
    [openPassage, openTerm, openHighlight, notices],
  );
  const commands = useMemo(
    () =>
      appCommands({
        go,
        toggleTheme: () =>
          updateSettings({
            theme: document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark',
          }),
        showShortcuts: () => setShortcutsOpen(true),
        showAbout: () => setAboutOpen(true),
        showTour: () => setTourAsked(true),
        newCard: () => openCardEditor({ kind: 'new' }),
      }),
    [go, updateSettings],
  );

  useEffect(() => {
    // Ctrl/Cmd+K and Ctrl/Cmd+Shift+F work from inside text fields too.
    const onSearchKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !hasMod(event) || event.altKey || modalOpen()) return;
      const key = event.key.toLowerCase();
      if (key === 'k' && !event.shiftKey) {
        event.preventDefault();
        setPaletteOpen(true);
      } else if (key === 'f' && event.shiftKey) {
        event.preventDefault();
        openSearch('');
      }
    };
    window.addEventListener('keydown', onSearchKey);
    return () => window.removeEventListener('keydown', onSearchKey);
  }, [openSearch]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event) || modalOpen()) return;
      const key = event.key.toLowerCase();
      if (event.key === '?' && !hasMod(event)) {
        event.preventDefault();
        setShortcutsOpen(true);
      } else if (event.key === 'F1') {
        event.preventDefault();
        go('help');
      } else if (hasMod(event) && !event.altKey && VIEW_KEYS[event.key]) {
        event.preventDefault();
        go(VIEW_KEYS[event.key]);
      } else if (hasMod(event) && !event.altKey && (key === 'z' || key === 'y')) {
        event.preventDefault();
        void runHistory(key === 'y' || event.shiftKey ? 'redo' : 'undo', notices.push);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, notices.push]);

  const closeTour = () => {
    setTourAsked(false);
    if (!data?.settings.tourDone) updateSettings({ tourDone: true });
  };

  if (loadError) {
    return (
      <main className="app-error" role="alert">
        <h1>Xinzhi could not load your library</h1>
        <p>{loadError}</p>
      </main>
    );
  }
  if (!data) return <div className="app-loading" aria-busy="true" aria-label="Loading" />;

  const currentId = articleId ?? data.articles[0]?.id ?? null;
  return (
    <div className="app">
      <Sidebar
        view={view}
        onNavigate={go}
        readerTitle={data.articles.find((a) => a.id === currentId)?.title ?? null}
        onOpenPalette={() => setPaletteOpen(true)}
      />
      <div className="app-main">
        {data.info.recovery && (
          <RecoveryBanner notice={data.info.recovery} onDismiss={dismissRecovery} />
        )}
        {view === 'notes' ? (
          <NotesView
            articles={data.articles}
            onOpenHighlight={openHighlight}
            onNotice={notices.push}
          />
        ) : view === 'glossary' ? (
          <GlossaryView
            key={termId}
            articles={data.articles}
            initialTermId={termId ?? null}
            onOpenPassage={openPassage}
          />
        ) : view === 'review' ? (
          <ReviewView
            articles={data.articles}
            settings={data.settings}
            onSettings={updateSettings}
            onNotice={notices.push}
            onOpenPassage={openPassage}
            onNavigate={go}
          />
        ) : view === 'cards' ? (
          <CardsView onNotice={notices.push} onOpenPassage={openPassage} />
        ) : view === 'stats' ? (
          <StatsView onNotice={notices.push} onReview={() => go('review')} />
        ) : view === 'compare' ? (
          <CompareView articles={data.articles} onOpenPassage={openPassage} />
        ) : view === 'search' ? (
          <SearchView
            key={query}
            articles={data.articles}
            initialQuery={query ?? ''}
            onOpenHit={openHit}
          />
        ) : view === 'help' ? (
          <HelpView
            dataDir={data.info.dataDir}
            onShowTour={() => setTourAsked(true)}
            onShowAbout={() => setAboutOpen(true)}
            onOpenData={() => go('data')}
          />
        ) : view === 'data' ? (
          <DataView dataDir={data.info.dataDir} onNotice={notices.push} />
        ) : view === 'trash' ? (
          <TrashView articles={data.articles} onNotice={notices.push} />
        ) : view === 'library' || !currentId ? (
          <LibraryView articles={data.articles} progress={data.progress} onOpen={openArticle} />
        ) : (
          <ReaderView
            // Opened at a target (from search, say), the reader mounts anew, even on the same
            // article: it selects and flashes what it was opened at.
            key={`${currentId}:${target?.nonce ?? 0}`}
            articleId={currentId}
            articles={data.articles}
            settings={data.settings}
            progress={data.progress[currentId] ?? null}
            onOpen={openArticle}
            onSettings={updateSettings}
            onProgress={saveProgress}
            onNotice={notices.push}
            target={target ?? null}
            onOpenTerm={openTerm}
          />
        )}
      </div>
      {cardEditor && (
        <CardEditor
          key={JSON.stringify(cardEditor)}
          request={cardEditor}
          onClose={() => setCardEditor(null)}
          onNotice={notices.push}
        />
      )}
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <AboutDialog
        open={aboutOpen}
        version={data.info.version}
        sources={data.info.sources}
        onClose={() => setAboutOpen(false)}
      />
      <WelcomeTour
        open={tourAsked || !data.settings.tourDone}
        onClose={closeTour}
        onStart={() => {
          closeTour();
          const first = data.articles[0];
          if (first) openArticle(first.id);
        }}
      />
      <CommandPalette
        open={paletteOpen}
        commands={commands}
        onClose={() => setPaletteOpen(false)}
        onOpenHit={openHit}
        onSearchView={openSearch}
      />
      <Notices notices={notices.list} onDismiss={notices.dismiss} />
    </div>
  );
}
