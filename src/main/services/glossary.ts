import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError, type ParsedInput } from '../../shared/api';
import { concordancer, type Occurrence } from '../../shared/concordance';
import {
  comparisonSchema,
  glossarySchema,
  studyNoteSchema,
  type Comparison,
  type ComparisonItem,
  type ContextLine,
  type GlossaryEntry,
  type GlossaryItem,
  type StudyNote,
} from '../../shared/glossary';
import type { Corpus } from './corpus';

/** The glossary, study notes and comparison as shipped in resources/glossary/, validated. */
export interface GlossaryData {
  entries: GlossaryEntry[];
  notes: StudyNote[];
  comparisons: Comparison[];
}

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Reads resources/glossary: every terms/<category>.json, study-notes.json and compare.json. */
export async function loadGlossary(dir: string): Promise<GlossaryData> {
  const termFiles = (await readdir(join(dir, 'terms'))).filter((f) => f.endsWith('.json')).sort();
  const parts = await Promise.all(
    termFiles.map((f) => readFile(join(dir, 'terms', f), 'utf8').then((t) => JSON.parse(t))),
  );
  const entries = glossarySchema.safeParse(parts.flat());
  if (!entries.success) throw new Error(`glossary: ${z.prettifyError(entries.error)}`);
  return {
    entries: [...entries.data].sort((a, b) => a.term.localeCompare(b.term, 'en')),
    notes: await readJson(join(dir, 'study-notes.json'), z.array(studyNoteSchema)),
    comparisons: await readJson(join(dir, 'compare.json'), z.array(comparisonSchema)),
  };
}

/** Every occurrence of every term in every article, computed once (on first use) and kept. */
export function createConcordance(entries: GlossaryEntry[], corpus: Corpus) {
  let cached: Map<string, Occurrence[]> | null = null;
  return (): Map<string, Occurrence[]> => {
    if (!cached) {
      const find = concordancer(entries);
      cached = new Map(corpus.ids().map((id) => [id, find.find(corpus.text(id))]));
    }
    return cached;
  };
}

/** Characters of context on each side of an occurrence. */
export const CONTEXT = 60;

/** What the schemas cannot see: every quote is in its article, ids and spellings are unique,
 * related ids exist. The unit tests require none for the shipped files; at start, problems (a
 * corpus corrected without its glossary) are logged and the app works on: an unplaced quote
 * is shown but cannot be opened. */
export function glossaryProblems(data: GlossaryData, corpus: Corpus): string[] {
  const problems: string[] = [];
  const has = (articleId: string, quote: string) =>
    corpus.ids().includes(articleId) && corpus.text(articleId).includes(quote);
  const ids = new Set(data.entries.map((e) => e.id));
  if (ids.size !== data.entries.length) problems.push('duplicate term ids');
  const spellings = new Map<string, string>();
  for (const e of data.entries) {
    for (const c of e.citations)
      if (!has(c.articleId, c.quote)) problems.push(`${e.id}: ${c.quote}`);
    for (const r of e.related) if (!ids.has(r)) problems.push(`${e.id}: related ${r}`);
    for (const s of [e.term, ...e.aliases].map((x) => x.toLocaleLowerCase())) {
      if (spellings.has(s) && spellings.get(s) !== e.id) problems.push(`"${s}" in two terms`);
      spellings.set(s, e.id);
    }
  }
  for (const c of data.comparisons) {
    for (const q of c.quotes)
      if (!has(c.articleId, q)) problems.push(`compare ${c.articleId}: ${q}`);
  }
  for (const n of data.notes) {
    for (const t of n.keyTerms) if (!ids.has(t)) problems.push(`notes ${n.articleId}: ${t}`);
  }
  return problems;
}

export function glossaryServices(data: GlossaryData, corpus: Corpus) {
  const problems = glossaryProblems(data, corpus);
  if (problems.length > 0) console.warn(`[xinzhi] glossary: ${problems.join('; ')}`);
  const concordance = createConcordance(data.entries, corpus);
  const byId = new Map(data.entries.map((e) => [e.id, e]));

  return {
    'glossary:list'(): GlossaryItem[] {
      const counts = new Map<string, Record<string, number>>();
      for (const [articleId, found] of concordance()) {
        for (const o of found) {
          const perArticle = counts.get(o.termId) ?? {};
          perArticle[articleId] = (perArticle[articleId] ?? 0) + 1;
          counts.set(o.termId, perArticle);
        }
      }
      return data.entries.map((e) => {
        const c = counts.get(e.id) ?? {};
        const citations = e.citations.map((citation) => {
          const start = corpus.text(citation.articleId).indexOf(citation.quote);
          return { ...citation, start, end: start + citation.quote.length };
        });
        const total = Object.values(c).reduce((a, b) => a + b, 0);
        return { ...e, citations, counts: c, total };
      });
    },

    'glossary:studyNote'({ articleId }: ParsedInput<'glossary:studyNote'>): StudyNote {
      const note = data.notes.find((n) => n.articleId === articleId);
      if (!note) throw new AppError('not_found', `There are no study notes for "${articleId}".`);
      return note;
    },

    /** In the corpus's order, each quote placed in its article. */
    'glossary:compare'(): ComparisonItem[] {
      return corpus.ids().flatMap((articleId) => {
        const c = data.comparisons.find((x) => x.articleId === articleId);
        if (!c) return [];
        const text = corpus.text(articleId);
        const quotes = c.quotes.map((q) => {
          const start = text.indexOf(q);
          return { text: q, start, end: start + q.length };
        });
        return [{ ...c, quotes }];
      });
    },

    'glossary:occurrences'({ id }: ParsedInput<'glossary:occurrences'>): ContextLine[] {
      if (!byId.has(id)) throw new AppError('not_found', `There is no glossary term "${id}".`);
      return corpus.ids().flatMap((articleId) => {
        const text = corpus.text(articleId);
        const blocks = corpus.get(articleId).blocks;
        return (concordance().get(articleId) ?? [])
          .filter((o) => o.termId === id)
          .map((o) => ({
            articleId,
            blockId: blocks.findLast((b) => b.start <= o.start)?.id ?? blocks[0].id,
            start: o.start,
            end: o.end,
            before: text.slice(Math.max(0, o.start - CONTEXT), o.start),
            match: text.slice(o.start, o.end),
            after: text.slice(o.end, o.end + CONTEXT),
          }));
      });
    },
  };
}
