import { useEffect, useRef } from 'react';
import type { ArticleSummary } from '../../../../shared/article';
import type { ReadingProgress } from '../../../../shared/settings';
import { Icon } from '../../components/Icon';
import { KIND_LABEL, formatDate } from '../../lib/format';
import { api, call } from '../../lib/api';
import { useHighlightQuery } from '../../lib/useHighlightQuery';
import '../../styles/notes.css';

interface Props {
  articles: ArticleSummary[];
  progress: Record<string, ReadingProgress>;
  onOpen(id: string): void;
}

/** "3 highlights · 1 note"; nothing for an article with no highlights. */
function marksLabel(counts: { highlights: number; notes: number } | undefined): string | null {
  if (!counts?.highlights) return null;
  const h = `${counts.highlights} highlight${counts.highlights === 1 ? '' : 's'}`;
  return counts.notes ? `${h} · ${counts.notes} note${counts.notes === 1 ? '' : 's'}` : h;
}

const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowRight: (i, n) => Math.min(n - 1, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  ArrowLeft: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

const summary = () => call(api.highlightsSummary());

export function LibraryView({ articles, progress, onOpen }: Props) {
  const list = useRef<HTMLOListElement>(null);
  // Counts are a hint: if they cannot be loaded the cards simply show none. Only the counts
  // cross from the main process, not every highlight.
  const counts = useHighlightQuery(summary)?.byArticle ?? {};
  const totalMinutes = articles.reduce((sum, a) => sum + a.readingMinutes, 0);
  const finished = articles.filter((a) => (progress[a.id]?.maxPercent ?? 0) >= 98).length;
  // The article read most recently, unless it is finished: one click takes you back to it.
  const resume = articles
    .filter((a) => progress[a.id] && progress[a.id].percent < 98)
    .sort((a, b) => progress[b.id].updatedAt.localeCompare(progress[a.id].updatedAt))[0];

  // Focus moves into the view when it opens, so arrows and Enter work at once.
  useEffect(
    () => list.current?.querySelector<HTMLButtonElement>('button.article-card')?.focus(),
    [],
  );

  const onKeyDown = (event: React.KeyboardEvent) => {
    const move = MOVES[event.key];
    const buttons = Array.from(
      list.current?.querySelectorAll<HTMLButtonElement>('button.article-card') ?? [],
    );
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (!move || index < 0) return;
    event.preventDefault();
    buttons[move(index, buttons.length)]?.focus();
  };

  return (
    <main className="library" aria-labelledby="library-title">
      <header className="view-header">
        <h1 id="library-title">Library</h1>
        <p className="view-sub">
          {articles.length} articles on new quality productive forces · about {totalMinutes} minutes
          of reading · {finished} finished
        </p>
        {resume && (
          <p className="resume">
            <span className="muted">Continue reading</span>{' '}
            <button type="button" className="link-button" onClick={() => onOpen(resume.id)}>
              {resume.title}
            </button>{' '}
            <span className="muted">— {Math.round(progress[resume.id].percent)}% in</span>
          </p>
        )}
      </header>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- arrow keys move focus between the buttons inside */}
      <ol className="article-list" ref={list} onKeyDown={onKeyDown} aria-label="Articles">
        {articles.map((a) => {
          const percent = Math.round(progress[a.id]?.maxPercent ?? 0);
          const marks = marksLabel(counts[a.id]);
          return (
            <li key={a.id}>
              <button
                type="button"
                className="article-card"
                onClick={() => onOpen(a.id)}
                aria-describedby={marks ? `meta-${a.id} marks-${a.id}` : `meta-${a.id}`}
              >
                <span className="card-top">
                  <span className={`kind kind-${a.kind}`}>{KIND_LABEL[a.kind]}</span>
                  <span className="card-date">{formatDate(a.date)}</span>
                </span>
                <span className="card-title">{a.title}</span>
                <span className="card-byline" id={`meta-${a.id}`}>
                  {a.author} · {a.publisher} · {a.readingMinutes} min read
                </span>
                <span className="card-about">{a.about}</span>
                {marks && (
                  // Described, not named: the count ("2 notes") must not change the card's name.
                  <span className="card-marks" id={`marks-${a.id}`} aria-hidden="true">
                    <Icon name="highlighter" size={15} />
                    {marks}
                  </span>
                )}
                <span className="card-progress">
                  <span
                    className="progress"
                    role="progressbar"
                    aria-label={`Read of ${a.title}`}
                    aria-valuenow={percent}
                    aria-valuemin={0}
                    aria-valuemax={100}
                  >
                    <span className="progress-fill" style={{ width: `${percent}%` }} />
                  </span>
                  <span className="progress-label">
                    {percent === 0 ? 'Not started' : `${percent}%`}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </main>
  );
}
