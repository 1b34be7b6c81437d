import type { IconName } from '../../components/Icon';
import type { ViewName } from '../../components/Sidebar';
import { MOD } from '../../lib/keys';

/** Something the palette can do besides opening a result. */
export interface Command {
  id: string;
  label: string;
  icon: IconName;
  /** The shortcut that does the same, shown beside it. */
  keys?: string;
  /** More words it answers to. */
  also?: string;
  run(): void;
}

const VIEW_COMMANDS: {
  view: ViewName;
  label: string;
  icon: IconName;
  keys: string;
  also?: string;
}[] = [
  {
    view: 'library',
    label: 'Go to the Library',
    icon: 'library',
    keys: `${MOD} 1`,
    also: 'articles',
  },
  { view: 'reader', label: 'Go to the Reader', icon: 'reader', keys: `${MOD} 2`, also: 'read' },
  { view: 'notes', label: 'Go to Notes', icon: 'notes', keys: `${MOD} 3`, also: 'highlights' },
  {
    view: 'glossary',
    label: 'Go to the Glossary',
    icon: 'glossary',
    keys: `${MOD} 4`,
    also: 'terms',
  },
  {
    view: 'review',
    label: 'Start review',
    icon: 'review',
    keys: `${MOD} 5`,
    also: 'study flashcards',
  },
  { view: 'cards', label: 'Browse cards', icon: 'card', keys: `${MOD} 6`, also: 'flashcards' },
  { view: 'stats', label: 'Statistics', icon: 'stats', keys: `${MOD} 7`, also: 'progress' },
  { view: 'compare', label: 'Compare the sources', icon: 'compare', keys: `${MOD} 8` },
  { view: 'trash', label: 'Go to the Trash', icon: 'trash', keys: `${MOD} 9`, also: 'deleted' },
  { view: 'search', label: 'Search view with filters', icon: 'search', keys: `${MOD} Shift F` },
  { view: 'help', label: 'Help', icon: 'info', keys: 'F1', also: 'how to guide manual' },
];

export interface CommandDeps {
  go(view: ViewName): void;
  toggleTheme(): void;
  showShortcuts(): void;
  showAbout(): void;
  showTour(): void;
  newCard(): void;
}

export function appCommands(deps: CommandDeps): Command[] {
  return [
    ...VIEW_COMMANDS.map(({ view, ...c }) => ({
      id: `go-${view}`,
      ...c,
      run: () => deps.go(view),
    })),
    {
      id: 'theme',
      label: 'Toggle dark theme',
      icon: 'text',
      also: 'light mode colours',
      run: deps.toggleTheme,
    },
    { id: 'new-card', label: 'New flashcard', icon: 'card', also: 'create add', run: deps.newCard },
    {
      id: 'shortcuts',
      label: 'Show keyboard shortcuts',
      icon: 'keyboard',
      keys: '?',
      also: 'help keys',
      run: deps.showShortcuts,
    },
    {
      id: 'about',
      label: 'About Xinzhi',
      icon: 'info',
      also: 'version sources licences credits',
      run: deps.showAbout,
    },
    {
      id: 'tour',
      label: 'Show the welcome tour',
      icon: 'info',
      also: 'onboarding introduction help',
      run: deps.showTour,
    },
  ];
}

/** Commands whose words start with every word typed ("go lib", "theme"), in their order. */
export function matchCommands(commands: Command[], query: string): Command[] {
  const typed = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (typed.length === 0) return commands;
  return commands.filter((c) => {
    const words = `${c.label} ${c.also ?? ''}`.toLowerCase().split(/[\s-]+/);
    return typed.every((t) => words.some((w) => w.startsWith(t)));
  });
}
