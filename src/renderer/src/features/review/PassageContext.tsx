import { useEffect, useState } from 'react';
import type { Article, ArticleSummary } from '../../../../shared/article';
import type { CardView } from '../../../../shared/cards';
import { Icon } from '../../components/Icon';
import { api, call } from '../../lib/api';
import { formatDate } from '../../lib/format';

interface Props {
  source: NonNullable<CardView['source']>;
  article: ArticleSummary | null;
  onOpen(): void;
  onClose(): void;
}

/** The paragraphs a card's passage sits in, with the passage marked, beside the card. */
export function PassageContext({ source, article, onOpen, onClose }: Props) {
  const [full, setFull] = useState<Article | null>(null);
  useEffect(() => {
    let live = true;
    call(api.corpusGet({ id: source.articleId })).then(
      (a) => live && setFull(a),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [source.articleId]);

  const blocks =
    full?.blocks.filter((b) => b.start < source.end && b.start + b.text.length > source.start) ??
    [];
  return (
    <aside className="passage-context" aria-labelledby="context-title">
      <header className="panel-header">
        <h2 id="context-title" className="panel-title">
          In context
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the passage"
          onClick={onClose}
        >
          <Icon name="close" size={18} />
        </button>
      </header>
      {article && (
        <p className="context-source">
          <cite>{article.title}</cite>
          <span>
            {article.author}, {article.publisher}, {formatDate(article.date)}
          </span>
        </p>
      )}
      <div className="context-text">
        {blocks.map((b) => {
          const from = Math.max(0, source.start - b.start);
          const to = Math.min(b.text.length, source.end - b.start);
          return (
            <p key={b.id}>
              {b.text.slice(0, from)}
              <mark>{b.text.slice(from, to)}</mark>
              {b.text.slice(to)}
            </p>
          );
        })}
      </div>
      <button type="button" className="button" onClick={onOpen}>
        <Icon name="reader" size={16} /> Open in the reader
      </button>
    </aside>
  );
}
