/** The Sources view's pages: every entry reachable page by page, the articles naming an identity, keeping once. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listAnnotations } from '../../../utils/db/store';
import { keepQuote } from '../../../utils/sources/keep';
import { identityArticles, listEntities, listSpeakers, searchQuotes } from '../../../utils/sources/queries';
import { prepareQuoteIndex } from '../../../utils/sources/quote-index';
import { rememberArticles } from '../../../utils/sources/store';
import { freshDb } from '../db/helpers';
import { article } from './helpers';

const NAMES = ['Ada', 'Bo', 'Cleo', 'Dov', 'Eli', 'Fay', 'Gus', 'Hal', 'Ira', 'Jo', 'Kit', 'Lev'];

/** Twelve speakers with 1…12 quotations, each in an article of their own; every article names Port Vell. */
function twelve() {
  return NAMES.map((given, n) =>
    article(
      `https://site${n % 3}.example/story-${n}`,
      Array.from({ length: n + 1 }, (_, k) => ({
        words: `Harbour plan part ${k} of ${given}`,
        speaker: `${given} Marsh${n}`,
      })),
      [
        { name: `${given} Marsh${n}`, type: 'PER', mentions: [`${given} Marsh${n}`] },
        { name: 'Port Vell', type: 'LOC', mentions: Array.from({ length: (n % 4) + 1 }, () => 'Port Vell') },
      ],
      { title: `Story ${n}`, publisher: `Paper ${n % 3}`, published: `2026-01-${String(n + 1).padStart(2, '0')}` },
    ),
  );
}

async function all<T>(page: (offset: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const p = await page(out.length);
    out.push(...p.items);
    if (p.items.length === 0 || out.length >= p.total) return out;
  }
}

describe('paging through remembered sources', () => {
  it('reaches every speaker, in order, five at a time, and filters by name over the whole list', async () => {
    const db = freshDb();
    await rememberArticles(db, twelve());
    const first = await listSpeakers(db, 0, 5);
    expect(first.total).toBe(12);
    expect(first.items.map((s) => s.quoteCount)).toEqual([12, 11, 10, 9, 8]);
    const every = await all((offset) => listSpeakers(db, offset, 5));
    expect(every.map((s) => s.quoteCount)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(new Set(every.map((s) => s.id)).size).toBe(12);
    // The filter looks past the first page: Ada is the least quoted.
    const ada = await listSpeakers(db, 0, 5, 'ada');
    expect([ada.total, ada.items.map((s) => s.name)]).toEqual([1, ['Ada Marsh0']]);
    const marsh1 = await listSpeakers(db, 1, 1, 'MARSH1');
    expect(marsh1.total).toBe(3); // Marsh1, Marsh10, Marsh11
    expect(marsh1.items.map((s) => s.name)).toEqual(['Kit Marsh10']);
    db.close();
  });

  it('reaches every person and every quotation of a search, page by page', async () => {
    const db = freshDb();
    await rememberArticles(db, twelve());
    const people = await all((offset) => listEntities(db, 'PER', offset, 5));
    expect(people).toHaveLength(12);
    const search = (offset: number) => searchQuotes(db, 'harbour plan', { offset, limit: 20 });
    const fromDb = await all(search);
    expect(fromDb).toHaveLength(78);
    expect(new Set(fromDb.map((c) => c.quote.id)).size).toBe(78);
    await prepareQuoteIndex(db);
    const fromIndex = await all(search);
    expect(fromIndex.map((c) => c.quote.id)).toEqual(fromDb.map((c) => c.quote.id));
    const lev = (await listSpeakers(db, 0, 1)).items[0]!;
    const own = await all((offset) => searchQuotes(db, '', { speakerId: lev.id, offset, limit: 5 }));
    expect(own.map((c) => c.quote.text).sort()).toEqual(
      Array.from({ length: 12 }, (_, k) => `Harbour plan part ${k} of Lev`).sort(),
    );
    db.close();
  });
});

describe('the articles that mention an identity', () => {
  it('lists them newest first with title, publisher, date and mentions, page by page', async () => {
    const db = freshDb();
    await rememberArticles(db, twelve());
    const [port] = (await listEntities(db, 'LOC')).items;
    expect([port!.name, port!.mentionArticles]).toEqual(['Port Vell', 12]);
    const first = await identityArticles(db, port!.id, 0, 2);
    expect(first.total).toBe(12);
    expect(first.items).toEqual([
      {
        article: expect.objectContaining({
          url: 'https://site2.example/story-11',
          title: 'Story 11',
          publisher: 'Paper 2',
          date: '2026-01-12',
        }),
        name: 'Port Vell',
        count: 4,
      },
      {
        article: expect.objectContaining({
          url: 'https://site1.example/story-10',
          title: 'Story 10',
          date: '2026-01-11',
        }),
        name: 'Port Vell',
        count: 3,
      },
    ]);
    const every = await all((offset) => identityArticles(db, port!.id, offset, 5));
    expect(every.map((m) => m.article.title)).toEqual(NAMES.map((_, n) => `Story ${n}`).reverse());
    expect(every.reduce((n, m) => n + m.count, 0)).toBe(port!.mentionCount);
    // A person who is also quoted: the article naming them.
    const lev = (await listSpeakers(db, 0, 1)).items[0]!;
    expect((await identityArticles(db, lev.id)).items.map((m) => [m.article.title, m.count])).toEqual([
      ['Story 11', 1],
    ]);
    db.close();
  });
});

describe('keeping a quotation as a highlight', () => {
  it('saves one highlight, however often it is kept, and says it is kept', async () => {
    const db = freshDb();
    await rememberArticles(db, twelve());
    const bo = (await listSpeakers(db, 0, 1, 'bo marsh')).items[0]!;
    const [cited] = (await searchQuotes(db, 'part 1', { speakerId: bo.id })).items;
    expect(cited!.kept).toBe(false);
    const once = await keepQuote(db, cited!.quote.id, 1000);
    expect(once.already).toBe(false);
    expect(once.annotation).toMatchObject({ url: cited!.quote.url, note: '— Bo Marsh1', exact: cited!.quote.text });
    const twice = await Promise.all([keepQuote(db, cited!.quote.id), keepQuote(db, cited!.quote.id)]);
    expect(twice.map((k) => [k.already, k.annotation.id])).toEqual([
      [true, once.annotation.id],
      [true, once.annotation.id],
    ]);
    expect(await listAnnotations(db, cited!.quote.url)).toHaveLength(1);
    const again = await searchQuotes(db, '', { speakerId: bo.id });
    expect(again.total).toBe(2);
    expect(again.items.filter((c) => c.kept).map((c) => c.quote.id)).toEqual([cited!.quote.id]);
    // Two clicks at once, on another quotation: one highlight.
    const other = again.items.find((c) => !c.kept)!;
    const both = await Promise.all([keepQuote(db, other.quote.id), keepQuote(db, other.quote.id)]);
    expect(both.map((k) => k.already).sort()).toEqual([false, true]);
    expect(both[0]!.annotation.id).toBe(both[1]!.annotation.id);
    expect(await listAnnotations(db, cited!.quote.url)).toHaveLength(2);
    db.close();
  });
});
