import type { ArticleSummary } from '../../../../shared/article';
import type { Report } from '../../components/Notices';

interface Props {
  articles: ArticleSummary[];
  onNotice: Report;
}

/** Deleted highlights (placeholder until the Trash view lands). */
export function TrashView(_props: Props) {
  return (
    <main className="view" aria-labelledby="trash-title">
      <h1 id="trash-title">Trash</h1>
    </main>
  );
}
