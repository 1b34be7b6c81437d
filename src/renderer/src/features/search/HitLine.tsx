import type { SearchHit, SearchKind } from '../../../../shared/search';
import { Icon, type IconName } from '../../components/Icon';
import { COLOR_LABEL } from '../../lib/colors';
import { SnippetText } from './SnippetText';

const KIND_ICON: Record<SearchKind, IconName> = {
  term: 'glossary',
  passage: 'reader',
  note: 'highlighter',
  card: 'card',
};

/** One result: what it is, its text with the matches marked, and where it is from. */
export function HitLine({ hit }: { hit: SearchHit }) {
  return (
    <span className={`hit hit-${hit.kind}`}>
      <span className={`hit-icon${hit.color ? ` color-${hit.color}` : ''}`}>
        <Icon name={KIND_ICON[hit.kind]} />
      </span>
      <span className="hit-body">
        <span className={hit.kind === 'term' ? 'hit-title hit-name' : 'hit-title'}>
          <SnippetText parts={hit.title} />
        </span>
        {hit.snippet.length > 0 && (
          <span className="hit-snippet">
            <SnippetText parts={hit.snippet} />
          </span>
        )}
        <span className="hit-context">
          {hit.color && (
            <span className="visually-hidden">{COLOR_LABEL[hit.color]} highlight, </span>
          )}
          {hit.context}
          {hit.tags && hit.tags.length > 0 && (
            <span className="hit-tags">{hit.tags.map((t) => `#${t}`).join(' ')}</span>
          )}
        </span>
      </span>
    </span>
  );
}
