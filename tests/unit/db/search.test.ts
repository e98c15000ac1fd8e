import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { saveAnnotation, searchAnnotations, updateAnnotation, type GlossDB } from '../../../utils/db';
import { wordsOf } from '../../../utils/db/words';
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
});
