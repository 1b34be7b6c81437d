import { useEffect, useMemo, useRef, useState } from 'react';
import { clozeOrds, clozeSides, type CardContent } from '../../../../shared/cards';
import { Icon } from '../../components/Icon';
import type { Report } from '../../components/Notices';
import { api, call, errorMessage } from '../../lib/api';
import { cardsChanged, type CardEditorRequest } from '../../lib/cardEvents';
import { MOD, hasMod } from '../../lib/keys';
import { CardFace } from './CardFace';
import { ClozePicker, clozeText, tokenize } from './ClozePicker';

interface Props {
  request: CardEditorRequest;
  onClose(): void;
  onNotice: Report;
}

type Mode = 'cloze' | 'basic';

/**
 * Makes or edits a card in a modal dialog. From a highlight: a cloze (choose the words to blank;
 * each blank becomes a sibling card) or a basic card (front = the quote, back = the definition
 * of a glossary term it contains). Free-standing basic cards too. Ctrl/Cmd+Enter saves, Esc
 * closes; what was typed stays if saving fails.
 */
export function CardEditor({ request, onClose, onNotice }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const editing = request.kind === 'edit' ? request.card : null;
  const [mode, setMode] = useState<Mode>(
    editing
      ? editing.kind === 'cloze'
        ? 'cloze'
        : 'basic'
      : request.kind === 'new'
        ? 'basic'
        : 'cloze',
  );
  const [quote, setQuote] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  // Cloze as text: when editing one, or when the user prefers typing the {{c1::…}} syntax.
  const [asText, setAsText] = useState(editing?.kind === 'cloze');
  const initial = editing?.edit;
  const [cloze, setCloze] = useState(initial && 'cloze' in initial ? initial.cloze : '');
  const [extra, setExtra] = useState(initial && 'cloze' in initial ? initial.extra : '');
  const [front, setFront] = useState(initial && 'front' in initial ? initial.front : '');
  const [back, setBack] = useState(initial && 'back' in initial ? initial.back : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Focus goes back where it was (the card under review, the reader) when the editor closes.
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.showModal();
    return () => opener?.focus({ preventScroll: true });
  }, []);

  const highlightId = request.kind === 'from-highlight' ? request.highlightId : undefined;
  useEffect(() => {
    if (!highlightId) return;
    let live = true;
    call(api.cardsDraft({ highlightId })).then(
      (draft) => {
        if (!live) return;
        setQuote(draft.quote);
        setFront(draft.front);
        setBack(draft.back);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [highlightId]);

  const tokens = useMemo(() => (quote ? tokenize(quote) : []), [quote]);
  const clozeSource = asText ? cloze : clozeText(tokens, chosen);
  const blanks = clozeOrds(clozeSource).length;
  const content: CardContent =
    mode === 'cloze'
      ? { kind: 'cloze', cloze: clozeSource, extra }
      : { kind: 'basic', front, back };
  const preview =
    mode === 'cloze'
      ? blanks > 0
        ? clozeSides(clozeSource, clozeOrds(clozeSource)[0]!, extra)
        : null
      : front.trim()
        ? { front, back }
        : null;

  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const cards = editing
        ? await call(api.cardsUpdate({ id: editing.id, content }))
        : await call(api.cardsCreate({ content, ...(highlightId ? { highlightId } : {}) }));
      cardsChanged();
      onNotice(
        editing
          ? 'Card saved.'
          : cards.length === 1
            ? 'Flashcard made. It is in My cards and joins your reviews as a new card.'
            : `${cards.length} flashcards made, one per blank. They join your reviews as new cards.`,
      );
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  // Ctrl/Cmd+Enter saves from any field; the latest save() is read through a ref.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const node = dialog.current;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && hasMod(event)) {
        event.preventDefault();
        void saveRef.current();
      }
    };
    node?.addEventListener('keydown', onKey);
    return () => node?.removeEventListener('keydown', onKey);
  }, []);

  const title = editing
    ? 'Edit card'
    : highlightId
      ? 'Make a flashcard from the highlight'
      : 'New card';
  return (
    <dialog
      ref={dialog}
      className="dialog card-editor"
      aria-labelledby="card-editor-title"
      onClose={onClose}
    >
      <header className="dialog-header">
        <h2 id="card-editor-title">{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      <div className="card-editor-body">
        {!editing && highlightId && (
          <div className="segmented" role="group" aria-label="Kind of card">
            {(['cloze', 'basic'] as const).map((m) => (
              <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
                {m === 'cloze' ? 'Cloze (fill the blank)' : 'Basic (question and answer)'}
              </button>
            ))}
          </div>
        )}
        {editing?.builtIn && (
          <p className="hint">
            A built-in card. Your text replaces ours for you; “Revert” in the card browser brings
            ours back.
          </p>
        )}
        {mode === 'cloze' && !asText && (
          <>
            <p className="hint" id="cloze-help">
              Choose the words to blank: click them, or move with the arrow keys and press Space.
              Neighbouring words make one blank; each blank becomes its own card.
            </p>
            {quote === null ? (
              <p className="muted">Loading the highlight…</p>
            ) : (
              <ClozePicker tokens={tokens} chosen={chosen} onChange={setChosen} />
            )}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setCloze(clozeText(tokens, chosen));
                setAsText(true);
              }}
            >
              Edit as text instead
            </button>
          </>
        )}
        {mode === 'cloze' && asText && (
          <label className="field">
            <span>
              Cloze text{' '}
              <span className="hint">
                (mark blanks as {'{{c1::words}}'}, {'{{c2::…}}'})
              </span>
            </span>
            <textarea
              value={cloze}
              rows={4}
              onChange={(e) => setCloze(e.target.value)}
              // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog opens to type here
              autoFocus
            />
          </label>
        )}
        {mode === 'cloze' && (
          <label className="field">
            <span>
              Extra <span className="hint">(optional, shown with the answer; Markdown)</span>
            </span>
            <textarea value={extra} rows={2} onChange={(e) => setExtra(e.target.value)} />
          </label>
        )}
        {mode === 'basic' && (
          <>
            <label className="field">
              <span>
                Front <span className="hint">(Markdown)</span>
              </span>
              <textarea
                value={front}
                rows={4}
                onChange={(e) => setFront(e.target.value)}
                // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog opens to type here
                autoFocus
              />
            </label>
            <label className="field">
              <span>
                Back <span className="hint">(Markdown)</span>
              </span>
              <textarea value={back} rows={5} onChange={(e) => setBack(e.target.value)} />
            </label>
          </>
        )}
        {preview && (
          <section className="card-preview" aria-label="Preview">
            <h3 className="hint">
              Preview{mode === 'cloze' && blanks > 1 ? ` (card 1 of ${blanks})` : ''}
            </h3>
            <CardFace markdown={preview.front} />
            <hr />
            <CardFace markdown={preview.back} />
          </section>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <footer className="dialog-actions">
        <span className="hint">
          <kbd>{MOD}</kbd> <kbd>Enter</kbd> saves · <kbd>Esc</kbd> cancels
        </span>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary-button"
          disabled={busy}
          onClick={() => void save()}
        >
          {editing
            ? 'Save card'
            : mode === 'cloze' && blanks > 1
              ? `Make ${blanks} cards`
              : 'Make card'}
        </button>
      </footer>
    </dialog>
  );
}
