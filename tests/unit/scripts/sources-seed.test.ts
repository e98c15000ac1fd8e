import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sourceRows, type SourceRows } from '../../../scripts/lib/sources-seed';
import { syntheticRecords } from '../../../scripts/lib/sources-bench';
import type { GlossDB } from '../../../utils/db';
import type { SourceRecord } from '../../../utils/sources/record';
import { rememberArticles } from '../../../utils/sources/store';
import { freshDb } from '../db/helpers';
import { article } from '../sources/helpers';

/** The rows with identity ids replaced by the identity's type and keys (ids are random in the store). */
function comparable(rows: SourceRows) {
  const label = new Map(rows.identities.map((i) => [i.id, `${i.type}|${i.keys.join(',')}`]));
  const of = (id: string | null) => (id === null ? null : (label.get(id) ?? `missing ${id}`));
  const byId =
    <T>(key: (x: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    articles: [...rows.sourceArticles].sort(byId((a) => a.url)),
    quotes: rows.sourceQuotes.map((q) => ({ ...q, speakerId: of(q.speakerId) })).sort(byId((q) => q.id)),
    mentions: rows.sourceMentions
      .map((m) => ({ ...m, identityId: of(m.identityId) }))
      .sort(byId((m) => `${m.url} ${m.identityId}`)),
    identities: rows.identities.map((i) => ({ ...i, id: of(i.id) })).sort(byId((i) => i.id!)),
  };
}

async function stored(db: GlossDB): Promise<SourceRows> {
  return {
    sourceArticles: await db.sourceArticles.toArray(),
    sourceQuotes: await db.sourceQuotes.toArray(),
    sourceMentions: await db.sourceMentions.toArray(),
    identities: await db.identities.toArray(),
  };
}

async function check(records: SourceRecord[]) {
  const now = Date.UTC(2026, 0, 1);
  const db = freshDb();
  await rememberArticles(db, records, now);
  const expected = comparable(await stored(db));
  expect(expected.quotes.length).toBeGreaterThan(0);
  expect(comparable(sourceRows(records, now))).toEqual(expected);
  db.close();
}

describe('the benchmark seed’s rows', () => {
  it('are the rows the store writes for synthetic articles', async () => {
    await check(syntheticRecords(80));
  });

  it('are the rows the store writes for titles, surnames alone and two people sharing a surname', async () => {
    await check([
      article(
        'https://a.example/1',
        [
          { words: 'We will not back down', speaker: 'Foreign Minister Wang Yi' },
          { words: 'Talks go on', speaker: 'Wang' },
          { words: 'No comment', speaker: 'a spokesman' },
        ],
        [{ name: 'Wang Yi', type: 'PER', mentions: ['Wang Yi', 'Wang'] }],
        { published: '2026-01-05' },
      ),
      article(
        'https://b.example/2',
        [
          { words: 'The vote is a disgrace', speaker: 'Lara Dent' },
          { words: 'It is not', speaker: 'Ivo Dent' },
          { words: 'Who knows', speaker: 'Dent' },
          { words: 'Dialogue first', speaker: 'Wang Yi' },
        ],
        [{ name: 'Harbour Board', type: 'ORG', mentions: ['Harbour Board'] }],
        { published: '2026-02-10' },
      ),
      article('https://c.example/3', [{ words: 'Back again', speaker: 'Wang' }], [], { published: '2026-03-01' }),
    ]);
  });
});
