import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  dropQuote,
  forgetArticle,
  forgetEverything,
  forgetSite,
  mergeIdentities,
  reassignQuote,
  rememberArticle,
  splitIdentity,
} from '../../../utils/sources/store';
import { listEntities, listSpeakers, searchQuotes, speakerQuotes } from '../../../utils/sources/queries';
import { freshDb } from '../db/helpers';
import { selectorOf } from '../../../utils/sources/types';
import { article } from './helpers';

const A = 'https://news.example.com/world/1';
const B = 'https://daily.example.org/2026/talks?utm_source=feed';
const C = 'https://news.example.com/world/3';

const first = () =>
  article(
    A,
    [
      { words: 'Dialogue must replace confrontation', speaker: 'Hu Ping' },
      { words: 'We will not back down', speaker: 'Hu' },
      { words: 'The vote is a disgrace', speaker: 'Lara Dent' },
      { words: 'Nothing was agreed', speaker: 'a spokesman' },
    ],
    [
      { name: 'Hu Ping', type: 'PER', mentions: ['Foreign Minister Hu Ping', 'Hu'] },
      { name: 'Lara Dent', type: 'PER', mentions: ['Lara Dent'] },
      { name: 'Arvalia', type: 'LOC', mentions: ['Arvalia', 'Arvalia', 'Arvalia'] },
    ],
    { published: '2026-01-05' },
  );
const second = () =>
  article(
    B,
    [
      { words: 'Talks resume in spring', speaker: 'Foreign Minister Hu Ping' },
      { words: 'Our party stands firm', speaker: 'Ivo Dent' },
      { words: 'I never said that', speaker: 'Dent' },
    ],
    [
      { name: 'Hu Ping', type: 'PER', mentions: ['Hu Ping'] },
      { name: 'Ivo Dent', type: 'PER', mentions: ['Ivo Dent', 'Dent'] },
      { name: 'Arvalia', type: 'LOC', mentions: ['Arvalia'] },
    ],
    { published: '2026-02-10' },
  );

describe('remembering articles', () => {
  it('lists speakers across articles, joining titles and surnames, keeping namesakes apart', async () => {
    const db = freshDb();
    await rememberArticle(db, first(), 1000);
    await rememberArticle(db, second(), 2000);
    const { items, total } = await listSpeakers(db);
    expect(items.map((i) => [i.name, i.quoteCount, i.quoteArticles, i.first, i.last])).toEqual([
      ['Hu Ping', 3, 2, '2026-01-05', '2026-02-10'],
      ['Ivo Dent', 2, 1, '2026-02-10', '2026-02-10'],
      ['Lara Dent', 1, 1, '2026-01-05', '2026-01-05'],
    ]);
    expect(total).toBe(3);
    const hu = items[0]!;
    expect(hu.variants.map((v) => v.reason.code)).toEqual(expect.arrayContaining(['title']));
    const quotes = await speakerQuotes(db, hu.id);
    expect(quotes.map((q) => [q.quote.text, q.article.date, q.article.publisher])).toEqual([
      ['Talks resume in spring', '2026-02-10', 'The Daily Example'],
      ['Dialogue must replace confrontation', '2026-01-05', 'The Daily Example'],
      ['We will not back down', '2026-01-05', 'The Daily Example'],
    ]);
    expect(quotes[2]!.quote.reason).toEqual({ code: 'surname', text: 'surname in an article naming Hu Ping' });
    expect(quotes[0]!.article.url).toBe('https://daily.example.org/2026/talks');
    expect(selectorOf(quotes[1]!.quote)).toMatchObject({
      exact: 'Dialogue must replace confrontation',
      prefix: 'Hu Ping said: “',
    });
    const places = await listEntities(db, 'LOC');
    expect(places.items.map((p) => [p.name, p.mentionCount, p.mentionArticles])).toEqual([['Arvalia', 4, 2]]);
    db.close();
  });

  it('updates a re-read article instead of duplicating it', async () => {
    const db = freshDb();
    await rememberArticle(db, first(), 1000);
    await rememberArticle(db, first(), 5000);
    expect(await db.sourceArticles.count()).toBe(1);
    expect(await db.sourceQuotes.count()).toBe(4);
    const article = await db.sourceArticles.get(A);
    expect([article!.firstRead, article!.lastRead]).toEqual([1000, 5000]);
    expect((await listSpeakers(db)).items.map((i) => i.quoteCount)).toEqual([2, 1]);
    db.close();
  });

  it('finds quotations by word prefixes and by speaker', async () => {
    const db = freshDb();
    await rememberArticle(db, first());
    await rememberArticle(db, second());
    expect((await searchQuotes(db, 'confront')).items.map((q) => q.quote.text)).toEqual([
      'Dialogue must replace confrontation',
    ]);
    expect((await searchQuotes(db, 'never SAID')).items.map((q) => q.speakerName)).toEqual(['Ivo Dent']);
    const hu = (await listSpeakers(db)).items[0]!;
    expect((await searchQuotes(db, 'we', { speakerId: hu.id })).items.map((q) => q.quote.text)).toEqual([
      'We will not back down',
    ]);
    expect((await searchQuotes(db, '', { speakerId: hu.id })).total).toBe(3);
    expect((await searchQuotes(db, '')).total).toBe(0);
    // A prefix with more candidates than the index is read for: newest first, counted as "at least".
    const common = await searchQuotes(db, 't', { candidates: 2, limit: 2 });
    expect(common).toMatchObject({ total: 2, atLeast: true });
    // The two of the newer article, not the older one's "The vote is a disgrace".
    expect(common.items.map((q) => q.quote.text).sort()).toEqual(['I never said that', 'Talks resume in spring']);
    const all = await searchQuotes(db, 't', { candidates: 2 });
    expect([all.total, all.atLeast]).toEqual([3, false]);
    expect(all.items.map((q) => q.quote.text)).toEqual([
      'Talks resume in spring',
      'I never said that',
      'The vote is a disgrace',
    ]);
    // A common term beside a rare one: the rare one narrows, the common one is checked on the quotations.
    expect(await searchQuotes(db, 'nothing a', { candidates: 1 })).toMatchObject({
      total: 1,
      items: [{ quote: { text: 'Nothing was agreed' } }],
    });
    expect((await searchQuotes(db, 'was nothing', { candidates: 1 })).items.map((q) => q.quote.text)).toEqual([
      'Nothing was agreed',
    ]);
    db.close();
  });

  it('forgets an article, a site and everything, with their speakers', async () => {
    const db = freshDb();
    await rememberArticle(db, first());
    await rememberArticle(db, second());
    await rememberArticle(db, article(C, [{ words: 'Another day', speaker: 'Lara Dent' }]));
    expect(await forgetArticle(db, B)).toBe(1);
    // Speakers with as many quotations come in no set order.
    expect((await listSpeakers(db)).items.map((i) => [i.name, i.quoteCount]).sort()).toEqual([
      ['Hu Ping', 2],
      ['Lara Dent', 2],
    ]);
    expect(await forgetSite(db, 'example.com')).toBe(2);
    expect(await db.sourceArticles.count()).toBe(0);
    expect(await db.sourceQuotes.count()).toBe(0);
    expect(await db.identities.count()).toBe(0);
    await rememberArticle(db, first());
    await forgetEverything(db);
    expect(await db.identities.count()).toBe(0);
    db.close();
  });
});

