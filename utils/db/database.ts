/**
 * Gloss's IndexedDB database. The schema lives here and only here: every
 * change adds a `version(n)` with an `upgrade()` and a fixture test.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import { siteOf } from '../site';
import { StoreError } from './errors';
import { pageWords } from './words';
import type { Annotation, Page } from './types';
import type { Correction, Identity, RememberedArticle, StoredMention, StoredQuote } from '../sources/types';

/** Version 1 of the schema: primary key first, then indexes (`*` = multi-entry). */
export const SCHEMA_V1 = {
  annotations: 'id, url, createdAt, updatedAt, *tags, *words',
  pages: 'url, lastVisited, site',
} as const;

/**
 * Version 2: annotations indexed by colour (the library filters by it); a
 * page's site becomes its registrable domain under the Public Suffix List
 * (version 1 kept the host without `www.`).
 */
export const SCHEMA_V2 = {
  annotations: 'id, url, createdAt, updatedAt, color, *tags, *words',
  pages: 'url, lastVisited, site',
} as const;

/**
 * Version 3: the library's indexes, and what the reader chose to remember of
 * the articles they read (utils/sources). Pages get search words from their
 * title and site (`*words`), so a search finds every highlight of a page by
 * its title; annotations get `[url+createdAt]`, so the library reads each
 * highlight's page and date from the index alone. New tables: remembered
 * articles, their quotations and entity mentions, the identities of speakers
 * and entities across articles, and the reader's corrections.
 */
export const SCHEMA_V3 = {
  annotations: 'id, url, createdAt, updatedAt, color, *tags, *words, [url+createdAt]',
  pages: 'url, lastVisited, site, *words',
  sourceArticles: 'url, site, lastRead',
  sourceQuotes: 'id, url, speakerId, *words',
  sourceMentions: '[url+identityId], url, identityId',
  identities: 'id, *keys, *families, quoteCount, [type+mentionCount]',
  sourceCorrections: 'id, url, kind',
} as const;

/**
 * Version 4: no search words in the records. The library and the popup build
 * their word indexes in memory (`utils/db/word-index.ts`, words derived by
 * `annotationWords` and `pageWords`), so nothing queries the database by word:
 * the multi-entry `*words` indexes of annotations and pages only slowed every
 * write (an import of 100,000 highlights spent most of its time on them) and
 * every read (an export read each record's words only to drop them).
 * The upgrade deletes the `words` field of every annotation and page.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  annotations: 'id, url, createdAt, updatedAt, color, *tags, [url+createdAt]',
  pages: 'url, lastVisited, site',
} as const;

/** The schema version this code writes. */
export const SCHEMA_VERSION = 4;

/** The typed database. Open it with `createDb()`. */
export class GlossDB extends Dexie {
  // `declare`: with class fields defined by the compiler, a plain field would
  // overwrite the tables Dexie sets up in `stores()` with undefined.
  declare annotations: EntityTable<Annotation, 'id'>;
  declare pages: EntityTable<Page, 'url'>;
  declare sourceArticles: EntityTable<RememberedArticle, 'url'>;
  declare sourceQuotes: EntityTable<StoredQuote, 'id'>;
  declare sourceMentions: Table<StoredMention, [string, string]>;
  declare identities: EntityTable<Identity, 'id'>;
  // A plain Table: EntityTable's insert type does not accept a union of record shapes.
  declare sourceCorrections: Table<Correction, string>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx
          .table<Page, string>('pages')
          .toCollection()
          .modify((page) => {
            page.site = siteOf(page.url) || page.site;
          });
      });
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx) => {
        await tx
          .table<Page, string>('pages')
          .toCollection()
          .modify((page) => {
            (page as Page & { words?: string[] }).words = pageWords(page);
          });
      });
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        await tx
          .table<Annotation & { words?: string[] }, string>('annotations')
          .toCollection()
          .modify((a) => {
            delete a.words;
          });
        await tx
          .table<Page & { words?: string[] }, string>('pages')
          .toCollection()
          .modify((page) => {
            delete page.words;
          });
      });
    // Dexie opens a database of a higher version as it is (IndexedDB counts
    // Dexie's version n as n × 10). Its records may have a shape this code does
    // not know: refuse it rather than read or write it, and leave it for the
    // newer Gloss.
    this.on('ready', (db) => {
      const installed = Math.floor((db as GlossDB).backendDB().version / 10);
      if (installed > SCHEMA_VERSION) {
        throw new StoreError(
          'newer-version',
          `Your notes were saved by a newer version of Gloss (database version ${installed}). ` +
            'Update Gloss to open them; nothing was changed.',
        );
      }
    });
  }
}

/**
 * Opens (lazily, on first use) Gloss's database. Tests pass their own name,
 * or `{ indexedDB, IDBKeyRange }` from fake-indexeddb.
 */
export function createDb(name = 'gloss', options?: ConstructorParameters<typeof Dexie>[1]): GlossDB {
  return new GlossDB(name, options);
}
