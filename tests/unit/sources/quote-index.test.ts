import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { GlossDB } from '../../../utils/db';
import { searchQuotes } from '../../../utils/sources/queries';
import { prepareQuoteIndex, quoteIndex } from '../../../utils/sources/quote-index';
import {
  dropQuote,
  forgetArticle,
  forgetEverything,
  rememberArticle,
  rememberArticles,
} from '../../../utils/sources/store';
import { freshDb } from '../db/helpers';
import { article } from './helpers';

const A = 'https://news.example.com/world/1';
const B = 'https://daily.example.org/2026/talks';

const first = () =>
  article(
    A,
    [
      { words: 'Dialogue must replace confrontation', speaker: 'Hu Ping' },
      { words: 'We will not back down', speaker: 'Hu' },
      { words: 'The vote is a disgrace', speaker: 'Lara Dent' },
    ],
    [{ name: 'Hu Ping', type: 'PER', mentions: ['Hu Ping'] }],
    { published: '2026-01-05' },
  );
const second = () =>
  article(
    B,
    [
      { words: 'Talks resume in spring', speaker: 'Hu Ping' },
      { words: 'I never said that, Dialog is back', speaker: 'Ivo Dent' },
    ],
    [],
    { published: '2026-02-10' },
  );

const QUERIES = ['t', 'd', 'dialog', 'di b', 'never', 'wé', 'zz', 'the vote', 'back'];

/** The same search from the in-memory index and from the database's index (the `candidates` seam), side by side. */
async function bothWays(db: GlossDB, query: string) {
  const memory = await searchQuotes(db, query);
  const database = await searchQuotes(db, query, { candidates: 1_000_000 });
  const shown = (r: typeof memory) => ({ total: r.total, items: r.items.map((c) => [c.quote.id, c.speakerName]) });
  return { memory: shown(memory), database: shown(database) };
}

async function expectSameAnswers(db: GlossDB): Promise<void> {
  expect(await prepareQuoteIndex(db)).not.toBeNull();
  for (const q of QUERIES) {
    const { memory, database } = await bothWays(db, q);
    expect(memory, q).toEqual(database);
  }
}

describe('the in-memory quotation index', () => {
  it('answers as the database index does, once built', async () => {
    const db = freshDb();
    await rememberArticle(db, first());
    await rememberArticle(db, second());
    await expectSameAnswers(db);
    expect((await searchQuotes(db, 'd')).total).toBe(4);
    db.close();
  });

  it('follows re-reading, dropping, forgetting and bulk writes', async () => {
    const db = freshDb();
    await rememberArticle(db, first());
    await expectSameAnswers(db);
    expect((await searchQuotes(db, 'talks')).total).toBe(0);
    await rememberArticle(db, second());
    expect((await searchQuotes(db, 'talks')).total).toBe(1);
    await expectSameAnswers(db);
    const [disgrace] = (await searchQuotes(db, 'disgrace')).items;
    await dropQuote(db, disgrace!.quote.id);
    expect((await searchQuotes(db, 'disgrace')).total).toBe(0);
    await expectSameAnswers(db);
    await forgetArticle(db, B);
    expect((await searchQuotes(db, 'talks')).total).toBe(0);
    await expectSameAnswers(db);
    await rememberArticles(db, [second()]);
    expect((await searchQuotes(db, 'talks')).total).toBe(1);
    await expectSameAnswers(db);
    await forgetEverything(db);
    expect(await quoteIndex(db)).toBeNull(); // cleared: built again
    await expectSameAnswers(db);
    expect((await searchQuotes(db, 'd')).total).toBe(0);
    db.close();
  });
});
