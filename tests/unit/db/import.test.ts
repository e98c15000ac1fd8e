import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  allAnnotations,
  importAnnotations,
  listPages,
  saveAnnotation,
  StoreError,
  updateAnnotation,
  upsertPage,
  type GlossDB,
} from '../../../utils/db';
import { parseWebAnnotationJson, toWebAnnotationJson } from '../../../utils/export';
import { ANNOTATIONS, PAGES } from '../export/fixture';
import { fillDiskAfter, freshDb, newAnnotation } from './helpers';

let db: GlossDB;
afterEach(() => db?.close());

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe('importAnnotations', () => {
  it('export then import gives back exactly the same data', async () => {
    const source = freshDb();
    for (const page of PAGES) await upsertPage(source, page);
    await importAnnotations(source, { annotations: ANNOTATIONS, pages: [] });
    await saveAnnotation(source, newAnnotation(undefined, { note: 'saved live', tags: ['x'] }));
    const json = toWebAnnotationJson(await listPages(source), await allAnnotations(source));

    db = freshDb();
    const result = await importAnnotations(db, parseWebAnnotationJson(json));
    expect(result).toEqual({ added: 5, updated: 0, skipped: 0, pages: 3 });
    expect(byId(await allAnnotations(db))).toEqual(byId(await allAnnotations(source)));
    expect(await listPages(db)).toEqual(await listPages(source));
    source.close();
  });

  it('is idempotent by id', async () => {
    db = freshDb();
    const parsed = parseWebAnnotationJson(toWebAnnotationJson(PAGES, ANNOTATIONS));
    await importAnnotations(db, parsed);
    const before = await allAnnotations(db);
    expect(await importAnnotations(db, parsed)).toEqual({ added: 0, updated: 4, skipped: 0, pages: 3 });
    expect(await allAnnotations(db)).toEqual(before);
  });

  it('keeps a newer local edit over an older imported version', async () => {
    db = freshDb();
    await importAnnotations(db, { annotations: ANNOTATIONS, pages: [] });
    const edited = await updateAnnotation(db, ANNOTATIONS[0]!.id, { note: 'edited after the backup' });
    expect(await importAnnotations(db, { annotations: ANNOTATIONS, pages: [] })).toMatchObject({
      skipped: 1,
      updated: 3,
    });
    expect((await allAnnotations(db)).find((a) => a.id === edited.id)).toEqual(edited);
  });

  it('writes nothing when one record is bad, and names it', async () => {
    db = freshDb();
    const bad = [...ANNOTATIONS.slice(0, 2), { ...ANNOTATIONS[2]!, color: 'red' as never }, ANNOTATIONS[3]!];
    const error = await importAnnotations(db, { annotations: bad, pages: PAGES }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('invalid');
    expect((error as StoreError).message).toMatch(/^annotation 3: color: must be one of/);
    expect(await allAnnotations(db)).toEqual([]);
    expect(await listPages(db)).toEqual([]);
  });

  it('refuses an id repeated within the import', async () => {
    db = freshDb();
    const twice = [ANNOTATIONS[0]!, { ...ANNOTATIONS[1]!, id: ANNOTATIONS[0]!.id }];
    await expect(importAnnotations(db, { annotations: twice, pages: [] })).rejects.toThrow(
      /annotation 2: .* appears twice/,
    );
    expect(await allAnnotations(db)).toEqual([]);
  });

  it('rolls back everything when the disk fills up halfway', async () => {
    db = freshDb();
    const existing = await saveAnnotation(db, newAnnotation());
    // The first write (annotations) passes; the pages write fails.
    await fillDiskAfter(db, 1);
    const error = await importAnnotations(db, { annotations: ANNOTATIONS, pages: PAGES }).catch((e: unknown) => e);
    expect((error as StoreError).code).toBe('quota');
    expect(await allAnnotations(db)).toEqual([existing]);
    expect(await listPages(db)).toEqual([]);
  });
});
