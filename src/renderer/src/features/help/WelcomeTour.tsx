import { Dialog } from '../../components/Dialog';
import { TourSteps } from './TourSteps';

/**
 * The first-run tour: one screen, four steps. Closing it in any way (Start reading, Look around
 * first, Esc) marks it seen; Help → "Show the welcome tour" brings it back.
 */
export function WelcomeTour({
  open,
  onStart,
  onClose,
}: {
  open: boolean;
  onStart(): void;
  onClose(): void;
}) {
  return (
    <Dialog
      open={open}
      className="tour"
      onClose={onClose}
      title={
        <>
          Welcome to Xinzhi <span lang="zh-Hans">新质</span>
        </>
      }
    >
      <p className="tour-lead">
        A study companion for China&rsquo;s policy concept of{' '}
        <strong>new quality productive forces</strong> (<span lang="zh-Hans">新质生产力</span>,
        xīnzhì shēngchǎnlì). Everything stays on this computer.
      </p>
      <TourSteps />
      <footer className="dialog-actions">
        <p className="hint">
          Press <kbd>?</kbd> for every shortcut, or <kbd>F1</kbd> for Help.
        </p>
        <button type="button" className="button" onClick={onClose}>
          Look around first
        </button>
        <button type="button" className="primary-button" data-autofocus onClick={onStart}>
          Start reading
        </button>
      </footer>
    </Dialog>
  );
}
