import type { Api, ApiError, Result } from '../../../shared/api';

/** An error the app reports to the user as is: its message is written for people. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

export const api: Api = window.api;

/** Unwraps a result, throwing its error: `const a = await call(api.corpusGet({ id }))`. */
export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  return 'Something went wrong. Please try again.';
}
