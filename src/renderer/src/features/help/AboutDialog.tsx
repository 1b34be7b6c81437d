import type { CorpusSource } from '../../../../shared/api';
import { LIBRARIES } from '../../../../shared/credits';
import { Dialog } from '../../components/Dialog';
import { formatDate } from '../../lib/format';

/** About Xinzhi: the version, the five articles and where they come from, and the licences. */
export function AboutDialog({
  open,
  version,
  sources,
  onClose,
}: {
  open: boolean;
  version: string;
  sources: CorpusSource[];
  onClose(): void;
}) {
  return (
    <Dialog open={open} title="About Xinzhi" className="about" onClose={onClose}>
      <div className="about-body">
        <p>
          <strong>
            Xinzhi <span lang="zh-Hans">新质</span>
          </strong>{' '}
          version {version}. A study companion for new quality productive forces (
          <span lang="zh-Hans">新质生产力</span>). Free software under the MIT licence; it makes no
          network request, and your data stays on this computer.
        </p>
        <h3>The articles</h3>
        <p className="muted">
          Third-party texts, shown in the authors&rsquo; words for study. Copyright stays with their
          authors and publishers. The glossary, study notes and cards are ours, and cite the
          passages they rest on.
        </p>
        <table className="about-table">
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Author</th>
              <th scope="col">Publisher</th>
              <th scope="col">Date</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  {s.title}
                  <span className="about-source">{s.source}</span>
                </th>
                <td>{s.author}</td>
                <td>{s.publisher}</td>
                <td>
                  <time dateTime={s.date}>{formatDate(s.date)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Open-source software</h3>
        <table className="about-table">
          <thead>
            <tr>
              <th scope="col">Library</th>
              <th scope="col">Licence</th>
              <th scope="col">What it does here</th>
            </tr>
          </thead>
          <tbody>
            {LIBRARIES.map((l) => (
              <tr key={l.name}>
                <th scope="row">
                  <a href={l.url} target="_blank" rel="noreferrer">
                    {l.name}
                  </a>
                </th>
                <td>{l.licence}</td>
                <td>{l.role}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
