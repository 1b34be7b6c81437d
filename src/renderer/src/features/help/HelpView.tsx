import { useEffect, useRef } from 'react';
import { Icon } from '../../components/Icon';
import { ShortcutList } from '../../components/ShortcutList';
import { TourSteps } from './TourSteps';
import '../../styles/help.css';

/** F1: how Xinzhi works, every keyboard shortcut, where the data is, and About. */
export function HelpView({
  dataDir,
  onShowTour,
  onShowAbout,
  onOpenData,
}: {
  dataDir: string;
  onShowTour(): void;
  onShowAbout(): void;
  onOpenData(): void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main className="panel-view" aria-labelledby="help-title">
      <header className="view-header">
        <h1 id="help-title" ref={heading} tabIndex={-1}>
          Help
        </h1>
        <p className="view-sub">
          Read, highlight, look up, review: everything works from the keyboard.
        </p>
      </header>
      <section className="panel" aria-labelledby="help-start">
        <h2 id="help-start">Getting started</h2>
        <TourSteps />
        <div className="help-actions">
          <button type="button" className="button" onClick={onShowTour}>
            Show the welcome tour
          </button>
          <button type="button" className="button" onClick={onShowAbout}>
            <Icon name="info" size={16} /> About Xinzhi, sources and licences
          </button>
        </div>
      </section>
      <section className="panel" aria-labelledby="help-keys">
        <h2 id="help-keys">Keyboard shortcuts</h2>
        <p className="muted">
          Also a key away anywhere: press <kbd>?</kbd>.
        </p>
        <ShortcutList />
      </section>
      <section className="panel" aria-labelledby="help-data">
        <h2 id="help-data">Your data</h2>
        <p>
          Highlights, notes, cards and reviews are saved as you work, in <code>{dataDir}</code>.
          Xinzhi keeps automatic backups there too. To move or keep a copy, make a full backup from
          Your data, or copy that folder while Xinzhi is closed.
        </p>
        <button type="button" className="button" onClick={onOpenData}>
          <Icon name="settings" size={16} /> Open Your data
        </button>
      </section>
    </main>
  );
}
