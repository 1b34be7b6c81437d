import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/api';
import {
  READING_WPM,
  articleMetaSchema,
  type Article,
  type ArticleMeta,
  type ArticleSummary,
} from '../../shared/article';
import { countWords, parseBlocks } from '../../shared/blocks';
import { parseFrontMatter } from '../../shared/front-matter';

/** Article files are lower-case `<id>.md`; anything else in the folder (CURATION.md) is not an article. */
const ARTICLE_FILE = /^[a-z0-9-]+\.md$/;

interface Source {
  meta: ArticleMeta;
  body: string;
}

export interface Corpus {
  list(): ArticleSummary[];
  get(id: string): Article;
  /** The article's canonical text: what highlight positions index. */
  text(id: string): string;
  ids(): string[];
}

export async function loadCorpus(corpusDir: string): Promise<Corpus> {
  const files = (await readdir(corpusDir)).filter((f) => ARTICLE_FILE.test(f)).sort();
  const sources = await Promise.all(
    files.map(async (file): Promise<Source> => {
      const { fields, body } = parseFrontMatter(await readFile(join(corpusDir, file), 'utf8'));
      const parsed = articleMetaSchema.safeParse(fields);
      if (!parsed.success) throw new Error(`${file}: bad front matter: ${parsed.error.message}`);
      return { meta: parsed.data, body };
    }),
  );
  // Chronological order: the library and `[`/`]` follow the concept's story.
  sources.sort(
    (a, b) => a.meta.date.localeCompare(b.meta.date) || a.meta.id.localeCompare(b.meta.id),
  );
  const byId = new Map(sources.map((s) => [s.meta.id, s]));
  const parsed = new Map<string, Article>();
  const texts = new Map<string, string>();

  // Parsing is cheap (a few ms for the whole corpus) but done once per article, on first use.
  const article = (source: Source): Article => {
    const cached = parsed.get(source.meta.id);
    if (cached) return cached;
    const { blocks, toc, text } = parseBlocks(source.body);
    const words = countWords(text);
    const result: Article = {
      ...source.meta,
      words,
      readingMinutes: Math.max(1, Math.round(words / READING_WPM)),
      sections: toc.filter((t) => t.level === 2).length,
      blocks,
      toc,
      contentHash: createHash('sha256').update(text).digest('hex'),
    };
    parsed.set(source.meta.id, result);
    texts.set(source.meta.id, text);
    return result;
  };

  function get(id: string): Article {
    const source = byId.get(id);
    if (!source) throw new AppError('not_found', `There is no article "${id}" in the corpus.`);
    return article(source);
  }

  return {
    ids: () => sources.map((s) => s.meta.id),
    list: () =>
      sources.map((s) => {
        const { blocks: _blocks, toc: _toc, contentHash: _hash, ...summary } = article(s);
        return summary;
      }),
    get,
    text: (id) => texts.get(get(id).id) ?? '',
  };
}
