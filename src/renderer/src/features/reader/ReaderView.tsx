import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article, ArticleSummary } from '../../../../shared/article';
import {
  FONT_SIZE,
  type ReadingPosition,
  type ReadingProgress,
  type Settings,
} from '../../../../shared/settings';
import { Icon } from '../../components/Icon';
import type { Report } from '../../components/Notices';
import { smooth } from '../../lib/text';
import { api, call, errorMessage } from '../../lib/api';
import { hasMod, isTyping, modalOpen } from '../../lib/keys';
import { AboutPanel } from './AboutPanel';
import { FindBar } from './FindBar';
import { Annotations, type ReaderTarget } from './Annotations';
import { prefetchHighlights } from './useHighlights';
import { ArticleBody } from './ArticleBody';
import { ReadingSettings } from './ReadingSettings';
import { Toc } from './Toc';
import { scrollToBlock, useReadingPosition } from './useReadingPosition';

interface Props {
  articleId: string;
  articles: ArticleSummary[];
  settings: Settings;
  progress: ReadingProgress | null;
  onOpen(id: string): void;
  onSettings(patch: Partial<Settings>): void;
  onProgress(articleId: string, position: ReadingPosition): void;
  onNotice: Report;
  /** Set when the reader was opened at a highlight (from Notes); a new nonce each time. */
  target: ReaderTarget | null;
  onOpenTerm(termId: string): void;
}

export type { ReaderTarget };

const EXTEND: Record<string, ['forward' | 'backward', 'character' | 'line']> = {
  ArrowRight: ['forward', 'character'],
  ArrowLeft: ['backward', 'character'],
  ArrowDown: ['forward', 'line'],
  ArrowUp: ['backward', 'line'],
};

/**
 * Shift+arrows extend the selection from a caret placed with a click (Ctrl/Alt+Shift by word),
 * as in an editor: the way to highlight from the keyboard in read-only text.
 */
function extendSelection(container: HTMLElement, event: KeyboardEvent): boolean {
  const move = EXTEND[event.key];
  const selection = document.getSelection();
  if (!move || !selection?.anchorNode || !container.contains(selection.anchorNode)) return false;
  const byWord = move[1] === 'character' && (event.ctrlKey || event.metaKey);
  selection.modify('extend', move[0], byWord ? 'word' : move[1]);
  return true;
}

/** Briefly highlights an element the user jumped to, then moves focus there. */
function flash(element: HTMLElement) {
  element.classList.remove('flash');
  void element.offsetWidth; // restart the animation
  element.classList.add('flash');
  element.focus({ preventScroll: true });
}

