import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../../shared/article';
import type { ComparisonItem } from '../../../../shared/glossary';
import { api, call, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { CompareCard } from './CompareCard';
import '../../styles/compare.css';

interface Props {
  articles: ArticleSummary[];
  onOpenPassage(articleId: string, start: number, end: number): void;
}

const NUMBERS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];

/** Where the view was scrolled to, so coming back from a quote lands where you left. */
let savedScroll = 0;

/**
 * How the five sources characterise new quality productive forces, side by side in the corpus's
 * (chronological) order: each source's angle, our reading of it, and quotes that open the reader.
 */
export function CompareView({ articles, onOpenPassage }: Props) {
  const [items, setItems] = useState<ComparisonItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scroller = useRef<HTMLElement>(null);

  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    call(api.glossaryCompare()).then(
      (found) => live && setItems(found),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const retry = () => {
    setError(null);
    setAttempt((n) => n + 1);
  };

  useLayoutEffect(() => {
    if (items && scroller.current) scroller.current.scrollTop = savedScroll;
  }, [items]);

  const byId = new Map(articles.map((a) => [a.id, a]));
  const shown = (items ?? []).flatMap((item) => {
    const article = byId.get(item.articleId);
    return article ? [{ item, article }] : [];
  });
  const first = shown[0]?.article.date;
  const last = shown[shown.length - 1]?.article.date;
  const count = NUMBERS[shown.length] ?? String(shown.length);

  return (
    <main
      className="compare-view"
      aria-labelledby="compare-title"
      ref={scroller}
      onScroll={(e) => (savedScroll = e.currentTarget.scrollTop)}
    >
      <header className="view-header compare-header">
        <h1 id="compare-title">Compare the sources</h1>
        <p className="view-sub">
          The same concept seen from a Party journal, a think tank and the media. Each column gives
          the source&rsquo;s angle, our reading of how it frames new quality productive forces, and
          passages in its own words: choose one to read it in context.
        </p>
        {first && last && (
          <p className="compare-range">
            {count} sources in order of publication, {formatDate(first)} to {formatDate(last)}
          </p>
        )}
      </header>
      {error ? (
        <div className="compare-status" role="alert">
          <p>The comparison could not be loaded. {error}</p>
          <button type="button" className="button" onClick={retry}>
            Try again
          </button>
        </div>
      ) : !items ? (
        <p className="compare-status muted" aria-busy="true">
          Loading the comparison…
        </p>
      ) : (
        <>
          <p id="compare-quote-hint" className="visually-hidden">
            Opens the article at this passage
          </p>
          <ol className="compare-grid" aria-label="Sources">
            {shown.map(({ item, article }) => (
              <li key={article.id} className="compare-cell">
                <CompareCard
                  article={article}
                  item={item}
                  hintId="compare-quote-hint"
                  onOpenPassage={onOpenPassage}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </main>
  );
}
