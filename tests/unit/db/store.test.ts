import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  allAnnotations,
  deleteAnnotation,
  getAnnotation,
  listAnnotations,
  listPages,
  restoreAnnotation,
  saveAnnotation,
  StoreError,
  updateAnnotation,
  upsertPage,
  type GlossDB,
} from '../../../utils/db';
import { annotationWords } from '../../../utils/db/records';
import { fillDiskAfter, freshDb, newAnnotation } from './helpers';

let db: GlossDB;
afterEach(async () => {
  db?.close();
});

async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('saveAnnotation', () => {
  it('saves a highlight with defaults, timestamps and exact; its words are derived, not stored', async () => {
    db = freshDb();
    const saved = await saveAnnotation(
      db,
      newAnnotation(undefined, { note: 'Key line', tags: ['#Diplomacy', ' UN  talks '] }),
    );
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(saved.exact).toBe('dialogue should replace confrontation');
    expect(saved.color).toBe('yellow');
    expect(saved.tags).toEqual(['Diplomacy', 'UN talks']);
    // Normalising twice changes nothing (an export imported again): "# #Budget" is "Budget", not "#Budget".
    const twice = await saveAnnotation(db, newAnnotation(undefined, { tags: ['# #Budget', ' ##  c++ '] }));
    expect(twice.tags).toEqual(['Budget', 'c++']);
    expect(saved.createdAt).toBe(saved.updatedAt);
    expect(saved).not.toHaveProperty('words'); // derived in memory, never stored (schema 4)
    expect(annotationWords(saved)).toEqual(
      expect.arrayContaining([
        'dialogue',
        'should',
        'replace',
        'confrontation',
        'key',
        'line',
        'diplomacy',
        'un',
        'talks',
      ]),
    );
    expect(await getAnnotation(db, saved.id)).toEqual(saved);
  });

  it.each([
    ['a javascript: url', { url: 'javascript:alert(1)' }, /url: must be an http\(s\) URL/],
    ['a relative url', { url: '/a' }, /url: must be an absolute URL/],
    ['a colour outside the set', { color: 'red' as never }, /color: must be one of yellow, green, blue, pink, purple/],
    ['a note over 10k characters', { note: 'x'.repeat(10_001) }, /note: must be at most 10000 characters/],
    ['33 tags', { tags: Array.from({ length: 33 }, (_, i) => `t${i}`) }, /tags: at most 32 tags/],
    ['a 65-character tag', { tags: ['x'.repeat(65)] }, /tags\[0\]: must be at most 64 characters/],
    ['a tag that is not a string', { tags: [42 as never] }, /tags\[0\]: must be a string/],
    ['an id that is not a UUID', { id: 'x' }, /id: must be a UUID/],
  ])('refuses %s', async (_, extra, message) => {
    db = freshDb();
    const error = await storeError(saveAnnotation(db, newAnnotation(undefined, extra)));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(message);
    expect(await allAnnotations(db)).toEqual([]);
  });

  it('refuses bad selectors and an over-long quote', async () => {
    db = freshDb();
    const base = newAnnotation();
    const sel = base.target.selectors;
    const cases: Array<[unknown, RegExp]> = [
      [{ ...sel, quote: { ...sel.quote, exact: 'x'.repeat(5001) } }, /exact: must be at most 5000/],
      [{ ...sel, quote: { ...sel.quote, exact: '' } }, /exact: must not be empty/],
      [{ ...sel, position: { ...sel.position, end: sel.position.start } }, /end must be after start/],
      [{ ...sel, position: { ...sel.position, start: -1 } }, /position.start: must be a whole number/],
      [{ quote: sel.quote }, /target.selectors.position: is missing/],
    ];
    for (const [selectors, message] of cases) {
      const input = { ...base, target: { source: base.url, selectors } } as never;
      expect((await storeError(saveAnnotation(db, input))).message).toMatch(message);
    }
    expect((await storeError(saveAnnotation(db, null as never))).message).toMatch(/annotation: must be an object/);
  });

  it('refuses derived fields a caller slips in, and saves nothing', async () => {
    db = freshDb();
    for (const [extra, field] of [
      [{ exact: 'forged' }, 'exact'],
      [{ words: ['forged'] }, 'words'],
      [{ createdAt: 1 }, 'createdAt'],
    ] as const) {
      const error = await storeError(saveAnnotation(db, { ...newAnnotation(), ...extra } as never));
      expect(error.message).toBe(`${field}: is not a known field`);
    }
    expect(await db.annotations.count()).toBe(0);
  });

  it('refuses HTML in a note, and a time in the future', async () => {
    db = freshDb();
    expect(
      (await storeError(saveAnnotation(db, newAnnotation(undefined, { note: 'see <img src=x onerror=alert(1)>' }))))
        .message,
    ).toBe('note: must not contain HTML tags (write Markdown instead)');
    const saved = await saveAnnotation(db, newAnnotation(undefined, { note: 'a < b, <3, and **bold**' }));
    expect(saved.note).toBe('a < b, <3, and **bold**');
    await deleteAnnotation(db, saved.id);
    const future = Date.now() + 3 * 24 * 3600 * 1000;
    expect((await storeError(restoreAnnotation(db, { ...saved, updatedAt: future }))).message).toMatch(
      /^updatedAt: is in the future/,
    );
  });

  it('refuses to overwrite an existing id', async () => {
    db = freshDb();
    const saved = await saveAnnotation(db, newAnnotation());
    const error = await storeError(saveAnnotation(db, newAnnotation('Wang Yi', { id: saved.id })));
    expect(error.code).toBe('invalid');
    expect((await getAnnotation(db, saved.id)).exact).toBe(saved.exact);
  });

  it('maps a full disk to a quota error and leaves the database as it was', async () => {
    db = freshDb();
    const kept = await saveAnnotation(db, newAnnotation());
    await fillDiskAfter(db, 0);
    const error = await storeError(saveAnnotation(db, newAnnotation('Wang Yi')));
    expect(error.code).toBe('quota');
    expect(error.message).toMatch(/no more room/);
    expect(await allAnnotations(db)).toEqual([kept]);
  });
});

