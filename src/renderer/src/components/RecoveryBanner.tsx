import type { RecoveryNotice } from '../../../shared/api';
import { Icon } from './Icon';

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

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
        <strong>Your data file could not be read, so nothing was lost by overwriting it.</strong> It
        was kept as <code>{fileName(notice.damagedFile)}</code>.{' '}
        {notice.restoredFrom
          ? `Your data was restored from the backup ${fileName(notice.restoredFrom)}.`
          : 'There was no backup to restore, so Xinzhi started with a fresh library.'}
      </div>
      <button type="button" className="button" onClick={onDismiss}>
        OK
      </button>
    </div>
  );
}
