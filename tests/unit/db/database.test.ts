import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { allAnnotations, createDb, saveAnnotation } from '../../../utils/db';
import { freshDb, newAnnotation } from './helpers';

describe('GlossDB', () => {
  it('opens version 1 with the tables and indexes the store relies on', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(1);
    const indexes = (table: 'annotations' | 'pages') =>
      db
        .table(table)
        .schema.indexes.map((i) => `${i.multi ? '*' : ''}${i.name}`)
        .sort();
    expect(db.annotations.schema.primKey.name).toBe('id');
    expect(indexes('annotations')).toEqual(['*tags', '*words', 'createdAt', 'updatedAt', 'url']);
    expect(db.pages.schema.primKey.name).toBe('url');
    expect(indexes('pages')).toEqual(['lastVisited', 'site']);
    db.close();
  });
});

describe('a database written by a newer Gloss', () => {
  it('is refused with a clear message and left as it was, never wiped', async () => {
    const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
    const name = 'gloss-newer';
    // Version 3 of the schema as a later Gloss might write it (Dexie stores version n as n × 10).
    await new Promise<void>((done, failed) => {
      const req = indexedDB.open(name, 30);
      req.onupgradeneeded = () => {
        // A later schema keeps version 1's tables and indexes and adds its own.
        const store = req.result.createObjectStore('annotations', { keyPath: 'id' });
        for (const index of ['url', 'createdAt', 'updatedAt', 'modifiedAt']) store.createIndex(index, index);
        for (const index of ['tags', 'words']) store.createIndex(index, index, { multiEntry: true });
        const pages = req.result.createObjectStore('pages', { keyPath: 'url' });
        for (const index of ['lastVisited', 'site']) pages.createIndex(index, index);
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
    expect(after).toEqual({ version: 30, count: 1 });
  });
});
