import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sourcesToCsv, sourcesToMarkdown } from '../../../utils/export/sources';
import { listSpeakers, searchQuotes, speakerQuotes } from '../../../utils/sources/queries';
import { dropQuote, reassignQuote, rememberArticle } from '../../../utils/sources/store';
import { freshDb } from '../db/helpers';
import { article } from '../sources/helpers';

async function seeded() {
  const db = freshDb();
  await rememberArticle(
    db,
    article(
      'https://news.example.com/a',
      [
        { words: 'Prices, "frankly", are =too high', speaker: 'Dana Kowalczyk' },
        { words: 'We *will* act\nsoon', speaker: 'Dana Kowalczyk' },
        { words: 'Not a quotation at all', speaker: 'Dana Kowalczyk' },
      ],
      [],
      { title: 'Rates [update]', publisher: 'Example News', published: '2026-05-02T08:00:00Z' },
    ),
  );
  return db;
}

describe('exports of remembered quotations', () => {
  it('gives a speaker’s quotations as Markdown with citations, corrections shown and drops left out', async () => {
    const db = await seeded();
    const dana = (await listSpeakers(db)).items[0]!;
    const before = await speakerQuotes(db, dana.id);
    await dropQuote(db, before.find((q) => q.quote.text.startsWith('Not'))!.quote.id);
    await reassignQuote(db, before.find((q) => q.quote.text.startsWith('We'))!.quote.id, { id: dana.id });
    const md = sourcesToMarkdown(`Quotations of ${dana.name}`, await speakerQuotes(db, dana.id));
    expect(md).toBe(
      [
        '# Quotations of Dana Kowalczyk',
        '',
        '> Prices, "frankly", are =too high',
        '',
        '— Dana Kowalczyk, [Rates \\[update\\]](<https://news.example.com/a>), Example News, 2026-05-02',
        '',
        '> We \\*will\\* act',
        '> soon',
        '',
        '— Dana Kowalczyk, [Rates \\[update\\]](<https://news.example.com/a>), Example News, 2026-05-02 (attribution corrected by the reader)',
        '',
      ].join('\n'),
    );
    db.close();
  });

  it('gives a search result as CSV (RFC 4180, BOM, CRLF), quoting and defusing fields', async () => {
    const db = await seeded();
    const found = await searchQuotes(db, 'prices');
    const csv = sourcesToCsv(found.items);
    expect(csv.startsWith('\uFEFFspeaker,quotation,title,publisher,date,url,byline,attribution\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'speaker,quotation,title,publisher,date,url,byline,attribution',
      'Dana Kowalczyk,"Prices, ""frankly"", are =too high",Rates [update],Example News,2026-05-02,https://news.example.com/a,,',
      '',
    ]);
    expect(sourcesToCsv([])).toBe('\uFEFFspeaker,quotation,title,publisher,date,url,byline,attribution\r\n');
    db.close();
  });
});
