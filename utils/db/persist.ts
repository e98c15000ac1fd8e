/**
 * Persistent storage: without it a browser may evict IndexedDB under disk
 * pressure, taking the reader's notes with it (export is their backup).
 */

/** The part of `StorageManager` used here (a seam for tests). */
export type PersistApi = Pick<StorageManager, 'persist' | 'persisted'>;

/**
 * Asks the browser to keep Gloss's storage; resolves whether it will. Call it
 * from an extension page (popup, options): `persist()` exists only in window
 * contexts, not in the background service worker, where this resolves false.
 */
export async function requestPersistentStorage(
  storage: Partial<PersistApi> | undefined = globalThis.navigator?.storage,
): Promise<boolean> {
  if (!storage?.persist || !storage.persisted) return false;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false; // a refusal is not an error: the notes still work, only less safely
  }
}
