import type { AnchorStatus } from '../../../../shared/highlights';

export { COLOR_LABEL } from '../../lib/colors';

/** The badge shown for a highlight that is not simply where it was made. */
export const STATUS_BADGE: Partial<Record<AnchorStatus, { label: string; title: string }>> = {
  moved: {
    label: 'Moved',
    title: 'The article text changed; this highlight was found nearby.',
  },
  uncertain: {
    label: 'Needs confirming',
    title: 'The article text changed; check that this highlight is in the right place.',
  },
  orphaned: {
    label: 'Orphaned',
    title: 'This passage is no longer in the article. Re-attach it to new text, or delete it.',
  },
};
