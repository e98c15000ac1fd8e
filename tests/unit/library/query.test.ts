import { describe, expect, it } from 'vitest';
import { saveAnnotation, upsertPage } from '../../../utils/db/store';
import type { GlossDB } from '../../../utils/db';
import { loadCatalog, withEntry, withoutId } from '../../../utils/library/catalog';
import {
  EMPTY_QUERY,
  loadSearchIndex,
  runQuery,
  type LibraryQuery,
  type SearchIndex,
} from '../../../utils/library/query';
import { groupRows } from '../../../utils/library/rows';
import { siteOf } from '../../../utils/site';
import { freshDb, newAnnotation } from '../db/helpers';

const A = 'https://news.example.com/a';
const B = 'https://www.other.org/b';

/** Three highlights on two pages, created a day apart (A twice, then B). */
async function library(): Promise<{ db: GlossDB; ids: string[] }> {
  const db = freshDb();
  const ids: string[] = [];
  const inputs = [
    newAnnotation('Foreign Minister Wang Yi', { url: A, note: 'who said it', tags: ['china'] }),
    newAnnotation('dialogue should replace confrontation', { url: A, tags: ['Diplomacy'] }),
    newAnnotation('Zürich talks', { url: B, note: 'the venue' }),
  ];
  for (const [i, input] of inputs.entries()) {
    const saved = await saveAnnotation(db, input);
    // Dates a day apart, written as an import would.
    const createdAt = Date.UTC(2026, 0, 10 + i, 12);
    await db.annotations.update(saved.id, { createdAt, updatedAt: createdAt });
    ids.push(saved.id);
  }
  await upsertPage(db, { url: A, title: 'Minister speaks in Beijing', byline: null, published: null, lastVisited: 1 });
  await upsertPage(db, { url: B, title: 'Swiss venue chosen', byline: null, published: null, lastVisited: 2 });
  return { db, ids };
}

/** The in-memory word indexes of `db`, as the library page builds them. */
async function searchIndex(db: GlossDB, batch?: number): Promise<SearchIndex> {
  return loadSearchIndex(db, await db.pages.toArray(), batch);
}

/** The ids found for `q`, the same from the records read (the path without the index) and from the in-memory indexes. */
async function find(db: GlossDB, q: Partial<LibraryQuery>): Promise<string[]> {
  const catalog = await loadCatalog(db);
  const query = { ...EMPTY_QUERY, ...q };
  const fromDb = Array.from(await runQuery(db, catalog, query, siteOf), (i) => catalog.ids[i]);
  // A batch of 2 reads the highlights in several requests.
  const fromMemory = Array.from(
    await runQuery(db, catalog, query, siteOf, new Map(), await searchIndex(db, 2)),
    (i) => catalog.ids[i],
  );
  expect(fromMemory).toEqual(fromDb);
  return fromMemory;
}

describe('the library catalog and its queries', () => {
  it('lists every highlight newest first, from the index alone', async () => {
    const { db, ids } = await library();
    const catalog = await loadCatalog(db);
    expect(catalog.ids).toEqual([ids[2], ids[1], ids[0]]);
    expect(catalog.urls).toEqual([B, A, A]);
    expect([...catalog.dates]).toEqual([
      Date.UTC(2026, 0, 12, 12),
      Date.UTC(2026, 0, 11, 12),
      Date.UTC(2026, 0, 10, 12),
    ]);
  });

  it('finds by word prefixes in quote, note and tags, and in the page title and site', async () => {
    const { db, ids } = await library();
    expect(await find(db, { text: 'wan' })).toEqual([ids[0]]); // quote
    expect(await find(db, { text: 'VEN' })).toEqual([ids[2]]); // note, and B's title
    expect(await find(db, { text: 'diplo' })).toEqual([ids[1]]); // tag, any case
    expect(await find(db, { text: 'beij' })).toEqual([ids[1], ids[0]]); // A's title
    expect(await find(db, { text: 'other' })).toEqual([ids[2]]); // B's site
    expect(await find(db, { text: 'zurich' })).toEqual([ids[2]]); // diacritics folded
    expect(await find(db, { text: 'minister confront' })).toEqual([ids[1]]); // title word and quote word
    expect(await find(db, { text: 'minister venue' })).toEqual([]);
  });

  it('filters by tag, site and a range of days, together with the search', async () => {
    const { db, ids } = await library();
    expect(await find(db, { tag: 'china' })).toEqual([ids[0]]);
    expect(await find(db, { site: 'example.com' })).toEqual([ids[1], ids[0]]);
    expect(await find(db, { from: '2026-01-11' })).toEqual([ids[2], ids[1]]);
    expect(await find(db, { from: '2026-01-10', to: '2026-01-11' })).toEqual([ids[1], ids[0]]);
    expect(await find(db, { to: '2026-01-09' })).toEqual([]);
    expect(await find(db, { text: 'minister', tag: 'Diplomacy' })).toEqual([ids[1]]);
  });

  it('groups by page, newest page first, each page under its heading', async () => {
    const { db, ids } = await library();
    const catalog = await loadCatalog(db);
    const rows = groupRows(catalog, await runQuery(db, catalog, EMPTY_QUERY, siteOf));
    expect(rows.map((r) => (r.kind === 'page' ? `page ${r.url} ${r.count}` : catalog.ids[r.at]))).toEqual([
      `page ${B} 1`,
      ids[2],
      `page ${A} 2`,
      ids[1],
      ids[0],
    ]);
  });

  it('drops and puts back one entry in date order (delete and undo)', async () => {
    const { db, ids } = await library();
    const catalog = await loadCatalog(db);
    const without = withoutId(catalog, ids[1]);
    expect(without.ids).toEqual([ids[2], ids[0]]);
    const back = withEntry(without, { id: ids[1], url: A, createdAt: Date.UTC(2026, 0, 11, 12) });
    expect(back).toEqual(catalog);
  });
});

describe('short words', () => {
  it('searches from the first letter', async () => {
    const { searchTerms } = await import('../../../utils/library/query');
    expect(searchTerms('w')).toEqual(['w']);
    expect(searchTerms('wang y')).toEqual(['wang', 'y']);
    expect(searchTerms('权')).toEqual(['权']);
  });

  it('finds by a lone letter from the in-memory index', async () => {
    const { db, ids } = await library();
    const catalog = await loadCatalog(db);
    const at = await runQuery(db, catalog, { ...EMPTY_QUERY, text: 'z' }, siteOf, new Map(), await searchIndex(db));
    expect(Array.from(at, (i) => catalog.ids[i])).toEqual([ids[2]]); // Zürich
  });
});
