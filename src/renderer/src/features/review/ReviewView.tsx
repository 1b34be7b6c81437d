import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../../shared/article';
import type { Settings } from '../../../../shared/settings';
import {
  DECK_LABEL,
  RATINGS,
  RATING_LABEL,
  formatInterval,
  spokenInterval,
  type QueueItem,
  type Rating,
} from '../../../../shared/cards';
import { Icon } from '../../components/Icon';
import type { Report } from '../../components/Notices';
import { api, call, errorMessage } from '../../lib/api';
import { cardsChanged, openCardEditor } from '../../lib/cardEvents';
import { hasMod, isTyping, modalOpen } from '../../lib/keys';
import { notePreview, renderNote } from '../../lib/markdown';
import { CardFace } from '../cards/CardFace';
import { PassageContext } from './PassageContext';
import { ReviewSettings } from './ReviewSettings';
import { SessionSummary } from './SessionSummary';
import { useReviewQueue } from './useReviewQueue';
import '../../styles/review.css';

interface Props {
  articles: ArticleSummary[];
  settings: Settings;
  onSettings(patch: Partial<Settings>): void;
  onNotice: Report;
  onOpenPassage(articleId: string, start: number, end: number): void;
  onNavigate(view: 'cards' | 'stats'): void;
}

const plain = (markdown: string) => notePreview(markdown, 400);

/**
 * A review session, entirely from the keyboard: Space or Enter shows the answer, 1–4 answer
 * (Again, Hard, Good, Easy; each button shows when the card would come back), Ctrl/Cmd+Z takes
 * the last answer back, e edits, s suspends, c shows the passage beside the card.
 */
