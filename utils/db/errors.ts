/** Errors the store gives its callers, with a code they can act on. */

/** What went wrong, for the caller to decide what to show. */
export type StoreErrorCode = 'invalid' | 'not-found' | 'conflict' | 'quota' | 'newer-version' | 'unknown';

/** A failed store operation. The database is as it was before the call. */
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

/** Whether an error (or one it wraps, as Dexie and IndexedDB do) is a full disk. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  // Dexie's BulkError lists the failure of each record.
  return Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1));
}

/** Any error as a StoreError: quota errors get their own code and a message a reader can act on. */
export function toStoreError(error: unknown): StoreError {
  // Dexie wraps errors raised while opening (OpenFailedError → inner).
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (e instanceof StoreError) return e;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  if (isQuotaError(error)) {
    return new StoreError(
      'quota',
      'The browser has no more room for Gloss’s notes. Free some disk space, or export your notes and delete old ones, then try again.',
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreError('unknown', `The notes database failed: ${detail}`, { cause: error });
}

/** Runs a database operation, turning every failure into a StoreError. */
export async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStoreError(error);
  }
}
