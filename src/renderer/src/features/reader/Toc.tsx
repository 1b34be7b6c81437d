import type { TocEntry } from '../../../../shared/article';

interface Props {
  entries: TocEntry[];
  current: string | null;
  onJump(blockId: string): void;
}

/** Table of contents; the section being read is marked `aria-current="location"`. */
export function Toc({ entries, current, onJump }: Props) {
  return (
    <nav className="toc" aria-label="Contents">
      <h2 className="panel-title">Contents</h2>
      {entries.length === 0 ? (
        <p className="muted">This article has no sections.</p>
      ) : (
        <ol>
          {entries.map((e) => (
            <li key={e.blockId} className={`toc-level-${e.level}`}>
              <a
                href={`#${e.blockId}`}
                aria-current={current === e.blockId ? 'location' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  onJump(e.blockId);
                }}
              >
                {e.text}
              </a>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
