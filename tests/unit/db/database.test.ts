import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import {
  allAnnotations,
  createDb,
  listAnnotations,
  saveAnnotation,
  searchAnnotations,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  type Annotation,
  type GlossDB,
  type Page,
} from '../../../utils/db';
import { freshDb, newAnnotation } from './helpers';
import { annotationWords } from '../../../utils/db/records';
import { pageWords } from '../../../utils/db/words';
import { loadCatalog } from '../../../utils/library/catalog';
import { EMPTY_QUERY, loadSearchIndex, runQuery } from '../../../utils/library/query';
import { searchQuotes } from '../../../utils/sources/queries';
import { siteOf } from '../../../utils/site';
import { buildSourceRecord } from '../../../utils/sources/record';
import { rememberArticle } from '../../../utils/sources/store';
import { listSpeakers } from '../../../utils/sources/queries';

/** Records as a Gloss before schema 4 stored them, without their search words, in order of creation. */
function withoutWords<T extends object>(records: T[]): Omit<T, 'words'>[] {
  return [...records]
    .sort((a, b) => ((a as { createdAt?: number }).createdAt ?? 0) - ((b as { createdAt?: number }).createdAt ?? 0))
    .map((r) => {
      const { words: _words, ...rest } = r as T & { words?: string[] };
      return rest;
    });
}

/** The library's search for `text` (the in-memory indexes, built as the library page builds them): ids, sorted. */
async function librarySearch(db: GlossDB, text: string): Promise<string[]> {
  const catalog = await loadCatalog(db);
  const index = await loadSearchIndex(db, await db.pages.toArray(), 2);
  const at = await runQuery(db, catalog, { ...EMPTY_QUERY, text }, siteOf, new Map(), index);
  return Array.from(at, (i) => catalog.ids[i]!).sort();
}

describe('GlossDB', () => {
  it('opens version 4 with the tables and indexes the store relies on', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(4);
    const indexes = (table: 'annotations' | 'pages') =>
      db
        .table(table)
        .schema.indexes.map((i) => `${i.multi ? '*' : ''}${i.name}`)
        .sort();
    expect(db.annotations.schema.primKey.name).toBe('id');
    expect(indexes('annotations')).toEqual(['*tags', '[url+createdAt]', 'color', 'createdAt', 'updatedAt', 'url']);
    expect(db.pages.schema.primKey.name).toBe('url');
    expect(indexes('pages')).toEqual(['lastVisited', 'site']);
    expect(db.sourceQuotes.schema.primKey.name).toBe('id');
    expect(
      db
        .table('sourceQuotes')
        .schema.indexes.map((i) => `${i.multi ? '*' : ''}${i.name}`)
        .sort(),
    ).toEqual(['*words', 'speakerId', 'url']);
    expect(db.identities.schema.indexes.map((i) => `${i.multi ? '*' : ''}${i.name}`).sort()).toEqual([
      '*families',
      '*keys',
      '[type+mentionCount]',
      'quoteCount',
    ]);
    db.close();
  });
});

describe('a database written by a newer Gloss', () => {
  it('is refused with a clear message and left as it was, never wiped', async () => {
    const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
    const name = 'gloss-newer';
    // Version 5 of the schema as a later Gloss might write it (Dexie stores version n as n × 10).
    await new Promise<void>((done, failed) => {
      const req = indexedDB.open(name, 50);
      req.onupgradeneeded = () => {
        // A later schema keeps the tables and indexes and adds its own.
        const store = req.result.createObjectStore('annotations', { keyPath: 'id' });
        for (const index of ['url', 'createdAt', 'updatedAt', 'color', 'modifiedAt']) store.createIndex(index, index);
        for (const index of ['tags', 'words']) store.createIndex(index, index, { multiEntry: true });
        store.createIndex('[url+createdAt]', ['url', 'createdAt']);
        const pages = req.result.createObjectStore('pages', { keyPath: 'url' });
        for (const index of ['lastVisited', 'site']) pages.createIndex(index, index);
        pages.createIndex('words', 'words', { multiEntry: true });
        // Version 3's tables, as Dexie would have made them.
        const v3: Array<[string, string | string[], string[], string[]]> = [
          ['sourceArticles', 'url', ['site', 'lastRead'], []],
          ['sourceQuotes', 'id', ['url', 'speakerId'], ['words']],
          ['sourceMentions', ['url', 'identityId'], ['url', 'identityId'], []],
          ['identities', 'id', ['quoteCount'], ['keys', 'families']],
          ['sourceCorrections', 'id', ['url', 'kind'], []],
        ];
        for (const [table, key, plain, multi] of v3) {
          const s = req.result.createObjectStore(table, { keyPath: key });
          for (const index of plain) s.createIndex(index, index);
          if (table === 'identities') s.createIndex('[type+mentionCount]', ['type', 'mentionCount']);
          for (const index of multi) s.createIndex(index, index, { multiEntry: true });
        }
        req.result.createObjectStore('sources', { keyPath: 'url' });
        store.add({ id: 'kept', note: 'from the future' });
      };
      req.onsuccess = () => (req.result.close(), done());
      req.onerror = () => failed(req.error);
    });
    const db = createDb(name, { indexedDB, IDBKeyRange });
    await expect(allAnnotations(db)).rejects.toMatchObject({
      code: 'newer-version',
      message: expect.stringMatching(/newer version of Gloss/),
    });
    await expect(saveAnnotation(db, newAnnotation())).rejects.toMatchObject({ code: 'newer-version' });
    db.close();
    const after = await new Promise<{ version: number; count: number }>((done, failed) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => {
        const c = req.result.transaction('annotations').objectStore('annotations').count();
        c.onsuccess = () => (req.result.close(), done({ version: req.result.version, count: c.result }));
      };
      req.onerror = () => failed(req.error);
    });
    expect(after).toEqual({ version: 50, count: 1 });
  });
});

