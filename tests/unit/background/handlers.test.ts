import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AnalysisService } from '../../../utils/background/analysis-service';
import { createHandlers } from '../../../utils/background/handlers';
import { route, type Caller } from '../../../utils/background/router';
import type { Browser } from 'wxt/browser';
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
    expect(await mayHaveAnnotations('https://news.example.com/b')).toBe(false);
    const saved = await handlers['annotation:save']({ annotation: newAnnotation() }, page);
    expect(await handlers['annotations:list']({ url: saved.url }, page)).toEqual([saved]);
    expect(await mayHaveAnnotations('https://news.example.com/b')).toBe(true);
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
    expect(await handlers['annotations:import']({ json }, popup)).toMatchObject({
      imported: true,
      added: [saved.id],
      updated: [],
      unchanged: 0,
      changedUrls: [saved.url],
    });
    expect(await handlers['annotations:import']({ json }, popup)).toMatchObject({
      added: [],
      updated: [],
      unchanged: 1,
      changedUrls: [],
      message: 'Imported: 0 new, 0 updated, 1 unchanged.',
    });
    await expect(handlers['annotations:import']({ json: '{"not": "annotations"' }, popup)).rejects.toBeTruthy();
    expect(await db.annotations.count()).toBe(1);
  });

  it('after an import made by the library page, marks the sites and tells the open tabs of the changed pages', async () => {
    const told: string[][] = [];
    const own = createHandlers(db, new AnalysisService(async () => new Uint8Array()), {
      notifyTabs: async (urls) => void told.push(urls),
    });
    expect(await mayHaveAnnotations('https://imported.example.org/x')).toBe(false);
    expect(await own['annotations:imported']({ urls: ['https://imported.example.org/a'] }, popup)).toBeNull();
    expect(told).toEqual([['https://imported.example.org/a']]);
    expect(await mayHaveAnnotations('https://imported.example.org/x')).toBe(true);
    await own['annotations:imported']({ urls: [] }, popup);
    expect(told).toHaveLength(1);
  });

  it('keeps pages on shared hosting apart (a.netlify.app cannot reach b.netlify.app)', async () => {
    const a: Caller = { kind: 'content', origin: 'https://a.netlify.app' };
    const b: Caller = { kind: 'content', origin: 'https://b.netlify.app' };
    const saved = await handlers['annotation:save'](
      { annotation: newAnnotation(undefined, { url: 'https://a.netlify.app/post' }) },
      a,
    );
    await expect(handlers['annotations:list']({ url: saved.url }, b)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      handlers['annotation:save']({ annotation: newAnnotation(undefined, { url: 'https://a.netlify.app/other' }) }, b),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.annotations.count()).toBe(1);
  });

  it('lets a page reach only its own origin, not another host of the same site', async () => {
    const saved = await handlers['annotation:save']({ annotation: newAnnotation() }, page);
    const www: Caller = { kind: 'content', origin: 'https://www.example.com' };
    await expect(handlers['annotations:list']({ url: saved.url }, www)).rejects.toMatchObject({ code: 'forbidden' });
    const http: Caller = { kind: 'content', origin: 'http://news.example.com' };
    await expect(handlers['annotations:list']({ url: saved.url }, http)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses a highlight whose target is on another origin than its page', async () => {
    const own = newAnnotation();
    const smuggled = { ...own, target: { ...own.target, source: 'https://evil.example.org/a' } };
    await expect(handlers['annotation:save']({ annotation: smuggled }, page)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      handlers['page:visit'](
        {
          page: {
            url: 'https://evil.example.org/a',
            title: 't',
            byline: null,
            published: null,
            lastVisited: 1,
          },
        },
        page,
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.annotations.count()).toBe(0);
    expect(await db.pages.count()).toBe(0);
  });

  it('restores a deleted highlight, but never replaces a record that is there', async () => {
    const saved = await handlers['annotation:save']({ annotation: newAnnotation() }, page);
    const forged = { ...saved, note: 'replaced', url: 'https://evil.example.org/a' };
    forged.target = { ...saved.target, source: forged.url };
    await expect(handlers['annotation:restore']({ annotation: forged }, popup)).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await db.annotations.get(saved.id)).toEqual(saved);
    expect(await handlers['annotation:restore']({ annotation: saved }, popup)).toEqual(saved);
    const deleted = await handlers['annotation:delete']({ id: saved.id }, popup);
    expect(await handlers['annotation:restore']({ annotation: deleted }, popup)).toEqual(saved);
  });

  it('lets a page edit, delete and restore its own highlights, and refuses a page of another origin', async () => {
    const saved = await handlers['annotation:save']({ annotation: newAnnotation() }, page);
    const www: Caller = { kind: 'content', origin: 'https://www.example.com' };
    for (const stranger of [otherSite, www]) {
      await expect(
        handlers['annotation:update']({ id: saved.id, patch: { note: 'hijacked' } }, stranger),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(handlers['annotation:delete']({ id: saved.id }, stranger)).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    expect(await db.annotations.get(saved.id)).toEqual(saved);

    const edited = await handlers['annotation:update'](
      { id: saved.id, patch: { note: 'Mine', tags: ['x'], color: 'blue' } },
      page,
    );
    expect(edited).toMatchObject({ note: 'Mine', tags: ['x'], color: 'blue' });
    const deleted = await handlers['annotation:delete']({ id: saved.id }, page);
    expect(await db.annotations.count()).toBe(0);
    // Another origin cannot put it back (on its own origin or on the page's).
    const moved = { ...deleted, url: 'https://evil.example.org/a' };
    moved.target = { ...deleted.target, source: moved.url };
    await expect(handlers['annotation:restore']({ annotation: deleted }, otherSite)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(handlers['annotation:restore']({ annotation: moved }, page)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await db.annotations.count()).toBe(0);
    expect(await handlers['annotation:restore']({ annotation: deleted }, page)).toEqual(edited);
    // Restoring from a page never replaces what is there.
    await expect(
      handlers['annotation:restore']({ annotation: { ...edited, note: 'overwritten' } }, page),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.annotations.get(saved.id)).toEqual(edited);
  });

  it('lists the reader’s tags, most used first, one spelling per tag', async () => {
    expect(await handlers['tags:list']({}, page)).toEqual([]);
    for (const tags of [['Rights', 'un'], ['rights'], ['Rights', 'economy'], ['UN']]) {
      await handlers['annotation:save']({ annotation: newAnnotation(undefined, { tags }) }, page);
    }
    expect(await handlers['tags:list']({}, page)).toEqual(['Rights', 'un', 'economy']);
  });
});

describe('messages from untrusted senders, end to end', () => {
  it('leaves the database as it was after malformed, oversized and foreign messages', async () => {
    const own = { id: 'gloss-id', origin: 'chrome-extension://gloss-id/' };
    const tab = { id: 3, index: 0 } as Browser.runtime.MessageSender['tab'];
    const contentOf = (url: string) => ({ id: own.id, url, tab });
    const saved = await handlers['annotation:save']({ annotation: newAnnotation() }, page);
    const snapshot = async () => ({ annotations: await db.annotations.toArray(), pages: await db.pages.toArray() });
    const before = await snapshot();
    const env = (type: string, payload: unknown) => ({ gloss: 1, type, payload });
    const big = 'x'.repeat(300_000);
    const attempts: Array<[unknown, Browser.runtime.MessageSender]> = [
      // Another extension, and senders the browser would not vouch for.
      [env('annotation:delete', { id: saved.id }), { id: 'another-extension', url: own.origin + 'popup.html' }],
      [env('annotations:import', { json: '[]' }), { id: 'another-extension' }],
      [env('annotation:save', { annotation: newAnnotation() }), { id: own.id }],
      [env('annotation:save', { annotation: newAnnotation() }), { id: own.id, url: 'file:///tmp/x.html', tab }],
      // A content script of another site, or of this one asking for more than it may.
      [env('annotations:list', { url: saved.url }), contentOf('https://evil.example.org/')],
      [env('annotation:save', { annotation: newAnnotation() }), contentOf('https://evil.example.org/')],
      [env('annotation:delete', { id: saved.id }), contentOf('https://evil.example.org/')],
      [env('annotation:update', { id: saved.id, patch: { note: 'hijacked' } }), contentOf('https://evil.example.org/')],
      [env('annotation:restore', { annotation: { ...saved, note: 'x' } }), contentOf('https://evil.example.org/')],
      // Its own page may restore, but never over a record that is there; never import.
      [env('annotation:restore', { annotation: { ...saved, note: 'x' } }), contentOf('https://news.example.com/a')],
      [env('annotations:import', { json: '[]' }), contentOf('https://news.example.com/a')],
      [env('annotations:imported', { urls: [saved.url] }), contentOf('https://news.example.com/a')],
      [
        env('annotation:update', { id: saved.id, patch: { url: 'https://evil.example.org/a' } }),
        contentOf('https://news.example.com/a'),
      ],
      // Malformed and oversized, from the page itself.
      [
        env('annotation:save', { annotation: { ...newAnnotation(), note: big } }),
        contentOf('https://news.example.com/a'),
      ],
      [
        env('annotation:save', { annotation: { ...newAnnotation(), tags: 'not-a-list' } }),
        contentOf('https://news.example.com/a'),
      ],
      [
        env('annotation:save', { annotation: JSON.parse('{"__proto__": {"polluted": true}}') }),
        contentOf('https://news.example.com/a'),
      ],
      [
        env('page:visit', { page: { url: saved.url, title: big, lastVisited: -1 } }),
        contentOf('https://news.example.com/a'),
      ],
      [env('annotations:list', { url: 'https://news.example.com/' + big }), contentOf('https://news.example.com/a')],
      [{ gloss: 1, type: 'annotation:save' }, contentOf('https://news.example.com/a')],
      ['{"gloss":1,"type":"annotation:save"}', contentOf('https://news.example.com/a')],
    ];
    for (const [message, sender] of attempts) {
      const reply = await route(message, sender, handlers, own);
      expect(reply?.ok ?? false, JSON.stringify(message).slice(0, 120)).toBe(false);
    }
    expect(await snapshot()).toEqual(before);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe('analysis without names', () => {
  it('finds quotations but no names and no speakers when asked for quotations only', async () => {
    const { readFileSync } = await import('node:fs');
    const model = new Uint8Array(readFileSync('public/models/ner.bin'));
    const service = new AnalysisService(async () => model);
    const text =
      '“Wir bleiben hier,” sagte Angela Merkel am Montag in Berlin. “We stay,” said Angela Merkel in Berlin.';
    const all = await service.analyze(text);
    const quotesOnly = await service.analyze(text, false);
    expect(all.entities.length).toBeGreaterThan(0);
    expect(quotesOnly.entities).toEqual([]);
    expect(quotesOnly.quotes.map((q) => q.text)).toEqual(all.quotes.map((q) => q.text));
    expect(all.quotes.at(-1)!.speaker).toBe('Angela Merkel');
    // A speaker found in a language Gloss does not read would be a guess: "Speaker unclear".
    expect(quotesOnly.quotes.map((q) => q.speaker)).toEqual(quotesOnly.quotes.map(() => null));
  });
});
