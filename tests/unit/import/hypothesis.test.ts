import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { allAnnotations, importFile, listPages, type GlossDB } from '../../../utils/db';
import { uuidFromName } from '../../../utils/import';
import { freshDb } from '../db/helpers';

const FILE = readFileSync(new URL('../../fixtures/hypothesis/export.json', import.meta.url), 'utf8');

let db: GlossDB;
afterEach(() => db?.close());

describe('importFile: a Hypothesis export', () => {
  it('imports highlights with their note, tags and times; skips replies, page notes and PDFs with the reason', async () => {
    db = freshDb();
    const report = await importFile(db, FILE);
    expect(report).toMatchObject({ format: 'hypothesis', imported: true, rejected: [], skippedCount: 3 });
    expect(report.skipped).toEqual([
      { record: 'annotation 2 (PageNote000000000000aa)', reason: 'a page note, with no highlighted text' },
      { record: 'annotation 3 (Reply00000000000000abc)', reason: 'a reply to another annotation' },
      { record: 'annotation 4 (OnAPdf00000000000000xy)', reason: 'not on a web page (urn:x-pdf:6a3b5c0f2e)' },
    ]);
    expect(report.added).toHaveLength(2);
    const [second, first] = await allAnnotations(db);
    expect(first).toMatchObject({
      id: uuidFromName('hypothesis:Zx8k2Lz4Ee-abc123XYZ_w'),
      url: 'https://news.example.com/2026/11/talks',
      createdAt: Date.parse('2026-11-02T09:12:44.123Z'),
      updatedAt: Date.parse('2026-11-03T18:01:02.654Z'),
      exact: 'dialogue should replace confrontation',
      note: "Compare with **last year's** [[talks]] — see #diplomacy\n\n- first\n- second",
      tags: ['diplomacy', 'c++', 'UN talks'],
      color: 'yellow',
    });
    expect(first!.target.selectors).toEqual({
      quote: {
        type: 'TextQuoteSelector',
        exact: 'dialogue should replace confrontation',
        prefix: 'Foreign Minister Wang Yi said that ',
        suffix: ' in the talks that begin on Monday',
      },
      position: { type: 'TextPositionSelector', start: 1532, end: 1608 },
    });
    expect(second).toMatchObject({ url: 'https://www.other.org/story', note: '', tags: [], exact: 'Zürich' });
    expect((await listPages(db)).map((p) => [p.url, p.title])).toEqual([
      ['https://news.example.com/2026/11/talks', 'Talks to begin on Monday'],
      ['https://www.other.org/story', ''],
    ]);
  });

  it('is idempotent: the same file again is all unchanged', async () => {
    db = freshDb();
    await importFile(db, FILE);
    const before = await allAnnotations(db);
    expect(await importFile(db, FILE)).toMatchObject({ added: [], updated: [], unchanged: 2, skippedCount: 3 });
    expect(await allAnnotations(db)).toEqual(before);
  });

  it('rejects a hostile record and writes nothing', async () => {
    db = freshDb();
    const doc = JSON.parse(FILE);
    doc.annotations[0].text = '<img src=x onerror="alert(1)">';
    doc.annotations[4].created = 12;
    const report = await importFile(db, JSON.stringify(doc));
    expect(report.imported).toBe(false);
    expect(report.rejected).toEqual([
      {
        record: 'annotation 1 (Zx8k2Lz4Ee-abc123XYZ_w)',
        reason: 'note: must not contain HTML tags (write Markdown instead)',
      },
      { record: 'annotation 5 (Second0000000000000001)', reason: 'created: must be an ISO 8601 date-time' },
    ]);
    expect(await allAnnotations(db)).toEqual([]);
  });

  it('reads an API search result ({ rows }) the same way', async () => {
    db = freshDb();
    const rows = JSON.parse(FILE).annotations;
    expect(await importFile(db, JSON.stringify({ total: rows.length, rows }))).toMatchObject({ format: 'hypothesis' });
    expect(await allAnnotations(db)).toHaveLength(2);
  });

  it('makes the same UUID from the same name, and different ones from different names', () => {
    expect(uuidFromName('hypothesis:a')).toBe(uuidFromName('hypothesis:a'));
    expect(uuidFromName('hypothesis:a')).not.toBe(uuidFromName('hypothesis:b'));
    expect(uuidFromName('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
