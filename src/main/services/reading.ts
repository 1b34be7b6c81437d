import { AppError, type ParsedInput } from '../../shared/api';
import type { ReadingProgress, Settings } from '../../shared/settings';
import type { Store } from '../store/store';
import type { Corpus } from './corpus';

/** Settings and reading positions: small, frequent writes that must survive a restart. */
export function readingServices(store: Store, corpus: Corpus, now: () => Date) {
  return {
    'settings:get': (): Settings => store.data.settings,

    async 'settings:update'(patch: ParsedInput<'settings:update'>): Promise<Settings> {
      if (patch.lastArticleId) corpus.get(patch.lastArticleId); // throws not_found for a stranger
      const settings = { ...store.data.settings, ...patch };
      await store.apply([{ type: 'set', doc: 'settings', value: settings }]);
      return settings;
    },

    'progress:list': (): Record<string, ReadingProgress> => store.data.progress,

    async 'progress:save'(input: ParsedInput<'progress:save'>): Promise<ReadingProgress> {
      const article = corpus.get(input.articleId);
      if (!article.blocks.some((b) => b.id === input.blockId)) {
        throw new AppError(
          'invalid_input',
          `Article "${input.articleId}" has no block "${input.blockId}".`,
        );
      }
      const previous = store.data.progress[input.articleId];
      const progress: ReadingProgress = {
        blockId: input.blockId,
        percent: input.percent,
        maxPercent: Math.max(previous?.maxPercent ?? 0, input.percent),
        updatedAt: now().toISOString(),
      };
      const all = { ...store.data.progress, [input.articleId]: progress };
      await store.apply([{ type: 'set', doc: 'progress', value: all }]);
      return progress;
    },
  };
}
