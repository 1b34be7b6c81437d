/**
 * The open-source software inside the app, shown in About. A unit test checks this list against
 * package-lock.json: every package the app ships is here, with the licence its package declares.
 */
export interface Credit {
  /** The npm package. */
  name: string;
  licence: string;
  url: string;
  /** What it does in Xinzhi, in a few words. */
  role: string;
}

export const LIBRARIES: Credit[] = [
  {
    name: 'electron',
    licence: 'MIT',
    url: 'https://www.electronjs.org',
    role: 'The desktop shell. It includes Chromium and Node.js, whose licences ship with the app.',
  },
  { name: 'react', licence: 'MIT', url: 'https://react.dev', role: 'The interface' },
  { name: 'react-dom', licence: 'MIT', url: 'https://react.dev', role: 'The interface' },
  {
    name: 'scheduler',
    licence: 'MIT',
    url: 'https://github.com/facebook/react',
    role: 'Part of React',
  },
  {
    name: 'marked',
    licence: 'MIT',
    url: 'https://marked.js.org',
    role: 'Markdown of the articles, notes and cards',
  },
  {
    name: 'marked-footnote',
    licence: 'MIT',
    url: 'https://github.com/bent10/marked-extensions',
    role: 'Footnotes in the articles',
  },
  {
    name: 'dompurify',
    licence: '(MPL-2.0 OR Apache-2.0)',
    url: 'https://github.com/cure53/DOMPurify',
    role: 'Makes rendered HTML safe',
  },
  {
    name: 'lowdb',
    licence: 'MIT',
    url: 'https://github.com/typicode/lowdb',
    role: 'Stores your data',
  },
  {
    name: 'steno',
    licence: 'MIT',
    url: 'https://github.com/typicode/steno',
    role: 'Safe file writes, under lowdb',
  },
  {
    name: 'ts-fsrs',
    licence: 'MIT',
    url: 'https://github.com/open-spaced-repetition/ts-fsrs',
    role: 'The FSRS review scheduler',
  },
  { name: 'zod', licence: 'MIT', url: 'https://zod.dev', role: 'Checks every request and file' },
];
