import type { MenuItemConstructorOptions } from 'electron';
import type { AppInfo } from '../shared/api';

/** Text of Help → About: version and where the corpus comes from. */
export function aboutText(info: AppInfo): string {
  const sources = info.sources.map((s) => `• ${s.title} — ${s.author}, ${s.publisher}, ${s.date}`);
  return [
    `Version ${info.version}`,
    '',
    'A study companion for new quality productive forces (新质生产力).',
    '',
    'Corpus (third-party texts, shown verbatim):',
    ...sources,
  ].join('\n');
}

/** A standard application menu. `isMac` adds the macOS app menu. */
export function menuTemplate(isMac: boolean, showAbout: () => void): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        // Ctrl/Cmd +/- belong to the reader's font size, so page zoom takes Alt as well.
        { role: 'resetZoom', accelerator: 'CmdOrCtrl+Alt+0' },
        { role: 'zoomIn', accelerator: 'CmdOrCtrl+Alt+=' },
        { role: 'zoomOut', accelerator: 'CmdOrCtrl+Alt+-' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'About Xinzhi', click: showAbout }],
    },
  ];
}
