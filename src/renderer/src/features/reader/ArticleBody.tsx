import { memo, useMemo, type ReactNode } from 'react';
import type { Article, Block } from '../../../../shared/article';
import { sanitizeInline } from '../../lib/sanitize';
import { KIND_LABEL, formatDate } from '../../lib/format';

function BlockElement({ block }: { block: Block }) {
  const html = { __html: sanitizeInline(block.html) };
  const common = { id: block.id, 'data-block-id': block.id, dangerouslySetInnerHTML: html };
  switch (block.kind) {
    case 'heading': {
      const Heading = block.level === 2 ? 'h2' : 'h3';
      return <Heading {...common} tabIndex={-1} />;
    }
    case 'list-item':
    case 'footnote':
      return <li {...common} tabIndex={block.kind === 'footnote' ? -1 : undefined} />;
    default:
      return <p {...common} />;
  }
}

/** Wraps runs of list items and quote paragraphs in their list / blockquote element. */
function groupBlocks(blocks: Block[]): ReactNode[] {
  const out: ReactNode[] = [];
  for (let i = 0; i < blocks.length;) {
    const group = blocks[i].group;
    if (!group) {
      out.push(<BlockElement key={blocks[i].id} block={blocks[i]} />);
      i++;
      continue;
    }
    const members: Block[] = [];
    while (i < blocks.length && blocks[i].group?.id === group.id) members.push(blocks[i++]);
    const children = members.map((b) => <BlockElement key={b.id} block={b} />);
    const Tag = group.tag;
    out.push(<Tag key={`g${group.id}`}>{children}</Tag>);
  }
  return out;
}

/** The article as the reader shows it. Rendered once per article; scrolling never re-renders it. */
export const ArticleBody = memo(function ArticleBody({ article }: { article: Article }) {
  const { body, notes } = useMemo(() => {
    const main = article.blocks.filter((b) => b.kind !== 'footnote');
    const footnotes = article.blocks.filter((b) => b.kind === 'footnote');
    return {
      body: groupBlocks(main),
      notes: footnotes.map((b) => <BlockElement key={b.id} block={b} />),
    };
  }, [article]);

  return (
    <article className="article" aria-labelledby="article-title">
      <header className="article-header">
        <p className="article-kicker">
          <span className={`kind kind-${article.kind}`}>{KIND_LABEL[article.kind]}</span>
          <span>{article.publisher}</span>
        </p>
        <h1 id="article-title">{article.title}</h1>
        <p className="article-byline">
          <span className="author">{article.author}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={article.date}>{formatDate(article.date)}</time>
          <span aria-hidden="true"> · </span>
          <span>{article.readingMinutes} min read</span>
        </p>
      </header>
      {body}
      {notes.length > 0 && (
        <section className="footnotes" aria-labelledby="notes-title">
          <h2 id="notes-title" className="footnotes-title">
            Notes
          </h2>
          <ol>{notes}</ol>
        </section>
      )}
      <footer className="article-end" aria-hidden="true">
        ◆
      </footer>
    </article>
  );
});
