import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { AnalysisService } from '../../../utils/background/analysis-service';
import { createHandlers } from '../../../utils/background/handlers';
import { route, type Caller, type Handlers } from '../../../utils/background/router';
import type { GlossDB } from '../../../utils/db';
import type { Analysis } from '../../../utils/analysis/types';
import { getSourcesSettings, setRememberSources, setSiteExcluded } from '../../../utils/settings';
import { freshDb } from '../db/helpers';

const page: Caller = { kind: 'content', origin: 'https://news.example.com' };
const library: Caller = { kind: 'extension' };
const TEXT = 'The mayor spoke. “We will rebuild the bridge,” said Nora Vance on Monday.';
const ANALYSIS: Analysis = {
  quotes: [{ start: 18, end: 45, text: TEXT.slice(18, 45), speaker: 'Nora Vance' }],
  entities: [],
  entityGroups: [{ type: 'PER', name: 'Nora Vance', mentions: [{ start: 52, end: 62 }] }],
};
const metadata = {
  title: 'Bridge to be rebuilt',
  publisher: 'Example News',
  byline: null,
  published: '2026-04-01',
  canonicalUrl: null,
  language: 'en',
};
const article = { url: 'https://news.example.com/bridge', metadata };

let db: GlossDB;
let handlers: Handlers;
/** The last remembering the handlers started (the analysis does not wait for it). */
let remembered: Promise<void>;
/** Analyses as a page would, then waits until the article is remembered (or not). */
async function analyse(payload: Parameters<Handlers['analyze']>[0], caller: Caller): Promise<void> {
  await handlers.analyze(payload, caller);
  await remembered;
}

beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb();
  const analysis = new AnalysisService(async () => new Uint8Array());
  vi.spyOn(analysis, 'analyze').mockResolvedValue(ANALYSIS);
  remembered = Promise.resolve();
  handlers = createHandlers(db, analysis, { onRemember: (done) => (remembered = done) });
});
afterEach(() => db.close());

describe('remembering articles in the background', () => {
  it('remembers nothing until the reader turns it on', async () => {
    expect((await getSourcesSettings()).remember).toBe('unset');
    await analyse({ text: TEXT, article }, page);
    expect(await db.sourceArticles.count()).toBe(0);
  });

  it('remembers an analysed article when on, not a page that is not an article, not an excluded site', async () => {
    await setRememberSources(true);
    await analyse({ text: TEXT }, page);
    expect(await db.sourceArticles.count()).toBe(0);
    await analyse({ text: TEXT, article }, page);
    const speakers = await handlers['sources:speakers']({}, library);
    expect(speakers.items.map((s) => [s.name, s.quoteCount])).toEqual([['Nora Vance', 1]]);
    await setSiteExcluded('example.com', true);
    await analyse({ text: TEXT, article: { ...article, url: 'https://news.example.com/other' } }, page);
    expect(await db.sourceArticles.count()).toBe(1);
  });

  it('never remembers an article under another origin’s address', async () => {
    await setRememberSources(true);
    await expect(
      analyse({ text: TEXT, article: { ...article, url: 'https://elsewhere.example.org/x' } }, page),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.sourceArticles.count()).toBe(0);
  });

  it('lists, searches, corrects and forgets through its requests', async () => {
    await handlers['sources:settings']({ remember: true }, library);
    await analyse({ text: TEXT, article }, page);
    const found = await handlers['sources:search']({ query: 'rebuild' }, library);
    expect(found.items[0]).toMatchObject({ speakerName: 'Nora Vance', article: { title: 'Bridge to be rebuilt' } });
    const moved = await handlers['sources:reassign']({ quoteId: found.items[0]!.quote.id, speaker: null }, library);
    expect(moved.speakerId).toBeNull();
    expect((await handlers['sources:speakers']({}, library)).total).toBe(0);
    expect(await handlers['sources:forget']({ site: 'example.com' }, library)).toBe(1);
    expect(await db.sourceArticles.count()).toBe(0);
  });
});

describe('routing source requests', () => {
  const own = { id: 'gloss-id', origin: 'chrome-extension://gloss-id/' };
  const fromPage = {
    id: own.id,
    url: 'https://news.example.com/bridge',
    tab: { id: 1, index: 0 },
  } as Browser.runtime.MessageSender;
  const fromLibrary = { id: own.id, url: 'chrome-extension://gloss-id/library.html' } as Browser.runtime.MessageSender;
  const send = (type: string, payload: unknown, sender = fromLibrary) =>
    route({ gloss: 1, type, payload }, sender, handlers, own);

  it('answers Gloss’s own pages and refuses every source request from a web page', async () => {
    expect(await send('sources:speakers', {})).toMatchObject({ ok: true, value: { items: [], total: 0 } });
    for (const [type, payload] of [
      ['sources:speakers', {}],
      ['sources:search', { query: 'x' }],
      ['sources:forget', { everything: true }],
      ['sources:settings', { remember: true }],
      ['sources:reassign', { quoteId: 'q', speaker: null }],
    ] as const) {
      expect(await send(type, payload, fromPage)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect((await getSourcesSettings()).remember).toBe('unset');
  });

  it('refuses malformed source requests', async () => {
    for (const [type, payload] of [
      ['sources:entities', { type: 'PERSON' }],
      ['sources:speakers', { limit: -1 }],
      ['sources:forget', { site: 'a', everything: true }],
      ['sources:forget', {}],
      ['sources:reassign', { quoteId: 'q', speaker: { id: 'a', name: 'b' } }],
      ['sources:settings', { remember: 'yes' }],
      ['analyze', { text: 'x', article: { url: 'https://a.example/', metadata: { title: 7 } } }],
    ] as const) {
      expect(await send(type, payload)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
  });
});