describe('updateAnnotation, deleteAnnotation, restoreAnnotation', () => {
  it('updates note, tags and colour, and so the search words', async () => {
    db = freshDb();
    const saved = await saveAnnotation(db, newAnnotation(undefined, { note: 'old note' }));
    const updated = await updateAnnotation(db, saved.id, { note: 'Nouvelle idée', tags: ['Genève'], color: 'blue' });
    expect(updated).toMatchObject({
      note: 'Nouvelle idée',
      tags: ['Genève'],
      color: 'blue',
      createdAt: saved.createdAt,
    });
    expect(updated.updatedAt).toBeGreaterThanOrEqual(saved.updatedAt);
    expect(annotationWords(updated)).toEqual(expect.arrayContaining(['nouvelle', 'idee', 'geneve']));
    expect(annotationWords(updated)).not.toContain('old');
    expect(await getAnnotation(db, saved.id)).toEqual(updated);
  });

  it('refuses a bad patch and an unknown id', async () => {
    db = freshDb();
    const saved = await saveAnnotation(db, newAnnotation());
    expect((await storeError(updateAnnotation(db, saved.id, { color: 'black' as never }))).code).toBe('invalid');
    expect((await storeError(updateAnnotation(db, saved.id, { url: 'https://x.org' } as never))).message).toMatch(
      /url: cannot be changed/,
    );
    expect((await storeError(updateAnnotation(db, crypto.randomUUID(), { note: 'x' }))).code).toBe('not-found');
    expect(await getAnnotation(db, saved.id)).toEqual(saved);
  });

  it('leaves the record as it was when the disk is full', async () => {
    db = freshDb();
    const saved = await saveAnnotation(db, newAnnotation());
    await fillDiskAfter(db, 0);
    expect((await storeError(updateAnnotation(db, saved.id, { note: 'x' }))).code).toBe('quota');
    expect(await getAnnotation(db, saved.id)).toEqual(saved);
  });

  it('deletes and returns the record, which restores exactly', async () => {
    db = freshDb();
    const saved = await saveAnnotation(db, newAnnotation(undefined, { note: 'n', tags: ['t'] }));
    const deleted = await deleteAnnotation(db, saved.id);
    expect(deleted).toEqual(saved);
    expect(await allAnnotations(db)).toEqual([]);
    expect((await storeError(deleteAnnotation(db, saved.id))).code).toBe('not-found');
    expect(await restoreAnnotation(db, deleted)).toEqual(saved);
    expect(await allAnnotations(db)).toEqual([saved]);
  });

  it('checks a restored record like any input', async () => {
    db = freshDb();
    const saved = await saveAnnotation(db, newAnnotation());
    const forged = { ...saved, updatedAt: saved.createdAt - 1 };
    expect((await storeError(restoreAnnotation(db, forged))).message).toMatch(
      /updatedAt: must not be before createdAt/,
    );
  });
});

describe('listAnnotations', () => {
  it("lists a page's highlights in text order, and only that page's", async () => {
    db = freshDb();
    const second = await saveAnnotation(db, newAnnotation('confrontation'));
    const first = await saveAnnotation(db, newAnnotation('Wang Yi'));
    await saveAnnotation(db, newAnnotation('Wang Yi', { url: 'https://news.example.com/b' }));
    expect((await listAnnotations(db, 'https://news.example.com/a')).map((a) => a.id)).toEqual([first.id, second.id]);
    expect(await listAnnotations(db, 'https://news.example.com/none')).toEqual([]);
  });
});

describe('pages', () => {
  const page = {
    url: 'https://news.example.com/a',
    title: 'Minister speaks',
    site: 'example.com',
    byline: 'A. Writer',
    publisher: 'Example News',
    published: '2025-02-25',
    lastVisited: 1000,
  };

  it('upserts, keeping metadata a later visit did not find', async () => {
    db = freshDb();
    expect(await upsertPage(db, page)).toEqual(page);
    const again = await upsertPage(db, {
      ...page,
      title: '',
      byline: null,
      publisher: null,
      published: null,
      lastVisited: 2000,
    });
    expect(again).toEqual({ ...page, lastVisited: 2000 });
    expect(await listPages(db)).toEqual([again]);
  });

  it('lists pages by last visit, derives a missing site, clips a huge title', async () => {
    db = freshDb();
    await upsertPage(db, page);
    await upsertPage(db, {
      ...page,
      url: 'https://www.other.org/x',
      title: 'T'.repeat(5000),
      lastVisited: 3000,
    });
    const pages = await listPages(db);
    expect(pages.map((p) => p.url)).toEqual(['https://www.other.org/x', page.url]);
    expect(pages[0]!.site).toBe('other.org');
    expect(pages[0]!.title).toHaveLength(1000);
  });

  it('refuses a page without a valid url or visit time', async () => {
    db = freshDb();
    expect((await storeError(upsertPage(db, { ...page, url: 'ftp://x' }))).code).toBe('invalid');
    expect((await storeError(upsertPage(db, { ...page, lastVisited: -5 }))).message).toMatch(/lastVisited/);
  });
});
