import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  allAnnotations,
  importFile,
  listPages,
  saveAnnotation,
  StoreError,
  updateAnnotation,
  upsertPage,
  type GlossDB,
} from '../../../utils/db';
import { toWebAnnotationJson } from '../../../utils/export';
import { ANNOTATIONS, PAGES } from '../export/fixture';
import { fillDiskAfter, freshDb, newAnnotation } from './helpers';

let db: GlossDB;
afterEach(() => db?.close());

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
const ids = (list: { id: string }[]) => list.map((a) => a.id).sort();

/** A database holding the fixture's pages and highlights. */
async function seeded(): Promise<GlossDB> {
  const d = freshDb();
  await importFile(d, toWebAnnotationJson(PAGES, ANNOTATIONS));
  return d;
}

describe('importFile', () => {
  it('export then import gives back exactly the same data', async () => {
    const source = await seeded();
    await saveAnnotation(source, newAnnotation(undefined, { note: 'saved live', tags: ['x'] }));
    const json = toWebAnnotationJson(await listPages(source), await allAnnotations(source));

    db = freshDb();
    const report = await importFile(db, json);
    expect(report).toMatchObject({
      format: 'gloss',
      imported: true,
      updated: [],
      unchanged: 0,
      rejected: [],
      pages: { added: 3, updated: 0, unchanged: 0 },
    });
    expect(report.added).toHaveLength(5);
    expect(byId(await allAnnotations(db))).toEqual(byId(await allAnnotations(source)));
    expect(await listPages(db)).toEqual(await listPages(source));
    source.close();
  });

  it('reports an unchanged file as unchanged, and writes nothing', async () => {
    db = await seeded();
    const before = await allAnnotations(db);
    const report = await importFile(db, toWebAnnotationJson(PAGES, ANNOTATIONS));
    expect(report).toMatchObject({ imported: true, added: [], updated: [], kept: [], unchanged: 4, changedUrls: [] });
    expect(report.pages).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(report.message).toBe('Imported: 0 new, 0 updated, 4 unchanged.');
    expect(await allAnnotations(db)).toEqual(before);
  });

  it('updates what changed in the file, and names the pages to refresh', async () => {
    db = await seeded();
    const changed = { ...ANNOTATIONS[2]!, note: 'changed elsewhere', updatedAt: ANNOTATIONS[2]!.updatedAt + 1000 };
    const report = await importFile(db, toWebAnnotationJson(PAGES, [...ANNOTATIONS.slice(0, 2), changed]));
    expect(report).toMatchObject({ updated: [changed.id], unchanged: 2, changedUrls: [changed.url] });
    expect((await allAnnotations(db)).find((a) => a.id === changed.id)?.note).toBe('changed elsewhere');
  });

  it('compares with the stored versions whether few or most of the file are stored (read by id, or all at once)', async () => {
    db = freshDb();
    const many = Array.from({ length: 12 }, (_, i) => ({
      ...ANNOTATIONS[0]!,
      id: `00000000-0000-4000-8000-1000000000${String(i).padStart(2, '0')}`,
    }));
    await importFile(db, toWebAnnotationJson(PAGES, many));
    // One of twelve stored: read by id.
    const one = { ...many[3]!, note: 'newer', updatedAt: many[3]!.updatedAt + 1 };
    const fresh = { ...many[0]!, id: '00000000-0000-4000-8000-200000000000' };
    expect(await importFile(db, toWebAnnotationJson(PAGES, [one, fresh]))).toMatchObject({
      added: [fresh.id],
      updated: [one.id],
      unchanged: 0,
    });
    // Most of them: the whole table at once.
    const report = await importFile(db, toWebAnnotationJson(PAGES, [...many.slice(4), one, fresh]));
    expect(report).toMatchObject({ added: [], updated: [], unchanged: 10 });
  });

  it('keeps a newer local edit over an older imported version', async () => {
    db = await seeded();
    const edited = await updateAnnotation(db, ANNOTATIONS[0]!.id, { note: 'edited after the backup' });
    const report = await importFile(db, toWebAnnotationJson(PAGES, ANNOTATIONS));
    expect(report).toMatchObject({ kept: [edited.id], updated: [], unchanged: 3 });
    expect(report.message).toMatch(/1 kept as they were \(yours are newer\)/);
    expect((await allAnnotations(db)).find((a) => a.id === edited.id)).toEqual(edited);
  });

  it('writes nothing when one record is bad, and reports each bad record with its reason', async () => {
    db = freshDb();
    const existing = await saveAnnotation(db, newAnnotation());
    const doc = JSON.parse(toWebAnnotationJson(PAGES, ANNOTATIONS));
    doc.first.items[2]['gloss:color'] = 'red';
    doc.first.items[3].body = [{ type: 'TextualBody', value: '<iframe src=x>', purpose: 'commenting' }];
    const report = await importFile(db, JSON.stringify(doc));
    expect(report.imported).toBe(false);
    expect(report.rejectedCount).toBe(2);
    expect(report.rejected.map((r) => `${r.record}: ${r.reason}`)).toEqual([
      expect.stringMatching(/^annotation 3 \(urn:uuid:.*\): color: must be one of yellow/),
      expect.stringMatching(/^annotation 4 \(urn:uuid:.*\): note: must not contain HTML tags/),
    ]);
    expect(report.message).toMatch(/^Nothing was imported: 2 records are not valid \(annotation 3/);
    expect(report.changedUrls).toEqual([]);
    expect(await allAnnotations(db)).toEqual([existing]);
    expect(await listPages(db)).toEqual([]);
  });

  it('refuses a file that is not an export at all, leaving the database as it was', async () => {
    db = await seeded();
    const before = await allAnnotations(db);
    for (const text of ['not json', '{"__proto__": {"x": 1}, "type": "AnnotationCollection"}', '{"a": 1}']) {
      await expect(importFile(db, text)).rejects.toMatchObject({ code: 'invalid' });
    }
    expect(await allAnnotations(db)).toEqual(before);
  });

  it('rolls back everything when the disk fills up halfway', async () => {
    db = freshDb();
    const existing = await saveAnnotation(db, newAnnotation());
    await upsertPage(db, { url: existing.url, title: 'A', byline: null, published: null, lastVisited: 1 });
    // The first write (annotations) passes; the pages write fails.
    await fillDiskAfter(db, 1);
    const error = await importFile(db, toWebAnnotationJson(PAGES, ANNOTATIONS)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('quota');
    expect(ids(await allAnnotations(db))).toEqual([existing.id]);
    expect((await listPages(db)).map((p) => p.url)).toEqual([existing.url]);
  });

  /** The fixture's export with its first annotation changed by `change`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of parsed JSON
  function hostile(change: (doc: Record<string, any>, first: Record<string, any>) => void): string {
    const doc = JSON.parse(toWebAnnotationJson(PAGES, ANNOTATIONS));
    doc.first.items[0].id = 'urn:uuid:11111111-1111-4111-8111-111111111111';
    change(doc, doc.first.items[0]);
    return JSON.stringify(doc);
  }

  it.each([
    ['wrong types', hostile((_, a) => (a.target.selector[1].end = 'ten')), /position.end: must be a whole number/],
    [
      'a 50 MB file',
      `{"type":"AnnotationCollection","pad":"${'x'.repeat(50 * 1024 * 1024)}"}`,
      /too large to import \(50\.0 MB/,
    ],
    [
      'a 5 MB note',
      hostile((_, a) => (a.body[0].value = 'n'.repeat(5 * 1024 * 1024))),
      /note: must be at most 10000 characters/,
    ],
    [
      'HTML in a note',
      hostile((_, a) => (a.body[0].value = '<script>steal()</script>')),
      /note: must not contain HTML tags/,
    ],
    [
      'a __proto__ key',
      hostile((_, a) => (a.target = JSON.parse('{"__proto__": {"admin": true}}'))),
      /"__proto__" key/,
    ],
    [
      'a date in the future',
      hostile((_, a) => (a.created = a.modified = '2100-01-01T00:00:00.000Z')),
      /updatedAt: is in the future/,
    ],
    ['an unknown field', hostile((_, a) => (a['gloss:admin'] = true)), /gloss:admin: is not a field of a Gloss export/],
    ['not JSON', 'PK\u0003\u0004 a zip, not JSON', /This file is not JSON/],
  ])('refuses %s with a clear message and leaves the database as it was', async (_, text, message) => {
    db = await seeded();
    const before = await allAnnotations(db);
    const pagesBefore = await listPages(db);
    const outcome = await importFile(db, text).then(
      (report) => (report.imported ? 'imported' : report.message),
      (error: Error & { code?: string }) => (error.code === 'invalid' ? error.message : `unexpected ${error}`),
    );
    expect(outcome).toMatch(message);
    expect(await allAnnotations(db)).toEqual(before);
    expect(await listPages(db)).toEqual(pagesBefore);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
