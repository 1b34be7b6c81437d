import { z } from 'zod';
import { articleIdSchema, type Article, type ArticleSummary } from './article';
import {
  colorSchema,
  highlightIdSchema,
  noteSchema,
  tagsSchema,
  textPositionSelectorSchema,
  textQuoteSelectorSchema,
  type HighlightSummary,
  type PlacedHighlight,
  type TrashEntry,
} from './highlights';
import {
  CARD_LIMITS,
  cardContentSchema,
  cardIdSchema,
  newCardSchema,
  ratingSchema,
  type AnswerResult,
  type CardDraft,
  type CardStats,
  type CardView,
  type QueueItem,
  type ReviewQueue,
} from './cards';
import {
  glossaryIdSchema,
  type ComparisonItem,
  type ContextLine,
  type GlossaryItem,
  type StudyNote,
} from './glossary';
import { searchQuerySchema, type SearchResults } from './search';
import {
  applyImportSchema,
  backupFileSchema,
  exportInputSchema,
  type ExportResult,
  type ImportPreview,
  type ImportResult,
  type SavedBackup,
} from './data';
import {
  readingPositionSchema,
  settingsSchema,
  type ReadingProgress,
  type Settings,
} from './settings';

/**
 * The one IPC contract. Each channel names its input schema (validated in main) and its result
 * type. The preload, the main-process handlers and the renderer's `window.api` are all derived
 * from this object; no type is written twice.
 */

export { articleIdSchema };

const none = z.undefined();

/** Start-up had to recover: the UI tells the user what happened. Set by the store. */
export interface RecoveryNotice {
  /** Where the damaged file was moved (it is never deleted); null when the file was missing. */
  damagedFile: string | null;
  /** The backup (or, for a damaged journal only, the intact store file) the data came from;
   * null when there was nothing to restore and the store started empty. */
  restoredFrom: string | null;
  reason: string;
  /** ISO time of the recovery. */
  at: string;
  /** Set when the journal of recent changes was damaged: where it was moved. */
  damagedJournal?: string;
}

/** One undoable step, as the UI names it ("Undo Delete highlight"). */
export interface HistoryStep {
  label: string;
  /** The article of the highlight or card, when it has one. */
  articleId?: string;
  /** The (first) highlight or card the step touched. */
  id: string;
}
export interface HistoryState {
  undo: HistoryStep | null;
  redo: HistoryStep | null;
}

export interface CorpusSource {
  id: string;
  title: string;
  author: string;
  publisher: string;
  date: string;
  source: string;
}

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  sources: CorpusSource[];
  recovery: RecoveryNotice | null;
}

const trashIdSchema = z.union([highlightIdSchema, cardIdSchema], {
  error: 'not a highlight or card id',
});
const cardIdsSchema = z
  .array(cardIdSchema)
  .min(1, 'Choose at least one card.')
  .max(CARD_LIMITS.bulk, `At most ${CARD_LIMITS.bulk.toLocaleString('en')} cards at once.`);

const sameLength = (h: { quote: { exact: string }; position: { start: number; end: number } }) =>
  h.position.end - h.position.start === h.quote.exact.length;
const LENGTH_MISMATCH = 'The quote and the position disagree on the length of the highlight.';

/** Declares a channel: `channel<Result>()(inputSchema)`. */
const channel =
  <Result>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, result: undefined as unknown as Result });

