import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listEntities, listSpeakers } from '../../../utils/sources/queries';
import { rememberArticle } from '../../../utils/sources/store';
import { freshDb } from '../db/helpers';
import { article } from './helpers';

const url = (n: number) => `https://paper${n}.example.net/story/${n}`;

/** Speakers by name with their quotation counts and articles, in name order. */
async function speakers(db: ReturnType<typeof freshDb>) {
  return (await listSpeakers(db)).items.map((s) => [s.name, s.quoteCount, s.quoteArticles]).sort();
}

describe('identities across articles', () => {
  it('joins a name in capitals, a possessive and a title to the same person in other articles', async () => {
    const db = freshDb();
    await rememberArticle(db, article(url(1), [{ words: 'One', speaker: 'Teodora Vlasic' }]));
    await rememberArticle(db, article(url(2), [{ words: 'Two', speaker: 'TEODORA VLASIC' }]));
    await rememberArticle(db, article(url(3), [{ words: 'Three', speaker: 'Interior Minister Teodora Vlasić' }]));
    await rememberArticle(db, article(url(4), [{ words: 'Four', speaker: "Teodora Vlasic's" }]));
    expect(await speakers(db)).toEqual([['Teodora Vlasic', 4, 4]]);
    const [t] = (await listSpeakers(db)).items;
    expect(t!.variants.map((v) => v.reason.code).sort()).toEqual(['capitals', 'possessive', 'same-name', 'title']);
    db.close();
  });

  it('never joins a surname alone across articles: two articles’ “Okafor” may be two people', async () => {
    const db = freshDb();
    await rememberArticle(db, article(url(1), [{ words: 'One', speaker: 'Okafor' }]));
    await rememberArticle(db, article(url(2), [{ words: 'Two', speaker: 'Okafor' }]));
    await rememberArticle(db, article(url(3), [{ words: 'Three', speaker: 'Chidi Okafor' }]));
    await rememberArticle(db, article(url(4), [{ words: 'Four', speaker: 'Amara Okafor' }]));
    expect(await speakers(db)).toEqual([
      ['Amara Okafor', 1, 1],
      ['Chidi Okafor', 1, 1],
      ['Okafor', 1, 1],
      ['Okafor', 1, 1],
    ]);
    const alone = (await listSpeakers(db)).items.find((s) => s.name === 'Okafor')!;
    expect(alone.variants[0]!.reason.code).toBe('alone');
    db.close();
  });

  it('joins initials to one known person, and not when two could be meant', async () => {
    const db = freshDb();
    await rememberArticle(db, article(url(1), [{ words: 'One', speaker: 'Rosalind Achterberg' }]));
    await rememberArticle(db, article(url(2), [{ words: 'Two', speaker: 'R. Achterberg' }]));
    expect(await speakers(db)).toEqual([['Rosalind Achterberg', 2, 2]]);
    const db2 = freshDb();
    await rememberArticle(db2, article(url(1), [{ words: 'One', speaker: 'Rosalind Achterberg' }]));
    await rememberArticle(db2, article(url(2), [{ words: 'Two', speaker: 'Ruben Achterberg' }]));
    await rememberArticle(db2, article(url(3), [{ words: 'Three', speaker: 'R. Achterberg' }]));
    expect(await speakers(db2)).toEqual([
      ['R. Achterberg', 1, 1],
      ['Rosalind Achterberg', 1, 1],
      ['Ruben Achterberg', 1, 1],
    ]);
    db.close();
    db2.close();
  });

  it('keeps a person and an organisation of one name apart', async () => {
    const db = freshDb();
    await rememberArticle(
      db,
      article(
        url(1),
        [{ words: 'One', speaker: 'Marlow Quint' }],
        [{ name: 'Marlow Quint', type: 'PER', mentions: ['Marlow Quint'] }],
      ),
    );
    await rememberArticle(
      db,
      article(
        url(2),
        [{ words: 'Two', speaker: 'Marlow Quint' }],
        [{ name: 'Marlow Quint', type: 'ORG', mentions: ['Marlow Quint'] }],
      ),
    );
    const people = (await listEntities(db, 'PER')).items.map((i) => i.name);
    const orgs = (await listEntities(db, 'ORG')).items.map((i) => i.name);
    expect([people, orgs]).toEqual([['Marlow Quint'], ['Marlow Quint']]);
    expect((await listSpeakers(db)).items.map((s) => s.type).sort()).toEqual(['ORG', 'PER']);
    db.close();
  });

  it('joins family-name-first and particle names by their surname only inside an article', async () => {
    const db = freshDb();
    await rememberArticle(
      db,
      article(url(1), [
        { words: 'One', speaker: 'Zhou Lanfang' },
        { words: 'Two', speaker: 'Zhou' },
        { words: 'Three', speaker: 'Pieter van Loon' },
        { words: 'Four', speaker: 'Van Loon' },
      ]),
    );
    await rememberArticle(db, article(url(2), [{ words: 'Five', speaker: 'Zhou' }]));
    expect(await speakers(db)).toEqual([
      ['Pieter van Loon', 2, 1],
      ['Zhou Lanfang', 2, 1],
      ['Zhou', 1, 1],
    ]);
    db.close();
  });

  it('leaves descriptions (“a spokesman”) without a speaker identity', async () => {
    const db = freshDb();
    await rememberArticle(
      db,
      article(url(1), [
        { words: 'One', speaker: 'a spokesman' },
        { words: 'Two', speaker: null },
      ]),
    );
    expect(await speakers(db)).toEqual([]);
    expect(await db.sourceQuotes.count()).toBe(2);
    db.close();
  });
});
