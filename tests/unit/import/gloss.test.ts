import { describe, expect, it } from 'vitest';
import { toWebAnnotationJson } from '../../../utils/export';
import { readImportFile, type ParsedImport } from '../../../utils/import';
import { ANNOTATIONS, PAGES } from '../export/fixture';

/** The checked records of a parse, or throws when any record was rejected. */
function records(parsed: ParsedImport) {
  const pick = <T>(items: ({ name: string } & ({ record: T } | { rejected: string } | { skipped: string }))[]) =>
    items.map((i) => {
      if (!('record' in i)) throw new Error(`${i.name}: ${'rejected' in i ? i.rejected : i.skipped}`);
      return i.record;
    });
  return { annotations: pick(parsed.annotations), pages: pick(parsed.pages) };
}

/** "record: reason" for each rejected record. */
function rejections(text: string): string[] {
  const parsed = readImportFile(text);
  return [...parsed.annotations, ...parsed.pages].flatMap((i) => ('rejected' in i ? [`${i.name}: ${i.rejected}`] : []));
}

describe('readImportFile: Gloss JSON-LD', () => {
  it('gives back exactly what was exported', () => {
    const parsed = readImportFile(toWebAnnotationJson(PAGES, ANNOTATIONS));
    expect(parsed.format).toBe('gloss');
    expect(records(parsed)).toEqual({
      pages: PAGES,
      annotations: ANNOTATIONS,
    });
    expect(records(readImportFile(toWebAnnotationJson([], [])))).toEqual({ pages: [], annotations: [] });
  });

  it('keeps a page key that differs from the target source', () => {
    const odd = { ...ANNOTATIONS[0]!, url: 'https://news.example.com/canonical' };
    expect(records(readImportFile(toWebAnnotationJson([], [odd]))).annotations).toEqual([odd]);
  });

  it('reads a bare array of annotations, and a file with a byte-order mark', () => {
    const items = JSON.parse(toWebAnnotationJson([], ANNOTATIONS)).first.items;
    expect(records(readImportFile(JSON.stringify(items))).annotations).toEqual(ANNOTATIONS);
    expect(records(readImportFile('\uFEFF' + toWebAnnotationJson([], ANNOTATIONS))).annotations).toEqual(ANNOTATIONS);
  });

  /** The export with record `i` changed by `change`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of parsed JSON
  function broken(i: number, change: (a: Record<string, any>) => void): string {
    const doc = JSON.parse(toWebAnnotationJson(PAGES, ANNOTATIONS));
    change(doc.first.items[i]);
    return JSON.stringify(doc);
  }

  it.each([
    ['a bad id', broken(2, (a) => (a.id = 'abc')), 'annotation 3 (abc): id: must be a urn:uuid: identifier'],
    ['a bad date', broken(0, (a) => (a.created = 'yesterday')), /^annotation 1 .*: created: must be an ISO 8601/],
    ['a bad colour', broken(1, (a) => (a['gloss:color'] = 'red')), /^annotation 2 .*: color: must be one of/],
    [
      'a wrong type',
      broken(1, (a) => (a.target.selector[1].start = '12')),
      /^annotation 2 .*: target.selectors.position.start: must be a whole number/,
    ],
    [
      'a missing quote',
      broken(3, (a) => a.target.selector.shift()),
      /^annotation 4 .*: target.selector: needs a TextQuoteSelector/,
    ],
    [
      'a bad source',
      broken(3, (a) => (a.target.source = 'file:///etc/passwd')),
      /^annotation 4 .*: url: must be an http\(s\) URL/,
    ],
    [
      'a huge note',
      broken(0, (a) => (a.body[0].value = 'x'.repeat(5_000_000))),
      /^annotation 1 .*: note: must be at most 10000 characters \(got 5000000\)/,
    ],
    [
      'HTML in a note',
      broken(0, (a) => (a.body[0].value = 'hi <script>alert(1)</script>')),
      /^annotation 1 .*: note: must not contain HTML tags/,
    ],
    ['an unknown body', broken(0, (a) => (a.body[1].purpose = 'linking')), /^annotation 1 .*: body\[1\]\.purpose/],
    ['an unknown field', broken(2, (a) => (a.evil = true)), /^annotation 3 .*: evil: is not a field of a Gloss export/],
    [
      'an unknown selector field',
      broken(2, (a) => (a.target.selector[0].onload = 'x')),
      /^annotation 3 .*: target.selectors.quote.onload: is not a known field/,
    ],
    [
      'a date in the future',
      broken(2, (a) => (a.modified = '2999-01-01T00:00:00.000Z')),
      /^annotation 3 .*: updatedAt: is in the future \(2999-01-01/,
    ],
    [
      'a repeated id',
      broken(1, (a) => (a.id = 'urn:uuid:00000000-0000-4000-8000-000000000002')),
      /^annotation 2 .*: the same record as annotation 1/,
    ],
  ])('rejects %s, naming the record and the reason', (_, json, message) => {
    const found = rejections(json);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('names a bad page record', () => {
    const doc = JSON.parse(toWebAnnotationJson(PAGES, ANNOTATIONS));
    doc['gloss:pages'][2]['gloss:lastVisited'] = 42;
    expect(rejections(JSON.stringify(doc))).toEqual([
      'page 3 (https://empty.example.com/): gloss:lastVisited: must be an ISO 8601 date-time',
    ]);
  });

  it('lists every bad record, not only the first', () => {
    const doc = JSON.parse(toWebAnnotationJson(PAGES, ANNOTATIONS));
    doc.first.items[0].created = 5;
    doc.first.items[3]['gloss:color'] = 'black';
    expect(rejections(JSON.stringify(doc))).toHaveLength(2);
  });
});

describe('readImportFile: files that cannot be imported at all', () => {
  it.each([
    ['not JSON', 'Gloss notes, honest', /^This file is not JSON/],
    ['truncated JSON', '{"type":"AnnotationCollection","first":{"items":[', /^This file is not JSON/],
    ['a number', '42', /neither a Gloss export .* nor a Hypothesis export/],
    ['an object of another kind', '{"type":"Annotation"}', /neither a Gloss export/],
    ['a collection without items', '{"type":"AnnotationCollection"}', /no list of annotations/],
    [
      'a __proto__ key',
      '{"type":"AnnotationCollection","first":{"items":[{"__proto__":{"polluted":1}}]}}',
      /"__proto__" key/,
    ],
    ['a constructor key', '[{"constructor":{"prototype":{}}}]', /"(constructor|prototype)" key/],
    ['a newer format', '{"type":"AnnotationCollection","gloss:version":99,"first":{"items":[]}}', /newer Gloss/],
  ])('refuses %s with a clear message', (_, text, message) => {
    expect(() => readImportFile(text)).toThrow(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a 50 MB file before reading it', () => {
    const big = `[${'"x",'.repeat(13_200_000)}"x"]`;
    expect(big.length).toBeGreaterThan(50_000_000);
    expect(() => readImportFile(big)).toThrow(
      /^This file is too large to import \(50\.\d MB; at most 48\.0 MB; the library page imports larger files\)\.$/,
    );
  });
});
