import type { Article } from '../../../../shared/article';
import { KIND_LABEL, formatDate } from '../../lib/format';
import { Icon } from '../../components/Icon';
import { StudyNotes } from './StudyNotes';

/** "About this article": where the text comes from (its front matter), then our study notes. */
interface Props {
  article: Article;
  onOpenTerm(termId: string): void;
  onClose(): void;
}

export function AboutPanel({ article, onOpenTerm, onClose }: Props) {
  const isUrl = /^https?:\/\//.test(article.source);
  return (
    <aside className="about-panel" aria-labelledby="about-title">
      <header className="panel-header">
        <h2 id="about-title" className="panel-title">
          About this article
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close About this article"
          onClick={onClose}
        >
          <Icon name="close" size={18} />
        </button>
      </header>
      <p className="about-summary">{article.about}</p>
      <dl className="facts">
        <dt>Author</dt>
        <dd>
          {article.author}
          {article.authorNote && <span className="fact-note">{article.authorNote}</span>}
        </dd>
        <dt>Publisher</dt>
        <dd>{article.publisher}</dd>
        <dt>Published</dt>
        <dd>
          <time dateTime={article.date}>{formatDate(article.date)}</time>
        </dd>
        <dt>Kind of source</dt>
        <dd>{KIND_LABEL[article.kind]}</dd>
        <dt>Source</dt>
        <dd className="fact-source">
          {isUrl ? (
            <a href={article.source} target="_blank" rel="noopener noreferrer">
              {article.source}
            </a>
          ) : (
            article.source
          )}
        </dd>
        <dt>Length</dt>
        <dd>
          {article.words.toLocaleString('en')} words · {article.readingMinutes} min ·{' '}
          {article.sections} sections
        </dd>
      </dl>
      {article.titleEditorial && (
        <p className="muted small">
          The title is ours: the source published this piece without one.
        </p>
      )}
      <p className="muted small">
        The text is the author&rsquo;s, shown verbatim; only web page furniture and extraction
        damage were removed.
      </p>
      <StudyNotes article={article} onOpenTerm={onOpenTerm} />
    </aside>
  );
}
