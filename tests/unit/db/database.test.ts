import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshDb } from './helpers';

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