export function ReaderView(props: Props) {
  const { articleId, articles, settings, onOpen, onSettings } = props;
  const [article, setArticle] = useState<Article | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [showToc, setShowToc] = useState(true);
  const [showAbout, setShowAbout] = useState(false);
  const [showSettings, setShowSettings] = useState(false);
  const pane = useRef<HTMLDivElement>(null);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const closeSettings = useCallback(() => {
    setShowSettings(false);
    settingsButton.current?.focus();
  }, []);
  const index = articles.findIndex((a) => a.id === articleId);
  const prev = articles[index - 1];
  const next = articles[index + 1];

  useEffect(() => {
    let live = true;
    prefetchHighlights(articleId);
    call(api.corpusGet({ id: articleId })).then(
      (a) => live && setArticle(a),
      (error: unknown) => live && setFailed(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [articleId]);

  const onProgress = props.onProgress;
  const save = useCallback(
    (p: ReadingPosition) => onProgress(articleId, p),
    [articleId, onProgress],
  );
  const { section, percent, savedBlock } = useReadingPosition(pane, article, props.progress, save);

  useEffect(() => {
    if (article) {
      document.title = `${article.title} — Xinzhi`;
      pane.current?.focus({ preventScroll: true });
    }
    return () => {
      document.title = 'Xinzhi';
    };
  }, [article]);

  const jumpTo = useCallback((id: string) => {
    const container = pane.current;
    const target = container?.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!container || !target) return;
    scrollToBlock(container, target, smooth());
    flash(target);
  }, []);

  const setFontSize = useCallback(
    (delta: number) => {
      const size = Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, settings.fontSize + delta));
      if (size !== settings.fontSize) onSettings({ fontSize: size });
    },
    [settings.fontSize, onSettings],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event) || event.altKey || modalOpen()) return;
      const container = pane.current;
      if (container && event.shiftKey && extendSelection(container, event)) {
        event.preventDefault();
        return;
      }
      if (hasMod(event)) {
        if (event.key === '=' || event.key === '+') setFontSize(FONT_SIZE.step);
        else if (event.key === '-' || event.key === '_') setFontSize(-FONT_SIZE.step);
        else return;
        event.preventDefault();
        return;
      }
      if (event.ctrlKey || event.metaKey || !container) return;
      const onButton =
        (event.target as HTMLElement).closest('button, a, [role="button"], [role="dialog"]') !==
        null;
      const page = container.clientHeight * 0.88;
      const scroll = (top: number) => container.scrollBy({ top, behavior: smooth() });
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          if (event.key === 'ArrowDown' && onButton) return;
          scroll(90);
          break;
        case 'k':
        case 'ArrowUp':
          if (event.key === 'ArrowUp' && onButton) return;
          scroll(-90);
          break;
        case ' ':
          if (onButton) return;
          scroll(event.shiftKey ? -page : page);
          break;
        case 'PageDown':
          scroll(page);
          break;
        case 'PageUp':
          scroll(-page);
          break;
        case '[':
          if (!prev) return;
          onOpen(prev.id);
          break;
        case ']':
          if (!next) return;
          onOpen(next.id);
          break;
        case 't':
          setShowToc((v) => !v);
          break;
        case 'i':
          setShowAbout((v) => !v);
          break;
        case 'Escape':
          if (!showSettings && !showAbout) return;
          setShowSettings(false);
          setShowAbout(false);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [prev, next, onOpen, setFontSize, showSettings, showAbout]);

  // Footnote references and back-links: jump inside the pane instead of navigating.
  const onArticleClick = (event: React.MouseEvent) => {
    const link = (event.target as Element).closest('a');
    const href = link?.getAttribute('href');
    if (!href?.startsWith('#')) return;
    event.preventDefault();
    jumpTo(decodeURIComponent(href.slice(1)));
  };

  if (failed) {
    return (
      <main className="reader reader-error" role="alert">
        <h1>This article could not be opened</h1>
        <p>{failed}</p>
      </main>
    );
  }

  const style = {
    '--reader-font-size': `${settings.fontSize}px`,
    '--reader-line-height': String(settings.lineHeight),
    '--reader-measure': `${settings.columnWidth}ch`,
  } as React.CSSProperties;

  return (
    <main className="reader" aria-label="Reader" aria-busy={!article}>
      <div className="reader-toolbar" role="toolbar" aria-label="Reader tools">
        <button
          type="button"
          className="icon-button"
          aria-label="Contents"
          aria-pressed={showToc}
          title="Contents (t)"
          onClick={() => setShowToc((v) => !v)}
        >
          <Icon name="toc" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={prev ? `Previous article: ${prev.title}` : 'Previous article'}
          title="Previous article ([)"
          disabled={!prev}
          onClick={() => prev && onOpen(prev.id)}
        >
          <Icon name="prev" />
        </button>
        <span className="toolbar-title" aria-hidden="true">
          {article?.title ?? ''}
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label={next ? `Next article: ${next.title}` : 'Next article'}
          title="Next article (])"
          disabled={!next}
          onClick={() => next && onOpen(next.id)}
        >
          <Icon name="next" />
        </button>
        <span className="toolbar-spacer" />
        <span className="toolbar-percent" data-saved-block={savedBlock ?? ''} aria-label="Progress">
          {Math.round(percent)}%
        </span>
        <div className="popover-anchor">
          <button
            type="button"
            className="icon-button"
            ref={settingsButton}
            aria-label="Reading settings"
            aria-expanded={showSettings}
            title="Reading settings"
            data-settings-toggle
            onClick={() => setShowSettings((v) => !v)}
          >
            <Icon name="text" />
          </button>
          {showSettings && (
            <ReadingSettings settings={settings} onChange={onSettings} onClose={closeSettings} />
          )}
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label="About this article"
          aria-pressed={showAbout}
          title="About this article (i)"
          onClick={() => setShowAbout((v) => !v)}
        >
          <Icon name="info" />
        </button>
      </div>
      {article && <FindBar article={article} pane={pane} />}
      <div className="reading-progress" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </div>
      <div className={`reader-body${showToc ? ' with-toc' : ''}${showAbout ? ' with-about' : ''}`}>
        {showToc && article && <Toc entries={article.toc} current={section} onJump={jumpTo} />}
        {/* A focusable scroll region (so keys scroll it); clicks are delegated for footnote links. */}
        {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- links inside handle keys natively */}
        <div
          className="reader-scroll"
          ref={pane}
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable
          tabIndex={0}
          role="region"
          aria-label={article ? `Text of ${article.title}` : 'Article text'}
          style={style}
          onClick={onArticleClick}
        >
          <div className="reader-page">
            {article && <ArticleBody article={article} />}
            {article && (
              <Annotations
                pane={pane}
                article={article}
                settings={settings}
                target={props.target}
                onSettings={onSettings}
                onNotice={props.onNotice}
                onOpenTerm={props.onOpenTerm}
              />
            )}
          </div>
        </div>
        {showAbout && article && (
          <AboutPanel
            article={article}
            onOpenTerm={props.onOpenTerm}
            onClose={() => setShowAbout(false)}
          />
        )}
      </div>
    </main>
  );
}
