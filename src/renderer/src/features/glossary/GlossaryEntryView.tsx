import type { ArticleSummary } from '../../../../shared/article';
import { CATEGORY_LABEL, type ContextLine, type GlossaryItem } from '../../../../shared/glossary';
import { formatDate } from '../../lib/format';

interface Props {
  item: GlossaryItem;
  items: GlossaryItem[];
  lines: ContextLine[];
  articles: ArticleSummary[];
  onSelect(id: string): void;
  onOpenPassage(articleId: string, start: number, end: number): void;
}

/** One entry: definition, Chinese and pinyin, sources, related terms, use per article, and every
 * occurrence in context (each opens the reader at the passage). */
export function GlossaryEntryView({
  item,
  items,
  lines,
  articles,
  onSelect,
  onOpenPassage,
}: Props) {
  const title = (id: string) => articles.find((a) => a.id === id)?.title ?? id;
  const most = Math.max(1, ...Object.values(item.counts));
  const related = item.related
    .map((id) => items.find((i) => i.id === id))
    .filter((i): i is GlossaryItem => i !== undefined);

  return (
    <article className="glossary-entry" aria-labelledby="entry-title">
      <header>
        <p className="entry-category">{CATEGORY_LABEL[item.category]}</p>
        <h2 id="entry-title">{item.term}</h2>
        {item.chinese && (
          <p className="entry-chinese">
            <span lang="zh-Hans">{item.chinese}</span> <span className="pinyin">{item.pinyin}</span>
          </p>
        )}
        {item.aliases.length > 0 && (
          <p className="entry-aliases">Also: {item.aliases.join(' · ')}</p>
        )}
      </header>
      <p className="entry-definition">{item.definition}</p>
      {item.framing && (
        <aside className="entry-framing" aria-label="How the sources differ">
          <h3>How the sources differ</h3>
          <p>{item.framing}</p>
        </aside>
      )}

      <section aria-labelledby="entry-sources">
        <h3 id="entry-sources">Based on</h3>
        <ul className="entry-citations">
          {item.citations.map((c) => (
            <li key={`${c.articleId}-${c.start}`}>
              <button
                type="button"
                className="citation"
                disabled={c.start < 0}
                onClick={() => onOpenPassage(c.articleId, c.start, c.end)}
              >
                <q>{c.quote}</q>
                <span className="citation-source">{title(c.articleId)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      {related.length > 0 && (
        <section aria-labelledby="entry-related">
          <h3 id="entry-related">Related terms</h3>
          <ul className="entry-related">
            {related.map((r) => (
              <li key={r.id}>
                <button type="button" className="chip-button" onClick={() => onSelect(r.id)}>
                  {r.term}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="entry-usage">
        <h3 id="entry-usage">
          Use in the articles <span className="usage-total">{item.total} in all</span>
        </h3>
        <ul className="usage-chart">
          {articles.map((a) => {
            const n = item.counts[a.id] ?? 0;
            return (
              <li key={a.id} aria-label={`${a.title}: ${n}`}>
                <span className="usage-label" aria-hidden="true">
                  {a.publisher}
                </span>
                <span className="usage-bar" aria-hidden="true">
                  <span style={{ width: `${(n / most) * 100}%` }} />
                </span>
                <span className="usage-count" aria-hidden="true">
                  {n}
                </span>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="entry-occurrences">
        <h3 id="entry-occurrences">Every occurrence</h3>
        {articles
          .filter((a) => lines.some((l) => l.articleId === a.id))
          .map((a) => (
            <section key={a.id} className="kwic-group" aria-label={a.title}>
              <h4>
                {a.title}{' '}
                <span className="kwic-meta">
                  {a.publisher}, {formatDate(a.date)}
                </span>
              </h4>
              <ol className="kwic">
                {lines
                  .filter((l) => l.articleId === a.id)
                  .map((l) => (
                    <li key={l.start}>
                      <button
                        type="button"
                        onClick={() => onOpenPassage(l.articleId, l.start, l.end)}
                      >
                        <span className="kwic-before">
                          {/* Right-aligned and cut at the left; the text itself stays LTR. */}
                          <bdi>…{l.before.replace(/\s+/g, ' ')}</bdi>
                        </span>
                        <mark>{l.match}</mark>
                        <span className="kwic-after">{l.after.replace(/\s+/g, ' ')}…</span>
                      </button>
                    </li>
                  ))}
              </ol>
            </section>
          ))}
      </section>
    </article>
  );
}
