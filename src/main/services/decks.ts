import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CardKind, Deck } from '../../shared/cards';
import { citationSchema, type Citation, type GlossaryEntry } from '../../shared/glossary';

/** A key fact as shipped in resources/cards/facts.json: our words, citing its passage. */
export const factSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(64),
    front: z.string().min(20).max(240),
    back: z.string().min(1).max(400),
    citation: citationSchema,
    tags: z.array(z.string().min(1).max(20)).max(4),
  })
  .strict();
export type Fact = z.infer<typeof factSchema>;

export async function loadFacts(dir: string): Promise<Fact[]> {
  const parsed = z
    .array(factSchema)
    .min(25)
    .safeParse(JSON.parse(await readFile(join(dir, 'facts.json'), 'utf8')));
  if (!parsed.success) throw new Error(`facts.json: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A card generated from the glossary or the facts; its id is stable across versions. */
export interface BuiltInCard {
  id: string;
  deck: Exclude<Deck, 'mine'>;
  kind: Extract<CardKind, 'term' | 'term-chinese' | 'fact'>;
  noteId: string;
  front: string;
  back: string;
  citation: Citation;
}

/**
 * The Key terms deck (term → definition and, where the term has Chinese, 汉字 → term and
 * pinyin; the two are siblings) and the Key facts deck, in study order: the glossary's
 * categories in turn (the concept first), each fact after every third term.
 */
export function builtInCards(entries: GlossaryEntry[], facts: Fact[]): BuiltInCard[] {
  const terms = [...entries].sort((a, b) => categoryRank(a) - categoryRank(b));
  const cards: BuiltInCard[] = [];
  const pending = [...facts];
  terms.forEach((e, i) => {
    const noteId = `term:${e.id}`;
    const citation = e.citations[0]!;
    cards.push({
      id: `t-${e.id}`,
      deck: 'terms',
      kind: 'term',
      noteId,
      front: `**${e.term}**`,
      back: e.definition,
      citation,
    });
    if (e.chinese && e.pinyin) {
      cards.push({
        id: `z-${e.id}`,
        deck: 'terms',
        kind: 'term-chinese',
        noteId,
        front: `# ${e.chinese}`,
        back: `**${e.term}**\n\n${e.chinese} · *${e.pinyin}*`,
        citation,
      });
    }
    if (i % 3 === 2 && pending.length > 0) cards.push(factCard(pending.shift()!));
  });
  cards.push(...pending.map(factCard));
  return cards;
}

const CATEGORY_ORDER = ['concept', 'policy', 'strategy', 'industry', 'people-places'];
const categoryRank = (e: GlossaryEntry) => CATEGORY_ORDER.indexOf(e.category);

const factCard = (f: Fact): BuiltInCard => ({
  id: `f-${f.id}`,
  deck: 'facts',
  kind: 'fact',
  noteId: `fact:${f.id}`,
  front: f.front,
  back: f.back,
  citation: f.citation,
});
