import { useEffect, useMemo, useRef, useState } from 'react';
import { SEARCH_KIND_LABEL, type SearchHit, type SearchKind } from '../../../../shared/search';
import { Icon } from '../../components/Icon';
import { MOD } from '../../lib/keys';
import { matchCommands, type Command } from './commands';
import { HitLine } from './HitLine';
import { useSearch } from './useSearch';
import '../../styles/search.css';

interface Props {
  open: boolean;
  commands: Command[];
  onClose(): void;
  onOpenHit(hit: SearchHit): void;
  /** Opens the Search view with this query. */
  onSearchView(query: string): void;
}

type Item = { id: string; command: Command } | { id: string; hit: SearchHit };

/** Commands shown with a query; with none, all of them are. */
const COMMANDS_WITH_QUERY = 4;

/**
 * Ctrl/Cmd+K: one box for everything. Typing searches passages, the glossary, highlights and
 * notes, and cards (a result per keystroke), and finds commands. ↑/↓ move, Enter opens, Esc
 * closes. A combobox over a grouped listbox, so a screen reader hears each option.
 */
export function CommandPalette({ open, commands, onClose, onOpenHit, onSearchView }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { results, error } = useSearch({ query });

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const matched = useMemo(() => {
    const found = matchCommands(commands, query);
    return query.trim() ? found.slice(0, COMMANDS_WITH_QUERY) : found;
  }, [commands, query]);
  const hits = useMemo(() => (query.trim() ? results.hits : []), [query, results.hits]);
  const groups = useMemo(() => groupByKind(hits), [hits]);
  const items: Item[] = useMemo(
    () => [
      ...matched.map((command) => ({ id: `cmd-${command.id}`, command })),
      ...groups.flatMap((g) => g.hits.map((hit) => ({ id: `hit-${hit.key}`, hit }))),
    ],
    [groups, matched],
  );
  const current = Math.min(active, items.length - 1);
  const activeId = items[current]?.id;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const close = () => {
    setQuery('');
    setActive(0);
    onClose();
  };
  const run = (item: Item | undefined) => {
    if (!item) return;
    close();
    if ('hit' in item) onOpenHit(item.hit);
    else item.command.run();
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 5, PageUp: -5 };
    if (event.key in moves && items.length > 0) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(items.length - 1, current + moves[event.key])));
    } else if (event.key === 'Escape') {
      // A search box would clear itself first; Esc closes the palette at once.
      event.preventDefault();
      close();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) {
        close();
        onSearchView(query);
      } else run(items[current]);
    }
  };

  const option = (item: Item, index: number, content: React.ReactNode) => (
    // Options are chosen with the keyboard from the box (aria-activedescendant) or clicked.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events
    <div
      key={item.id}
      id={item.id}
      role="option"
      tabIndex={-1}
      aria-selected={index === current}
      className="palette-option"
      onMouseMove={() => index !== current && setActive(index)}
      onClick={() => run(item)}
    >
      {content}
    </div>
  );

  let index = 0;
  const status = error
    ? error
    : query.trim() && hits.length === 0 && matched.length === 0
      ? `Nothing found for “${query.trim()}”.`
      : !results.complete && hits.length > 0
        ? 'Nothing has every word; showing what matches some of them.'
        : '';
  return (
    <dialog
      ref={dialog}
      className="palette"
      aria-label="Search and commands"
      // Esc closes it at once. The native close event comes a task later: by then Ctrl+K may
      // have opened the palette again, and that close must not shut it.
      onCancel={close}
      onClose={() => {
        if (!dialog.current?.open) close();
      }}
    >
      <div className="palette-box">
        <Icon name="search" />
        <input
          type="search"
          role="combobox"
          aria-label="Search everything or type a command"
          aria-expanded={items.length > 0}
          aria-controls="palette-list"
          aria-activedescendant={activeId}
          aria-autocomplete="list"
          placeholder="Search passages, terms, notes, cards — or type a command"
          value={query}
          maxLength={300}
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <div id="palette-list" role="listbox" aria-label="Results" className="palette-list">
        {matched.length > 0 && (
          <div role="presentation">
            <div className="palette-group" id="palette-group-commands" aria-hidden="true">
              Commands
            </div>
            <div role="group" aria-labelledby="palette-group-commands">
              {matched.map((command) => {
                const i = index++;
                return option(
                  { id: `cmd-${command.id}`, command },
                  i,
                  <span className="palette-command">
                    <Icon name={command.icon} />
                    <span className="palette-command-label">{command.label}</span>
                    {command.keys && <kbd>{command.keys}</kbd>}
                  </span>,
                );
              })}
            </div>
          </div>
        )}
        {groups.map((group) => (
          <div key={group.kind} role="presentation">
            <div className="palette-group" id={`palette-group-${group.kind}`} aria-hidden="true">
              {SEARCH_KIND_LABEL[group.kind]}
            </div>
            <div role="group" aria-labelledby={`palette-group-${group.kind}`}>
              {group.hits.map((hit) => {
                const i = index++;
                return option({ id: `hit-${hit.key}`, hit }, i, <HitLine hit={hit} />);
              })}
            </div>
          </div>
        ))}
      </div>
      <p className="palette-status" role="status">
        {status}
      </p>
      <footer className="palette-footer" aria-hidden="true">
        <span>
          <kbd>↑</kbd> <kbd>↓</kbd> move
        </span>
        <span>
          <kbd>Enter</kbd> open
        </span>
        <span>
          <kbd>{MOD} Enter</kbd> all results
        </span>
        <span>
          <kbd>Esc</kbd> close
        </span>
      </footer>
    </dialog>
  );
}

/** Hits grouped by kind, the groups in the order of their best hit. */
export function groupByKind(hits: SearchHit[]): { kind: SearchKind; hits: SearchHit[] }[] {
  const groups = new Map<SearchKind, SearchHit[]>();
  for (const hit of hits) {
    const list = groups.get(hit.kind) ?? [];
    list.push(hit);
    groups.set(hit.kind, list);
  }
  return [...groups].map(([kind, list]) => ({ kind, hits: list }));
}
