import { MOD, isMac } from '../lib/keys';
import { Icon, type IconName } from './Icon';

export type ViewName =
  | 'library'
  | 'reader'
  | 'notes'
  | 'glossary'
  | 'review'
  | 'cards'
  | 'stats'
  | 'compare'
  | 'trash'
  | 'search'
  | 'data'
  | 'help';

const VIEWS: { name: ViewName; label: string; icon: IconName }[] = [
  { name: 'library', label: 'Library', icon: 'library' },
  { name: 'reader', label: 'Reader', icon: 'reader' },
  { name: 'notes', label: 'Notes', icon: 'notes' },
  { name: 'glossary', label: 'Glossary', icon: 'glossary' },
  { name: 'review', label: 'Review', icon: 'review' },
  { name: 'cards', label: 'Cards', icon: 'card' },
  { name: 'stats', label: 'Statistics', icon: 'stats' },
  { name: 'compare', label: 'Compare', icon: 'compare' },
  { name: 'trash', label: 'Trash', icon: 'trash' },
  { name: 'search', label: 'Search', icon: 'search' },
  { name: 'data', label: 'Your data', icon: 'settings' },
];

interface Props {
  view: ViewName;
  readerTitle: string | null;
  onNavigate(view: ViewName): void;
  onOpenPalette(): void;
}

export function Sidebar({ view, readerTitle, onNavigate, onOpenPalette }: Props) {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand" aria-hidden="true">
        <span className="brand-mark">新质</span>
        <span className="brand-name">Xinzhi</span>
      </div>
      <button
        type="button"
        className="palette-launch"
        aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
        onClick={onOpenPalette}
      >
        <Icon name="search" size={16} />
        <span>Search…</span>
        <kbd>{MOD} K</kbd>
      </button>
      <ul className="nav-list">
        {VIEWS.map((v) => (
          <li key={v.name}>
            <button
              type="button"
              className="nav-item"
              aria-current={view === v.name ? 'page' : undefined}
              title={v.name === 'reader' && readerTitle ? readerTitle : undefined}
              onClick={() => onNavigate(v.name)}
            >
              <Icon name={v.icon} />
              <span>{v.label}</span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="nav-item nav-foot"
        aria-current={view === 'help' ? 'page' : undefined}
        aria-keyshortcuts="F1"
        onClick={() => onNavigate('help')}
      >
        <Icon name="info" />
        <span>Help</span>
      </button>
    </nav>
  );
}
