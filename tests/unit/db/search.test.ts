import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  annotationSearch,
  deleteAnnotation,
  saveAnnotation,
  searchAnnotations,
  updateAnnotation,
  type GlossDB,
} from '../../../utils/db';
import { matchesPrefixes, wordsOf } from '../../../utils/db/words';
import { freshDb, newAnnotation } from './helpers';

let db: GlossDB;
afterEach(() => db?.close());

describe('wordsOf', () => {
  it('lower-cases, folds diacritics, splits on punctuation and de-duplicates', () => {
    expect(wordsOf('Zürich, ZURICH and São-Paulo!', 'café Café')).toEqual(['zurich', 'and', 'sao', 'paulo', 'cafe']);
  });

  it('indexes Chinese and Japanese one character at a time', () => {
    expect(wordsOf('Wang Yi 王毅 在北京')).toEqual(['wang', 'yi', '王', '毅', '在', '北', '京']);
  });
});

describe('matchesPrefixes', () => {
  it('holds when every term starts one of the words, each term on its own', () => {
    const words = wordsOf('Wang Yi visits São Paulo');
    expect(matchesPrefixes(words, wordsOf('wan sa'))).toBe(true);
    expect(matchesPrefixes(words, wordsOf('Paulo'))).toBe(true);
    expect(matchesPrefixes(words, ['ang'])).toBe(false); // inside a word, not at its start
    expect(matchesPrefixes(words, ['wang', 'rome'])).toBe(false);
    expect(matchesPrefixes(words, ['wangyi'])).toBe(false);
    expect(matchesPrefixes(words, [])).toBe(true);
  });
});

describe('searchAnnotations', () => {
  it('finds highlights whose words start with every query word', async () => {
    db = freshDb();
    const a = await saveAnnotation(
      db,
      newAnnotation(undefined, { note: 'A turning point for Geneva', tags: ['diplomacy'] }),
    );
    const b = await saveAnnotation(db, newAnnotation('Wang Yi', { note: 'Speaker in Zürich', tags: ['people'] }));
    const ids = async (q: string) => (await searchAnnotations(db, q)).map((x) => x.id).sort();
    expect(await ids('dialog')).toEqual([a.id]);
    expect(await ids('GENEV turn')).toEqual([a.id]);
    expect(await ids('zurich')).toEqual([b.id]);
    expect(await ids('Zür')).toEqual([b.id]);
    expect(await ids('diplo')).toEqual([a.id]);
    expect(await ids('dialogue wang')).toEqual([]);
    expect(await ids('nothing')).toEqual([]);
    expect(await ids('  ,, ')).toEqual([]);
  });

  it('returns each match once, most recently changed first', async () => {
    db = freshDb();
    const a = await saveAnnotation(db, newAnnotation(undefined, { note: 'replace replacement replaced' }));
    const b = await saveAnnotation(db, newAnnotation('confrontation', { note: 'replace' }));
    await new Promise((r) => setTimeout(r, 5));
    await updateAnnotation(db, a.id, { note: 'replace again' });
    const found = await searchAnnotations(db, 'repl');
    expect(found.map((x) => x.id)).toEqual([a.id, b.id]);
  });

  it('follows updates of the note', async () => {
    db = freshDb();
    const a = await saveAnnotation(db, newAnnotation(undefined, { note: 'alpha' }));
    await updateAnnotation(db, a.id, { note: 'beta' });
    expect(await searchAnnotations(db, 'alpha')).toEqual([]);
    expect((await searchAnnotations(db, 'beta')).map((x) => x.id)).toEqual([a.id]);
  });

  it('one searcher reads every highlight once, then only its matches, and lists none an edit or deletion took away', async () => {
    db = freshDb();
    const a = await saveAnnotation(db, newAnnotation(undefined, { note: 'harbour clinic' }));
    const b = await saveAnnotation(db, newAnnotation(undefined, { note: 'harbour wall' }));
    for (let i = 0; i < 30; i++) await saveAnnotation(db, newAnnotation(undefined, { note: `market day ${i}` }));
    let reads = 0;
    db.annotations.hook('reading', (record) => (reads++, record));
    const search = annotationSearch(db);
    const ids = async (q: string) => (await search(q)).map((x) => x.id).sort();
    expect(await ids('harb')).toEqual([a.id, b.id].sort());
    expect(reads).toBe(32 + 2);
    reads = 0;
    expect(await ids('wall')).toEqual([b.id]);
    expect(reads).toBe(1);
    await updateAnnotation(db, a.id, { note: 'market' });
    await deleteAnnotation(db, b.id);
    expect(await ids('harb')).toEqual([]);
    expect(await ids('clinic')).toEqual([]);
  });
});
