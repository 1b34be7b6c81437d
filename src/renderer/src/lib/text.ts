/** Small text and motion helpers shared by views. */

/** One line of at most `max` characters, whitespace collapsed, with an ellipsis if cut. */
export function excerpt(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Smooth scrolling, unless the user asked for reduced motion. */
export const smooth = (): ScrollBehavior =>
  window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
