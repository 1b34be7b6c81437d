import type { ArticleSummary } from '../../../../shared/article';

interface Props {
  articles: ArticleSummary[];
  onOpenPassage(articleId: string, start: number, end: number): void;
}

/** How the five sources characterise the concept, side by side (placeholder). */
export function CompareView(_props: Props) {
  return (
    <main className="view" aria-labelledby="compare-title">
      <h1 id="compare-title">Compare the sources</h1>
    </main>
  );
}
