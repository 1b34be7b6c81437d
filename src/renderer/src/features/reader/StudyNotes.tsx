import type { Article } from '../../../../shared/article';

interface Props {
  article: Article;
  /** Opens a key term in the Glossary view. */
  onOpenTerm(termId: string): void;
}

/** Our study notes for the article, in "About this article" (placeholder). */
export function StudyNotes(_props: Props) {
  return null;
}
