/** Why a store operation failed, as a stable code callers can branch on. */
export type StoreErrorCode =
  | 'unparseable' // the file is not JSON (empty, truncated, garbage)
  | 'not_an_object' // JSON, but not an object (null, an array, a number)
  | 'invalid' // an object that does not match the schema
  | 'unknown_version' // written by a newer version than this build knows
  | 'missing_migration' // no migration step from some version
  | 'backup_unverified' // a backup did not read back intact
  | 'journal_corrupt' // a complete journal line (not the torn tail) does not parse
  | 'closed'; // used after close()

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}

/** True for a Node fs error with the given code (ENOENT, EEXIST...). */
export function hasErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
