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
});
