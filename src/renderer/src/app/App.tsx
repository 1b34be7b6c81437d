import { useCallback, useEffect, useState } from 'react';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { Sidebar, type ViewName } from '../components/Sidebar';
import { Notices, useNotices } from '../components/Notices';
import { RecoveryBanner } from '../components/RecoveryBanner';
import { LibraryView } from '../features/library/LibraryView';
import { ReaderView } from '../features/reader/ReaderView';
import { hasMod, isTyping, modalOpen } from '../lib/keys';
import { useTheme } from '../lib/useTheme';
import { useAppData } from './useAppData';

interface Navigation {
  view: ViewName;
  articleId: string | null;
}

export function App() {
  const notices = useNotices();
  const { data, loadError, updateSettings, saveProgress, dismissRecovery } = useAppData(
    notices.push,
  );
  const [navigation, setNavigation] = useState<Navigation | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useTheme(data?.settings.theme ?? 'system');

  // Until the user navigates, reopen what was open at quit: the last article, or the Library.
  const remembered = data?.settings.lastArticleId ?? null;
  const lastArticleId = data?.articles.some((a) => a.id === remembered) ? remembered : null;
  const { view, articleId } = navigation ?? {
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

  const go = useCallback(
    (next: ViewName) => {
      setNavigation({ view: next, articleId });
      updateSettings({ lastArticleId: next === 'reader' ? articleId : null });
    },
    [articleId, updateSettings],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event) || modalOpen()) return;
      if (event.key === '?' && !hasMod(event)) {
        event.preventDefault();
        setShortcutsOpen(true);
      } else if (hasMod(event) && !event.altKey && (event.key === '1' || event.key === '2')) {
        event.preventDefault();
        go(event.key === '1' ? 'library' : 'reader');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

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
        onShowShortcuts={() => setShortcutsOpen(true)}
      />
      <div className="app-main">
        {data.info.recovery && (
          <RecoveryBanner notice={data.info.recovery} onDismiss={dismissRecovery} />
        )}
        {view === 'library' || !currentId ? (
          <LibraryView articles={data.articles} progress={data.progress} onOpen={openArticle} />
        ) : (
          <ReaderView
            key={currentId}
            articleId={currentId}
            articles={data.articles}
            settings={data.settings}
            progress={data.progress[currentId] ?? null}
            onOpen={openArticle}
            onSettings={updateSettings}
            onProgress={saveProgress}
            onNotice={notices.push}
          />
        )}
      </div>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <Notices notices={notices.list} onDismiss={notices.dismiss} />
    </div>
  );
}
