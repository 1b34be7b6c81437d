import { renderNote } from '../../lib/markdown';

/** One side of a card: its Markdown rendered and sanitised like a note. */
export function CardFace({ markdown, className = '' }: { markdown: string; className?: string }) {
  return (
    <div
      className={`card-face ${className}`}
      dangerouslySetInnerHTML={{ __html: renderNote(markdown) }}
    />
  );
}
