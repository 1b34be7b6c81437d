import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBlocks } from '../../../src/shared/blocks';
import { parseFrontMatter } from '../../../src/shared/front-matter';

/** The curated articles as canonical text, read straight from resources/corpus. */
export interface CorpusArticle {
  id: string;
  text: string;
  blocks: { start: number; text: string }[];
}

const DIR = join(import.meta.dirname, '../../../resources/corpus');

export function loadCorpus(): CorpusArticle[] {
  return readdirSync(DIR)
    .filter((file) => /^[a-z0-9-]+\.md$/.test(file))
    .sort()
    .map((file) => {
      const { body } = parseFrontMatter(readFileSync(join(DIR, file), 'utf8'));
      const { blocks, text } = parseBlocks(body);
      return { id: file.replace(/\.md$/, ''), text, blocks };
    });
}