describe('corrections', () => {
  it('reassigns a quotation, and re-reading the article does not undo it', async () => {
    const db = freshDb();
    await rememberArticle(db, first());
    const [q] = (await searchQuotes(db, 'disgrace')).items;
    await reassignQuote(db, q!.quote.id, { name: 'Mila Ostrova' });
    await rememberArticle(db, first());
    const [again] = (await searchQuotes(db, 'disgrace')).items;
    expect([again!.speakerName, again!.quote.corrected]).toEqual(['Mila Ostrova', 'reassigned']);
    expect((await listSpeakers(db)).items.map((i) => i.name)).not.toContain('Lara Dent');
    await reassignQuote(db, q!.quote.id, null);
    await rememberArticle(db, first());
    expect((await searchQuotes(db, 'disgrace')).items[0]!.speakerName).toBeNull();
    db.close();
  });

  it('drops a quotation from every list and search, for good', async () => {
    const db = freshDb();
    await rememberArticle(db, first());
    const [q] = (await searchQuotes(db, 'back down')).items;
    await dropQuote(db, q!.quote.id);
    await rememberArticle(db, first());
    expect((await searchQuotes(db, 'back down')).total).toBe(0);
    expect((await listSpeakers(db)).items.find((i) => i.name === 'Hu Ping')).toMatchObject({ quoteCount: 1 });
    db.close();
  });

  it('merges two identities of one type, and later readings follow the merge', async () => {
    const db = freshDb();
    await rememberArticle(db, first());
    await rememberArticle(db, article(C, [{ words: 'Later words', speaker: 'Ping Hu' }]));
    const speakers = (await listSpeakers(db)).items;
    const hu = speakers.find((s) => s.name === 'Hu Ping')!;
    const other = speakers.find((s) => s.name === 'Ping Hu')!;
    const place = (await listEntities(db, 'LOC')).items[0]!;
    await expect(mergeIdentities(db, place.id, hu.id)).rejects.toMatchObject({ code: 'invalid' });
    const merged = await mergeIdentities(db, other.id, hu.id);
    expect(merged.quoteCount).toBe(3);
    expect(merged.variants.find((v) => v.name === 'Ping Hu')!.reason.text).toBe('merged by you');
    await rememberArticle(db, article(C, [{ words: 'Later words', speaker: 'Ping Hu' }]));
    expect((await listSpeakers(db)).items.map((i) => [i.name, i.quoteCount])).toEqual([
      ['Hu Ping', 3],
      ['Lara Dent', 1],
    ]);
    db.close();
  });

  it('splits a spelling off an identity, and re-reading keeps them apart', async () => {
    const db = freshDb();
    await rememberArticle(db, first());
    await rememberArticle(db, article(C, [{ words: 'Later words', speaker: 'Ping Hu' }]));
    const speakers = (await listSpeakers(db)).items;
    const hu = speakers.find((s) => s.name === 'Hu Ping')!;
    await mergeIdentities(db, speakers.find((s) => s.name === 'Ping Hu')!.id, hu.id);
    const split = await splitIdentity(db, hu.id, 'Ping Hu');
    expect([split.name, split.quoteCount]).toEqual(['Ping Hu', 1]);
    await rememberArticle(db, article(C, [{ words: 'Later words', speaker: 'Ping Hu' }]));
    await rememberArticle(db, first());
    expect((await listSpeakers(db)).items.map((i) => [i.name, i.quoteCount]).sort()).toEqual([
      ['Hu Ping', 2],
      ['Lara Dent', 1],
      ['Ping Hu', 1],
    ]);
    db.close();
  });
});
