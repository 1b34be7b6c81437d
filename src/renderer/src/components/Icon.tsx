/** A small, consistent line-icon set (24px grid, 1.75 stroke), drawn for Xinzhi. */
const PATHS = {
  library:
    'M4 19V5a1 1 0 0 1 1-1h3v16H5a1 1 0 0 1-1-1Zm4-15h4v16H8M12 5.5l3.8-1.2a1 1 0 0 1 1.26.66l3.6 11.5a1 1 0 0 1-.66 1.25L16.2 19',
  reader:
    'M12 6.5C10 5 7 4.5 3.5 5v13c3.5-.5 6.5 0 8.5 1.5m0-13C14 5 17 4.5 20.5 5v13c-3.5-.5-6.5 0-8.5 1.5m0-13v13',
  keyboard: 'M3.5 7h17v10h-17zM7 10h.01M10 10h.01M13 10h.01M16 10h.01M8 14h8',
  info: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-5v-5m0-3h.01',
  toc: 'M4 6h.01M4 12h.01M4 18h.01M8 6h12M8 12h12M8 18h9',
  text: 'M4 19 9 5l5 14M5.8 14h6.4M15 19l3-8 3 8m-5-2.5h4',
  prev: 'M15 5l-7 7 7 7',
  next: 'M9 5l7 7-7 7',
  close: 'M6 6l12 12M18 6 6 18',
  alert: 'M12 4 2.8 19.5h18.4L12 4Zm0 6v4.5m0 2.5h.01',
  back: 'M19 12H5m6-6-6 6 6 6',
  notes: 'M5 4h10l4 4v12H5zM14 4v5h5M8.5 13h7M8.5 16.5h5',
  compare: 'M4 5h6.5v14H4zM13.5 5H20v14h-6.5M6.5 9h1.5M6.5 12h1.5M16 9h1.5M16 12h1.5',
  glossary: 'M5 4.5h11a3 3 0 0 1 3 3v12H8a3 3 0 0 1-3-3zM5 16.5a3 3 0 0 1 3-3h11M9 8.5h6',
  trash: 'M4.5 7h15M9.5 7V4.5h5V7M6.5 7l1 13h9l1-13M10 11v5.5M14 11v5.5',
  note: 'M4 5h16v11H9l-5 4zM8 9.5h8M8 12.5h5',
  tag: 'M3.5 12.5V4h8.5l8.5 8.5-8.5 8.5zM8 8h.01',
  highlighter: 'M15 4l5 5-8.5 8.5H7V12.5zM4 20h7',
  card: 'M3.5 6h17v12h-17zM7 10h6M7 13.5h10',
  copy: 'M8.5 8.5h11v11h-11zM5 15.5H4.5v-11h11V5',
  undo: 'M9 6.5 4.5 11 9 15.5M4.5 11H15a4.5 4.5 0 0 1 0 9h-3',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  review: 'M4 7.5h12v11H4zM8 4.5h12v11M7 13l2 2 4-4.5',
  stats: 'M4 20V10m5.5 10V4m5.5 16v-7m5 7V8M3 20h18',
  settings:
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm7.4-3a7.4 7.4 0 0 0-.1-1.2l2-1.6-2-3.4-2.4 1a7.5 7.5 0 0 0-2-1.2L14.5 3h-4l-.4 2.6a7.5 7.5 0 0 0-2 1.2l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 0 0 0 2.4l-2 1.6 2 3.4 2.4-1a7.5 7.5 0 0 0 2 1.2l.4 2.6h4l.4-2.6a7.5 7.5 0 0 0 2-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2Z',
  pause: 'M8.5 5.5v13M15.5 5.5v13',
  search: 'M10.5 17.5a7 7 0 1 0 0-14 7 7 0 0 0 0 14Zm5-2 5 5',
  link: 'M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
