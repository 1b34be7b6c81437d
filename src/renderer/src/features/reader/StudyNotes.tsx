import { useEffect, useState } from 'react';
import type { Article } from '../../../../shared/article';
import type { StudyNote } from '../../../../shared/glossary';
import { api, call, errorMessage } from '../../lib/api';
import '../../styles/compare.css';
import { loadGlossaryItems } from '../../lib/glossary';

interface Props {
  article: Article;
  /** Opens a key term in the Glossary view. */
  onOpenTerm(termId: string): void;
}

/** "digital-economy" → "digital economy": a fallback if the glossary cannot be read. */
const fromId = (id: string) => id.replace(/-/g, ' ');

type Loaded =
  | { articleId: string; status: 'error'; message: string }
  | { articleId: string; status: 'ready'; note: StudyNote; names: Map<string, string> };

/** Our study notes for the article, in "About this article". */
export function StudyNotes({ article, onOpenTerm }: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Notes loaded for another article count as not loaded yet.
  const state = loaded?.articleId === article.id ? loaded : { status: 'loading' as const };

  useEffect(() => {
    let live = true;
    const articleId = article.id;
    // The names are a nicety: without the glossary the terms show their ids, spelled out.
    const names = loadGlossaryItems().then(
      (items) => new Map(items.map((i) => [i.id, i.term])),
      () => new Map<string, string>(),
    );
    Promise.all([call(api.glossaryStudyNote({ articleId })), names]).then(
      ([note, found]) => live && setLoaded({ articleId, status: 'ready', note, names: found }),
      (e: unknown) => live && setLoaded({ articleId, status: 'error', message: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [article.id]);

  return (
    <section className="study-notes" aria-labelledby="study-notes-title">
      <h3 id="study-notes-title" className="panel-title">
        Study notes
      </h3>
      {state.status === 'loading' ? (
        <p className="study-status muted small" aria-busy="true">
          Loading…
        </p>
      ) : state.status === 'error' ? (
        <p className="study-status muted small">
          No study notes for this article right now. {state.message}
        </p>
      ) : (
        <Notes note={state.note} names={state.names} onOpenTerm={onOpenTerm} />
      )}
    </section>
  );
}

function Notes({
  note,
  names,
  onOpenTerm,
}: {
  note: StudyNote;
  names: Map<string, string>;
  onOpenTerm(termId: string): void;
}) {
  return (
    <>
      <div className="study-block">
        <h4 id="study-source" className="study-heading">
          About the source
        </h4>
        <p className="study-source">{note.source}</p>
      </div>
      <div className="study-block">
        <h4 id="study-summary" className="study-heading">
          Summary
        </h4>
        <ul className="study-list" aria-labelledby="study-summary">
          {note.summary.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
      </div>
      <div className="study-block">
        <h4 id="study-terms" className="study-heading">
          Key terms
        </h4>
        <ul className="study-terms" aria-labelledby="study-terms">
          {note.keyTerms.map((id) => (
            <li key={id}>
              <button
                type="button"
                className="study-term"
                aria-describedby="study-terms-hint"
                onClick={() => onOpenTerm(id)}
              >
                {names.get(id) ?? fromId(id)}
              </button>
            </li>
          ))}
        </ul>
        <p id="study-terms-hint" className="visually-hidden">
          Opens the term in the Glossary
        </p>
      </div>
      <div className="study-block">
        <h4 id="study-questions" className="study-heading">
          Questions to discuss
        </h4>
        <ol className="study-list" aria-labelledby="study-questions">
          {note.questions.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ol>
      </div>
    </>
  );
}
