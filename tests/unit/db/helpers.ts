/** A fresh database per test, and a way to make its disk "full". */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { DBCore } from 'dexie';
import { createDb, type GlossDB } from '../../../utils/db';
import { describe as select } from '../../../utils/anchoring';
import type { NewAnnotation } from '../../../utils/db/types';

let counter = 0;

/** A new, empty database with a unique name. */
export function freshDb(): GlossDB {
  return createDb(`gloss-test-${++counter}`, { indexedDB, IDBKeyRange });
}

export const TEXT =
  'BEIJING -- Foreign Minister Wang Yi said on Tuesday that dialogue should replace confrontation in Zürich talks.';

/** A valid new annotation on `url` for the words `quote` of TEXT. */
export function newAnnotation(
  quote = 'dialogue should replace confrontation',
  extra: Partial<NewAnnotation> = {},
): NewAnnotation {
  const url = extra.url ?? 'https://news.example.com/a';
  const start = TEXT.indexOf(quote);
  return { url, target: { source: url, selectors: select(TEXT, start, start + quote.length) }, ...extra };
}

/**
 * Makes every write after the first `allowed` ones fail as a full disk does
 * (a QuotaExceededError DOMException from IndexedDB), through Dexie's DBCore
 * middleware, so the failure happens inside the real transaction.
 */
export async function fillDiskAfter(db: GlossDB, allowed: number): Promise<void> {
  let writes = 0;
  // Middleware applies when the database opens, so reopen it.
  db.close();
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            if (writes++ >= allowed) {
              return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            }
            return table.mutate(req);
          },
        };
      },
    }),
  });
  await db.open();
}