describe('the upgrade from version 1', () => {
  it('finds every record a version-1 Gloss wrote intact, with sites under the Public Suffix List', async () => {
    const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
    const fixture = JSON.parse(readFileSync('tests/fixtures/db/gloss-v1.json', 'utf8')) as {
      schema: typeof SCHEMA_V1;
      annotations: Annotation[];
      pages: Page[];
    };
    const name = 'gloss-from-v1';
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores(fixture.schema);
    await v1.table('annotations').bulkAdd(fixture.annotations);
    await v1.table('pages').bulkAdd(fixture.pages);
    v1.close();

    const db = createDb(name, { indexedDB, IDBKeyRange });
    expect(await allAnnotations(db)).toEqual(withoutWords(fixture.annotations));
    const pages = await db.pages.orderBy('url').toArray();
    expect(pages.map((p) => [p.url, p.site])).toEqual([
      ['https://alice.github.io/post', 'alice.github.io'],
      ['https://news.bbc.co.uk/world/asia/1', 'bbc.co.uk'],
      ['https://www.example.com/story?id=7', 'example.com'],
    ]);
    for (const p of pages) {
      const { site: _site, ...rest } = p;
      const { site: _old, ...before } = fixture.pages.find((f) => f.url === p.url)!;
      expect(rest).toEqual(before);
    }
    // The new index answers, and the store works on the upgraded records.
    expect((await db.annotations.where('color').equals('purple').toArray()).map((a) => a.exact)).toEqual([
      'Zürich’s délégués',
    ]);
    expect((await searchAnnotations(db, 'zurich')).length).toBe(1);
    expect(await listAnnotations(db, 'https://news.bbc.co.uk/world/asia/1')).toHaveLength(2);
    db.close();
  });
});

