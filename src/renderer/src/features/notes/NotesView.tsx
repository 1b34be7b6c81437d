import type { ArticleSummary } from '../../../../shared/article';
import type { Report } from '../../components/Notices';

interface Props {
  articles: ArticleSummary[];
  /** Opens the reader at a highlight; `reattach` starts re-attaching an orphaned one. */
  onOpenHighlight(articleId: string, highlightId: string, reattach?: boolean): void;
  onNotice: Report;
}

/** Every highlight across the corpus (placeholder until the Notes view lands). */
export function NotesView(_props: Props) {
  return (
    <main className="view" aria-labelledby="notes-title">
      <h1 id="notes-title">Notes</h1>
    </main>
  );
}
