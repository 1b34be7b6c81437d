import type { RecoveryNotice } from '../../../shared/api';
import { Icon } from './Icon';

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

function message(notice: RecoveryNotice): string {
  if (notice.damagedJournal && notice.damagedFile === notice.damagedJournal) {
    return (
      `The log of your most recent changes was damaged (probably by a crash), so it was kept as ` +
      `${fileName(notice.damagedJournal)}. Every change before the damage was recovered.`
    );
  }
  const restored = notice.restoredFrom
    ? `Your data was restored from the backup ${fileName(notice.restoredFrom)}.`
    : 'There was no backup to restore, so Xinzhi started with a fresh library.';
  const kept = notice.damagedFile
    ? `It was kept as ${fileName(notice.damagedFile)}.`
    : 'The file was missing.';
  return `${kept} ${restored}`;
}

/** Tells the user, once, that their data file was damaged and what was done about it. */
export function RecoveryBanner({
  notice,
  onDismiss,
}: {
  notice: RecoveryNotice;
  onDismiss(): void;
}) {
  return (
    <div className="banner" role="alert">
      <Icon name="alert" />
      <div>
        <strong>
          {notice.damagedFile
            ? 'Your data file could not be read, so it was not overwritten.'
            : 'Your data file was missing.'}
        </strong>{' '}
        {message(notice)}
      </div>
      <button type="button" className="button" onClick={onDismiss}>
        OK
      </button>
    </div>
  );
}