describe('the upgrade from version 2', () => {
  it('finds every record a version-2 Gloss wrote intact, pages searchable by title and site, and remembers sources beside them', async () => {
    const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
    const fixture = JSON.parse(readFileSync('tests/fixtures/db/gloss-v2.json', 'utf8')) as {
      schema: typeof SCHEMA_V2;
      annotations: Annotation[];
      pages: Page[];
    };
    expect(fixture.schema).toEqual(SCHEMA_V2);
    const name = 'gloss-from-v2';
    const v2 = new Dexie(name, { indexedDB, IDBKeyRange });
    v2.version(2).stores(fixture.schema);
    await v2.table('annotations').bulkAdd(fixture.annotations);
    await v2.table('pages').bulkAdd(fixture.pages);
    v2.close();

    const db = createDb(name, { indexedDB, IDBKeyRange });
    expect(await allAnnotations(db)).toEqual(withoutWords(fixture.annotations));
    const pages = await db.pages.orderBy('url').toArray();
    expect(pages).toEqual([...fixture.pages].sort((a, b) => a.url.localeCompare(b.url)));
    expect(pages.map(pageWords)).toEqual([
      ['人', '权', 'alice', 'github', 'io'],
      ['wang', 'yi', 'at', 'the', 'council', 'bbc', 'co', 'uk'],
      ['zurich', 'story', 'example', 'com'],
    ]);
    // The library's and the popup's searches answer on the upgraded records: a page's title, a highlight's note.
    expect(await librarySearch(db, 'counc')).toEqual(
      fixture.annotations.filter((a) => a.url === 'https://news.bbc.co.uk/world/asia/1').map((a) => a.id),
    );
    expect((await searchAnnotations(db, 'deleg')).map((a) => a.exact)).toEqual(['Zürich’s délégués']);
    const byPage = await db.annotations
      .where('[url+createdAt]')
      .between(['https://news.bbc.co.uk/world/asia/1', 0], ['https://news.bbc.co.uk/world/asia/1', Infinity])
      .count();
    expect(byPage).toBe(2);
    expect(db.verno).toBe(4);
    expect(await db.sourceArticles.count()).toBe(0);
    await rememberArticle(
      db,
      buildSourceRecord({
        url: 'https://news.bbc.co.uk/world/asia/1',
        metadata: {
          title: 'Wang Yi at the council',
          publisher: null,
          byline: null,
          published: '2026-03-03',
          canonicalUrl: null,
          language: 'en',
        },
        text: 'He said “the talks will go ahead” today.',
        analysis: {
          quotes: [{ start: 9, end: 33, text: 'the talks will go ahead', speaker: 'Wang Yi' }],
          entityGroups: [],
        },
      }),
    );
    expect((await listSpeakers(db)).items.map((i) => i.name)).toEqual(['Wang Yi']);
    expect(await allAnnotations(db)).toHaveLength(fixture.annotations.length);
    db.close();
  });
});

describe('the upgrade from version 3', () => {
  it('keeps every record a version-3 Gloss wrote, drops their stored words, and every search still finds them', async () => {
    const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
    const fixture = JSON.parse(readFileSync('tests/fixtures/db/gloss-v3.json', 'utf8')) as {
      schema: typeof SCHEMA_V3;
      tables: Record<string, Record<string, unknown>[]>;
    };
    expect(fixture.schema).toEqual(SCHEMA_V3);
    const annotations = fixture.tables.annotations as (Annotation & { words: string[] })[];
    const pages = fixture.tables.pages as (Page & { words: string[] })[];
    // Version 3 stored the words: the fixture is worth checking only if it holds them.
    expect(annotations.every((a) => a.words.length > 0)).toBe(true);
    expect(pages.every((p) => p.words.length > 0)).toBe(true);
    const name = 'gloss-from-v3';
    const v3 = new Dexie(name, { indexedDB, IDBKeyRange });
    v3.version(3).stores(fixture.schema);
    for (const [table, rows] of Object.entries(fixture.tables)) await v3.table(table).bulkAdd(rows);
    v3.close();

    const db = createDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.annotations.schema.indexes.map((i) => i.name)).not.toContain('words');
    expect(db.pages.schema.indexes.map((i) => i.name)).not.toContain('words');
    // Every record as it was, less its words; the other tables untouched.
    expect(await allAnnotations(db)).toEqual(withoutWords(annotations));
    expect(await db.pages.orderBy('url').toArray()).toEqual(
      withoutWords(pages).sort((a, b) => a.url.localeCompare(b.url)),
    );
    for (const [table, rows] of Object.entries(fixture.tables)) {
      if (table === 'annotations' || table === 'pages') continue;
      expect(await db.table(table).toArray(), table).toEqual(rows);
    }
    // The words derived now are the words version 3 stored.
    for (const a of annotations) expect(annotationWords(a)).toEqual(a.words);
    for (const p of pages) expect(pageWords(p)).toEqual(p.words);
    // Every stored word, and each of its prefixes, finds its highlights in the library (with its page's words)
    // and in the popup (a highlight's own words).
    const expectedFor = (term: string, withPages: boolean) =>
      annotations
        .filter(
          (a) =>
            a.words.some((w) => w.startsWith(term)) ||
            (withPages && pages.some((p) => p.url === a.url && p.words.some((w) => w.startsWith(term)))),
        )
        .map((a) => a.id)
        .sort();
    const terms = new Set([...annotations, ...pages].flatMap((r) => r.words.flatMap((w) => [w, w.slice(0, 1)])));
    for (const term of terms) {
      expect(await librarySearch(db, term), term).toEqual(expectedFor(term, true));
      expect((await searchAnnotations(db, term)).map((a) => a.id).sort(), term).toEqual(expectedFor(term, false));
    }
    // The remembered quotation is found by its words as before.
    expect((await searchQuotes(db, 'talks')).items.map((q) => q.quote.text)).toEqual(['the talks will go ahead']);
    db.close();
  });
});
