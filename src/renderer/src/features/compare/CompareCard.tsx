import type { ArticleSummary } from '../../../../shared/article';
import type { ComparisonItem, PlacedQuote } from '../../../../shared/glossary';
import { Icon } from '../../components/Icon';
import { KIND_LABEL, formatDate } from '../../lib/format';

interface Props {
  article: ArticleSummary;
  item: ComparisonItem;
  /** Id of the hidden text that says what a quote button does. */
  hintId: string;
  onOpenPassage(articleId: string, start: number, end: number): void;
}

/** A fragment shows it is one: an ellipsis where it starts mid-sentence or stops short. */
function ellipses(text: string): { before: boolean; after: boolean } {
  return {
    before: /^[\p{Ll}]/u.test(text),
    after: !/[.!?”"’)]$/u.test(text.trim()),
  };
}

function Quote({
  quote,
  articleId,
  hintId,
  onOpenPassage,
}: {
  quote: PlacedQuote;
  articleId: string;
  hintId: string;
  onOpenPassage: Props['onOpenPassage'];
}) {
  const { before, after } = ellipses(quote.text);
  // A quote the server could not place (start < 0) is still worth reading, but cannot open.
  const placed = quote.start >= 0;
  return (
    <li>
      <button
        type="button"
        className="compare-quote"
        disabled={!placed}
        aria-describedby={placed ? hintId : undefined}
        onClick={() => onOpenPassage(articleId, quote.start, quote.end)}
      >
        {/* The marks are decoration: the button is named by the quote itself. */}
        <span className="compare-quote-text">
          {before && <span aria-hidden="true">…</span>}
          {quote.text}
          {after && <span aria-hidden="true">…</span>}
        </span>
        {placed && (
          <span className="compare-quote-go" aria-hidden="true">
            <Icon name="next" size={14} />
          </span>
        )}
      </button>
    </li>
  );
}

/** One source: who wrote it and when, its angle, our reading of it, and the quotes that show it. */
export function CompareCard({ article, item, hintId, onOpenPassage }: Props) {
  const titleId = `compare-${article.id}-title`;
  return (
    <article className={`compare-card compare-${article.kind}`} aria-labelledby={titleId}>
      <header className="compare-source">
        <p className="compare-top">
          <span className={`kind kind-${article.kind}`}>{KIND_LABEL[article.kind]}</span>
          <span className="compare-length">{article.readingMinutes} min read</span>
        </p>
        <h2 id={titleId} className="compare-title">
          {article.title}
        </h2>
        <p className="compare-byline">
          <span className="compare-author">{article.author}</span>
          {' · '}
          <span className="compare-publisher">{article.publisher}</span>
          {' · '}
          <time dateTime={article.date}>{formatDate(article.date)}</time>
        </p>
      </header>
      <div className="compare-reading">
        <h3 className="compare-angle">{item.angle}</h3>
        <p className="compare-characterisation">{item.characterisation}</p>
      </div>
      <div className="compare-evidence">
        <h4 className="compare-quotes-title">In its own words</h4>
        <ul className="compare-quotes">
          {item.quotes.map((q) => (
            <Quote
              key={`${q.start}-${q.text}`}
              quote={q}
              articleId={article.id}
              hintId={hintId}
              onOpenPassage={onOpenPassage}
            />
          ))}
        </ul>
      </div>
    </article>
  );
}
