import type { Snippet } from '../../../../shared/search';

/** Text with the matched words in <mark>: built from parts, never from HTML. */
export function SnippetText({ parts }: { parts: Snippet }) {
  return <>{parts.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}

/** The snippet as plain text, for accessible names. */
export const snippetText = (parts: Snippet): string => parts.map((p) => p.text).join('');
