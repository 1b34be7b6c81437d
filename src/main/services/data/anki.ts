import { Marked } from 'marked';
import { DECK_LABEL, type CardRecord, type CardView } from '../../../shared/cards';

/**
 * Cards as an Anki import file: tab-separated text with the header lines that let Anki import
 * it without asking (separator, HTML, and which columns hold the note type, deck and tags).
 * Basic cards become Basic notes; cloze cards one Cloze note per cloze text (its siblings
 * share it), in Anki's own {{c1::…}} syntax. Markdown becomes HTML; raw HTML in a card is shown
 * as text, not run. Each note ends with where its passage is from.
 */

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const markdown = new Marked({ renderer: { html: ({ text }) => escapeHtml(text) } });
const html = (md: string) =>
  (markdown.parse(md, { async: false }) as string).trim().replace(/\n+/g, ' ');

/** A field quoted as Anki's importer reads it: inner quotes doubled, no tabs. */
const field = (value: string) => `"${value.replace(/\t/g, ' ').replace(/"/g, '""')}"`;

export interface AnkiCard {
  record: CardRecord;
  edit: CardView['edit'];
  /** "Title — Author, Publisher, Date", when the card has a passage. */
  source?: string;
}

export function ankiExport(cards: AnkiCard[]): { text: string; notes: number } {
  const rows: string[] = [];
  const clozeNotes = new Set<string>();
  for (const { record, edit, source } of cards) {
    const cite = source ? `<p><small>Source: ${escapeHtml(source)}</small></p>` : '';
    const deck = `Xinzhi::${DECK_LABEL[record.deck]}`;
    const tags = ['xinzhi', `xinzhi::${record.deck}`, ...(record.leech ? ['leech'] : [])].join(' ');
    let cells: string[];
    if ('cloze' in edit) {
      if (clozeNotes.has(record.noteId)) continue;
      clozeNotes.add(record.noteId);
      cells = ['Cloze', deck, html(edit.cloze), html(edit.extra) + cite, tags];
    } else {
      cells = ['Basic', deck, html(edit.front), html(edit.back) + cite, tags];
    }
    rows.push(cells.map(field).join('\t'));
  }
  const header = [
    '#separator:tab',
    '#html:true',
    '#notetype column:1',
    '#deck column:2',
    '#tags column:5',
  ];
  return { text: [...header, ...rows, ''].join('\n'), notes: rows.length };
}
