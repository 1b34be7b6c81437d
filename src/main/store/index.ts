export {
  openStore,
  DEFAULT_BACKUP_INTERVAL_MS,
  DEFAULT_JOURNAL_MAX_BYTES,
  DEFAULT_JOURNAL_MAX_LINES,
} from './store';
export type {
  Store,
  StoreOptions,
  RecoveryNotice,
  BackupInfo,
  BackupReason,
  Change,
  StoreCollection,
  StoreDoc,
} from './store';
export {
  CURRENT_SCHEMA_VERSION,
  emptyStore,
  storeDataSchema,
  type StoreData,
  type StoreRecord,
  type WindowState,
} from './schema';
export { migrate, migrations, runMigrations, type Migration } from './migrations';
export { StoreError, isStoreError, type StoreErrorCode } from './errors';
export { openJournal, type Journal } from './journal';