export function ReviewView(props: Props) {
  const { articles, settings, onSettings, onNotice, onOpenPassage, onNavigate } = props;
  const { queue, current, tally, answer, advance, undo } = useReviewQueue(onNotice);
  const currentId = current ? `${current.card.id}:${current.card.schedule.reps}` : null;
  // Revealed belongs to one showing of one card; the next card starts hidden.
  const [revealedId, setRevealedId] = useState<string | null>(null);
  const revealed = currentId !== null && revealedId === currentId;
  const [context, setContext] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // What the last action did ("Good. Back in 3 d."), announced before the next question.
  const [said, setSaid] = useState('');
  const shownAt = useRef(0);
  const cardRegion = useRef<HTMLElement>(null);

  // A new card on screen: the clock for "time taken" starts, and the focus sits on the card so
  // the keys work at once.
  useEffect(() => {
    if (!currentId) return;
    shownAt.current = performance.now();
    cardRegion.current?.focus({ preventScroll: true });
  }, [currentId]);

  // The next cards' Markdown is rendered while this one is read, so answering only swaps HTML.
  const upcoming = queue?.items;
  useEffect(() => {
    if (!upcoming) return;
    const id = window.setTimeout(() => {
      for (const item of upcoming.slice(0, 3)) {
        renderNote(item.card.front);
        renderNote(item.card.back);
      }
    }, 50);
    return () => window.clearTimeout(id);
  }, [upcoming]);

  // Worked out once per change, not on every render (it parses the card's Markdown to text).
  const announce = useMemo(
    () =>
      !current
        ? said
        : revealed
          ? `Answer: ${plain(current.card.back)}`
          : `${said} Question: ${plain(current.card.front)}`.trim(),
    [current, revealed, said],
  );

  const reveal = useCallback(() => {
    if (!current || revealed) return;
    setRevealedId(currentId);
  }, [current, currentId, revealed]);

  const rate = useCallback(
    (rating: Rating) => {
      if (!current || !revealed) return;
      const item: QueueItem = current;
      const durationMs = Math.round(Math.min(performance.now() - shownAt.current, 3_600_000));
      const saved = answer(rating, durationMs);
      setSaid(`${RATING_LABEL[rating]}. Back in ${spokenInterval(item.intervals[rating])}.`);
      void saved?.then((result) => {
        if (result.leech) {
          onNotice(
            'This card has been forgotten 8 times, so it is now suspended and tagged as a leech. Rewrite it to make it easier to remember.',
            { label: 'Edit card', run: () => openCardEditor({ kind: 'edit', card: result.card }) },
          );
        }
      });
    },
    [current, revealed, answer, onNotice],
  );

  const takeBack = useCallback(async () => {
    try {
      const item = await undo();
      setRevealedId(null);
      setSaid(item ? 'Last answer undone.' : 'Nothing to undo in this session.');
      if (!item) onNotice('Nothing to undo in this session.');
    } catch (error) {
      onNotice(`Could not undo: ${errorMessage(error)}`);
    }
  }, [undo, onNotice]);

  const suspend = useCallback(async () => {
    if (!current) return;
    try {
      await call(api.cardsSuspend({ ids: [current.card.id], suspended: true }));
      advance(current);
      cardsChanged();
      onNotice('Card suspended. Find it in Cards to unsuspend it.');
    } catch (error) {
      onNotice(`The card could not be suspended: ${errorMessage(error)}`);
    }
  }, [current, advance, onNotice]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || modalOpen() || isTyping(event)) return;
      const key = event.key.toLowerCase();
      if (hasMod(event) && key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void takeBack();
        return;
      }
      if (hasMod(event) || event.altKey || !current) return;
      if ((event.key === ' ' || event.key === 'Enter') && !revealed) {
        // Enter on a focused button is that button's.
        if (event.key === 'Enter' && (event.target as HTMLElement).closest('button')) return;
        event.preventDefault();
        reveal();
      } else if (revealed && ['1', '2', '3', '4'].includes(event.key)) {
        event.preventDefault();
        rate(Number(event.key) as Rating);
      } else if (key === 'e') {
        event.preventDefault();
        openCardEditor({ kind: 'edit', card: current.card });
      } else if (key === 's') {
        event.preventDefault();
        void suspend();
      } else if (key === 'c') {
        event.preventDefault();
        setContext((open) => !open);
      }
    };
    // Capture: Ctrl+Z here is the review's undo, before the app's undo for highlights.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [current, revealed, reveal, rate, takeBack, suspend]);

  const counts = queue?.counts;
  const done = queue !== null && !current;
  const source = current?.card.source ?? null;
  return (
    <main className="review-view" aria-labelledby="review-title" aria-busy={!queue}>
      <header className="view-header review-head">
        <div>
          <h1 id="review-title">Review</h1>
          {counts && (
            <p className="review-counts" aria-label="Left today">
              <span className="count-new" title="New cards left today">
                <strong>{counts.new}</strong> new
              </span>
              <span className="count-learning" title="Learning steps due">
                <strong>{counts.learning}</strong> learning
              </span>
              <span className="count-review" title="Reviews due today">
                <strong>{counts.review}</strong> due
              </span>
            </p>
          )}
        </div>
        <button type="button" className="button" onClick={() => setSettingsOpen(true)}>
          <Icon name="settings" size={17} /> Review settings
        </button>
      </header>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announce}
      </p>
      {done && (
        <SessionSummary
          tally={tally}
          nextDue={queue.nextDue}
          now={queue.now}
          onBrowse={() => onNavigate('cards')}
          onStats={() => onNavigate('stats')}
        />
      )}
      {current && (
        <div className={`review-stage${context ? ' with-context' : ''}`}>
          <section
            ref={cardRegion}
            className="review-card"
            tabIndex={-1}
            aria-label={`Flashcard, ${DECK_LABEL[current.card.deck]}`}
            aria-describedby="review-keys"
          >
            <p className="review-deck">
              {DECK_LABEL[current.card.deck]}
              {current.card.schedule.state === 'new' && <span className="badge">New</span>}
              {current.card.edited && <span className="badge">Edited</span>}
            </p>
            <CardFace markdown={current.card.front} className="review-front" />
            {revealed ? (
              <>
                <hr className="review-divider" />
                <CardFace markdown={current.card.back} className="review-back" />
              </>
            ) : (
              <button type="button" className="primary-button reveal" onClick={reveal}>
                Show answer <kbd>Space</kbd>
              </button>
            )}
          </section>
          {revealed && (
            <div className="rating-bar" role="group" aria-label="How well did you remember?">
              {RATINGS.map((r) => (
                <button
                  key={r}
                  type="button"
                  className={`rating rating-${r}`}
                  onClick={() => rate(r)}
                  aria-label={`${RATING_LABEL[r]}: back in ${spokenInterval(current.intervals[r])}`}
                  aria-keyshortcuts={String(r)}
                >
                  <span className="rating-interval">{formatInterval(current.intervals[r])}</span>
                  <span className="rating-label">{RATING_LABEL[r]}</span>
                  <kbd>{r}</kbd>
                </button>
              ))}
            </div>
          )}
          <div className="review-tools">
            <button
              type="button"
              className="text-button"
              aria-pressed={context}
              disabled={!source}
              title={source ? undefined : 'This card has no passage in the current text'}
              onClick={() => setContext((open) => !open)}
            >
              <Icon name="reader" size={16} /> Show in context <kbd>c</kbd>
            </button>
            <button
              type="button"
              className="text-button"
              onClick={() => openCardEditor({ kind: 'edit', card: current.card })}
            >
              <Icon name="note" size={16} /> Edit <kbd>e</kbd>
            </button>
            <button type="button" className="text-button" onClick={() => void suspend()}>
              <Icon name="pause" size={16} /> Suspend <kbd>s</kbd>
            </button>
            <button type="button" className="text-button" onClick={() => void takeBack()}>
              <Icon name="undo" size={16} /> Undo answer
            </button>
          </div>
          <p id="review-keys" className="visually-hidden">
            Space shows the answer. Then 1 Again, 2 Hard, 3 Good, 4 Easy. C shows the passage, E
            edits, S suspends.
          </p>
          {context && source && (
            <PassageContext
              source={source}
              article={articles.find((a) => a.id === source.articleId) ?? null}
              onOpen={() => onOpenPassage(source.articleId, source.start, source.end)}
              onClose={() => {
                setContext(false);
                cardRegion.current?.focus({ preventScroll: true });
              }}
            />
          )}
        </div>
      )}
      {settingsOpen && (
        <ReviewSettings
          settings={settings}
          onSettings={onSettings}
          onClose={() => setSettingsOpen(false)}
        />
      )}
    </main>
  );
}
