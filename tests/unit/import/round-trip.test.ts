/**
 * Round trips over random libraries (odd Unicode, long notes, many tags):
 * JSON-LD export then import into an empty database gives back every record
 * exactly; a vault zip's front matter parses back to each page's facts.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { allAnnotations, importFile, listPages } from '../../../utils/db';
import { annotationRecord, pageRecord } from '../../../utils/db/records';
import { HIGHLIGHT_COLORS, type Annotation, type Page } from '../../../utils/db/types';
import { toVaultZip, toWebAnnotationJson, vaultTag } from '../../../utils/export';
import { freshDb } from '../db/helpers';
import { splitNote } from '../export/front-matter';

/** Any text, including astral characters, lone surrogates, controls and combining marks; no HTML tags in notes. */
const text = (maxLength: number, minLength = 0) =>
  fc.oneof(
    fc.string({ unit: 'binary', minLength, maxLength }),
    fc.string({ unit: 'grapheme', minLength, maxLength }),
    fc.string({
      unit: fc.constantFrom(
        'a',
        ' ',
        '\n',
        '#',
        '+',
        '<',
        '>',
        '[',
        ']',
        '"',
        '\\',
        '-',
        ',',
        '&',
        'é',
        '😀',
        '\u0301',
        '\u2028',
        '\u0085',
        '\u007f',
      ),
      minLength,
      maxLength,
    }),
  );

const NOW = Date.now();
const time = fc.integer({ min: 0, max: NOW });
const host = fc.constantFrom('news.example.com', 'www.other.org', 'example.co.uk', 'blog.example.net');
const url = fc
  .tuple(
    fc.constantFrom('https', 'http'),
    host,
    fc.string({ unit: fc.constantFrom('a', 'b', '1', '-', '/', '%20', 'é', '('), maxLength: 20 }),
  )
  .map(([scheme, h, path]) => new URL(`${scheme}://${h}/${path}`).href);

const annotation = fc
  .record({
    id: fc.uuid(),
    url,
    times: fc.tuple(time, time),
    exact: text(300, 1),
    prefix: text(64),
    suffix: text(64),
    start: fc.nat({ max: 1_000_000 }),
    length: fc.integer({ min: 1, max: 5000 }),
    color: fc.constantFrom(...HIGHLIGHT_COLORS),
    note: fc.oneof(
      text(200),
      text(10_000).map((s) => s.padEnd(9_000, 'long note ').slice(0, 10_000)),
    ),
    tags: fc.array(text(40, 1), { maxLength: 32 }),
  })
  .map((r) => {
    const [a, b] = r.times[0] <= r.times[1] ? r.times : [r.times[1], r.times[0]];
    // Notes may not hold HTML tags (the schema refuses them); everything else goes.
    const note = r.note.replace(/<(?=[a-z!/])/gi, '< ');
    return annotationRecord({
      id: r.id,
      url: r.url,
      createdAt: a,
      updatedAt: b,
      target: {
        source: r.url,
        selectors: {
          quote: { type: 'TextQuoteSelector', exact: r.exact, prefix: r.prefix, suffix: r.suffix },
          position: { type: 'TextPositionSelector', start: r.start, end: r.start + r.length },
        },
      },
      color: r.color,
      note,
      tags: r.tags,
    });
  });

const pageFacts = fc.record({
  title: text(200),
  byline: fc.option(text(80)),
  publisher: fc.option(text(80)),
  published: fc.option(text(40)),
  lastVisited: time,
});

/** A library: annotations with unique ids, and a page record for each of their pages. */
const library = fc
  .tuple(
    fc.uniqueArray(annotation, { selector: (a) => a.id, minLength: 1, maxLength: 25 }),
    fc.array(pageFacts, { minLength: 4, maxLength: 4 }),
  )
  .map(([annotations, facts]) => {
    const urls = [...new Set(annotations.map((a) => a.url))];
    const pages: Page[] = urls.map((u, i) => pageRecord({ url: u, ...facts[i % facts.length]! }));
    return { annotations, pages };
  });

const byId = (list: Annotation[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
const byUrl = (list: Page[]) => [...list].sort((a, b) => (a.url < b.url ? -1 : 1));

describe('round trips', () => {
  it('JSON-LD export, then import into an empty database, gives back every record exactly', async () => {
    await fc.assert(
      fc.asyncProperty(library, async ({ annotations, pages }) => {
        const db = freshDb();
        try {
          const json = toWebAnnotationJson(pages, annotations);
          const report = await importFile(db, json);
          expect(report.rejected).toEqual([]);
          expect(report.added).toHaveLength(annotations.length);
          expect(byId(await allAnnotations(db))).toEqual(byId(annotations));
          expect(byUrl(await listPages(db))).toEqual(byUrl(pages));
          // And again: nothing changes, and the report says so.
          const again = await importFile(db, json);
          expect(again).toMatchObject({ added: [], updated: [], unchanged: annotations.length });
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it("a vault zip's front matter parses back to each page's title, url, publisher, published and tags", () => {
    fc.assert(
      fc.property(library, ({ annotations, pages }) => {
        const files = unzipSync(toVaultZip(pages, annotations));
        expect(Object.keys(files)).toHaveLength(pages.length);
        const seen = new Set<string>();
        for (const data of Object.values(files)) {
          const { meta } = splitNote(strFromU8(data));
          const page = pages.find((p) => p.url === meta.url);
          expect(page, String(meta.url)).toBeDefined();
          seen.add(page!.url);
          const tags = new Set(annotations.filter((a) => a.url === page!.url).flatMap((a) => a.tags.map(vaultTag)));
          tags.delete('');
          expect(meta).toEqual({
            title: page!.title,
            url: page!.url,
            publisher: page!.publisher,
            published: page!.published,
            tags: expect.any(Array),
          });
          expect([...(meta.tags as string[])].sort()).toEqual([...tags].sort());
        }
        expect(seen.size).toBe(pages.length);
      }),
      { numRuns: 60 },
    );
  });
});