export const contract = {
  'app:info': channel<AppInfo>()(none),
  'app:dismissRecovery': channel<null>()(none),
  'corpus:list': channel<ArticleSummary[]>()(none),
  'corpus:get': channel<Article>()(z.object({ id: articleIdSchema }).strict()),
  'settings:get': channel<Settings>()(none),
  'settings:update': channel<Settings>()(settingsSchema.partial().strict()),
  'progress:list': channel<Record<string, ReadingProgress>>()(none),
  'progress:save': channel<ReadingProgress>()(
    readingPositionSchema.extend({ articleId: articleIdSchema }).strict(),
  ),
  'highlights:list': channel<PlacedHighlight[]>()(
    z.object({ articleId: articleIdSchema.optional() }).strict(),
  ),
  /** Tags in use and counts per article, without sending every highlight. */
  'highlights:summary': channel<HighlightSummary>()(none),
  'highlights:create': channel<PlacedHighlight>()(
    z
      .object({
        articleId: articleIdSchema,
        quote: textQuoteSelectorSchema,
        position: textPositionSelectorSchema,
        color: colorSchema,
        note: noteSchema.optional(),
        tags: tagsSchema.optional(),
      })
      .strict()
      .refine(sameLength, LENGTH_MISMATCH),
  ),
  'highlights:update': channel<PlacedHighlight>()(
    z
      .object({
        id: highlightIdSchema,
        color: colorSchema.optional(),
        note: noteSchema.optional(),
        tags: tagsSchema.optional(),
      })
      .strict()
      .refine(
        (p) => p.color !== undefined || p.note !== undefined || p.tags !== undefined,
        'Nothing to change: give a colour, a note or tags.',
      ),
  ),
  'highlights:reattach': channel<PlacedHighlight>()(
    z
      .object({
        id: highlightIdSchema,
        quote: textQuoteSelectorSchema,
        position: textPositionSelectorSchema,
      })
      .strict()
      .refine(sameLength, LENGTH_MISMATCH),
  ),
  'highlights:confirm': channel<PlacedHighlight>()(z.object({ id: highlightIdSchema }).strict()),
  'highlights:delete': channel<null>()(z.object({ id: highlightIdSchema }).strict()),
  'trash:list': channel<TrashEntry[]>()(none),
  'trash:restore': channel<PlacedHighlight | CardView>()(z.object({ id: trashIdSchema }).strict()),
  'trash:purge': channel<null>()(z.object({ id: trashIdSchema }).strict()),
  'trash:empty': channel<null>()(none),
  'history:undo': channel<HistoryStep | null>()(none),
  'history:redo': channel<HistoryStep | null>()(none),
  'history:state': channel<HistoryState>()(none),
  'glossary:list': channel<GlossaryItem[]>()(none),
  'glossary:occurrences': channel<ContextLine[]>()(z.object({ id: glossaryIdSchema }).strict()),
  'glossary:studyNote': channel<StudyNote>()(z.object({ articleId: articleIdSchema }).strict()),
  'glossary:compare': channel<ComparisonItem[]>()(none),
  'cards:list': channel<CardView[]>()(none),
  'cards:queue': channel<ReviewQueue>()(none),
  'cards:answer': channel<AnswerResult>()(
    z
      .object({
        id: cardIdSchema,
        rating: ratingSchema,
        /** The card's reps as shown: a second answer to the same showing is refused. */
        reps: z.number().int().nonnegative(),
        durationMs: z.number().int().min(0).max(3_600_000),
      })
      .strict(),
  ),
  'cards:undoAnswer': channel<QueueItem | null>()(none),
  'cards:draft': channel<CardDraft>()(z.object({ highlightId: highlightIdSchema }).strict()),
  'cards:create': channel<CardView[]>()(newCardSchema),
  'cards:update': channel<CardView[]>()(
    z.object({ id: cardIdSchema, content: cardContentSchema }).strict(),
  ),
  'cards:revert': channel<CardView>()(z.object({ id: cardIdSchema }).strict()),
  'cards:suspend': channel<null>()(
    z.object({ ids: cardIdsSchema, suspended: z.boolean() }).strict(),
  ),
  'cards:reset': channel<null>()(z.object({ ids: cardIdsSchema }).strict()),
  'cards:delete': channel<null>()(z.object({ ids: cardIdsSchema }).strict()),
  'cards:stats': channel<CardStats>()(none),
  'search:query': channel<SearchResults>()(searchQuerySchema),
  /** Asks where (a native dialog in main) and writes; null when the user cancelled. */
  'data:export': channel<ExportResult | null>()(exportInputSchema),
  /** Asks for a file, reads and checks all of it, and says what it holds; changes nothing. */
  'data:openImport': channel<ImportPreview | null>()(none),
  'data:applyImport': channel<ImportResult>()(applyImportSchema),
  'backups:list': channel<SavedBackup[]>()(none),
  'backups:restore': channel<null>()(backupFileSchema),
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['result'];

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'forbidden',
  'unknown_channel',
  'conflict',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export interface ApiError {
  code: ErrorCode;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** `'corpus:get'` → `'corpusGet'`: the method name the preload exposes for a channel. */
type MethodName<C extends string> = C extends `${infer Ns}:${infer Op}`
  ? `${Ns}${Capitalize<Op>}`
  : never;
export function methodName<C extends Channel>(c: C): MethodName<C> {
  const [ns, op] = c.split(':');
  return `${ns}${op[0].toUpperCase()}${op.slice(1)}` as MethodName<C>;
}

/** What `window.api` looks like in the renderer. */
export type Api = {
  [C in Channel as MethodName<C>]: (
    ...args: Input<C> extends undefined ? [] : [input: Input<C>]
  ) => Promise<Result<Output<C>>>;
};

/** What the application (createServices) implements: one method per channel. */
export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> | Output<C>;
};

/** Errors the application throws on purpose; anything else is reported as `internal`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
