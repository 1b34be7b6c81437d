import type { Color } from '../../../shared/highlights';

/** The colours' plain names: accessible names of swatches and chips (their meanings are
 * the user's, in settings.colorNames). */
export const COLOR_LABEL: Record<Color, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};
