import type { IconName } from '../../components/Icon';
import { MOD } from '../../lib/keys';

/** The four things Xinzhi does, as the welcome tour and the Help view tell them. */
export const TOUR_STEPS: { title: string; icon: IconName; text: string; keys: string[] }[] = [
  {
    title: 'Read',
    icon: 'reader',
    text: 'Five articles on new quality productive forces, each with its author, publisher and date. Glossary terms are marked in the text: Tab to one and press Enter for its definition.',
    keys: [`${MOD} 1`, '[', ']'],
  },
  {
    title: 'Highlight',
    icon: 'highlighter',
    text: 'Select text with the mouse or with Shift and the arrow keys. Press h to highlight, 1–5 for a colour, n to add a note, f to make a flashcard. Notes gathers them all.',
    keys: ['h', 'n', 'f'],
  },
  {
    title: 'Look up',
    icon: 'glossary',
    text: 'The glossary gives each key term in English, 汉字 and pīnyīn, our definition, and every place the term occurs in the five articles.',
    keys: [`${MOD} 4`, `${MOD} K`],
  },
  {
    title: 'Review',
    icon: 'review',
    text: 'Flashcards on the key terms and facts, and the ones you make. FSRS brings each back just before you would forget it. Space shows the answer; 1–4 rate it.',
    keys: [`${MOD} 5`, 'Space', '1–4'],
  },
];
