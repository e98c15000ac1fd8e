import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AnalysisService } from '../../../utils/background/analysis-service';
import { createHandlers } from '../../../utils/background/handlers';
import type { Caller } from '../../../utils/background/router';
import type { GlossDB } from '../../../utils/db';
import { toWebAnnotationJson } from '../../../utils/export';
import { mayHaveAnnotations } from '../../../utils/settings';
import { freshDb, newAnnotation } from '../db/helpers';

const page: Caller = { kind: 'content', origin: 'https://news.example.com' };
const otherSite: Caller = { kind: 'content', origin: 'https://evil.example.org' };
const popup: Caller = { kind: 'extension' };

let db: GlossDB;
let handlers: ReturnType<typeof createHandlers>;

beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb();
  handlers = createHandlers(db, new AnalysisService(async () => new Uint8Array()));
});
afterEach(() => db.close());

describe('background handlers', () => {
  it('saves a highlight from its own page and marks the site as annotated', async () => {
    expect(await mayHaveAnnotations('news.example.com')).toBe(false);
    const saved = await handlers['annotation:save']({ annotation: newAnnotation() }, page);
    expect(await handlers['annotations:list']({ url: saved.url }, page)).toEqual([saved]);
    expect(await mayHaveAnnotations('news.example.com')).toBe(true);
  });

  it('keeps a page away from another site’s highlights', async () => {
    const saved = await handlers['annotation:save']({ annotation: newAnnotation() }, page);
    await expect(handlers['annotations:list']({ url: saved.url }, otherSite)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(handlers['annotation:delete']({ id: saved.id }, otherSite)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(handlers['annotation:save']({ annotation: newAnnotation() }, otherSite)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await handlers['annotation:delete']({ id: saved.id }, popup)).toEqual(saved);
  });

  it('rejects a malformed highlight with a clear error and stores nothing', async () => {
    const bad = { ...newAnnotation(), color: 'chartreuse' } as unknown as ReturnType<typeof newAnnotation>;
    await expect(handlers['annotation:save']({ annotation: bad }, page)).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.annotations.count()).toBe(0);
  });

  it('imports Gloss JSON idempotently and reports what it did', async () => {
    const saved = await handlers['annotation:save']({ annotation: newAnnotation() }, page);
    const json = toWebAnnotationJson([], [saved]);
    await db.annotations.clear();
    expect(await handlers['annotations:import']({ json }, popup)).toMatchObject({ added: 1, updated: 0 });
    expect(await handlers['annotations:import']({ json }, popup)).toMatchObject({ added: 0, updated: 1 });
    await expect(handlers['annotations:import']({ json: '{"not": "annotations"' }, popup)).rejects.toBeTruthy();
    expect(await db.annotations.count()).toBe(1);
  });
});
