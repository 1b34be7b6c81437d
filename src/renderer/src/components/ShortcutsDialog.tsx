import { Dialog } from './Dialog';
import { ShortcutList } from './ShortcutList';

/** `?`: every shortcut, grouped. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <ShortcutList />
    </Dialog>
  );
}
