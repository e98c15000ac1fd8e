import { describe, expect, it } from 'vitest';
import { parseWebAnnotationJson, toWebAnnotationJson } from '../../../utils/export';
import { ANNOTATIONS, PAGES } from './fixture';
import { pageWords } from '../../../utils/db/words';

describe('toWebAnnotationJson', () => {
  const doc = JSON.parse(toWebAnnotationJson(PAGES, ANNOTATIONS));

  it('is a W3C AnnotationCollection', () => {
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(4);
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.first.items).toHaveLength(4);
  });

  it('writes each annotation with id, dates, bodies, colour and both selectors', () => {
    const a = doc.first.items[0];
    expect(a).toMatchObject({
      id: 'urn:uuid:00000000-0000-4000-8000-000000000002',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2025-02-25T10:02:00.000Z',
      modified: '2025-02-25T11:02:00.000Z',
      'gloss:color': 'green',
      body: [
        { type: 'TextualBody', value: 'Line one, "quoted"\nline two', format: 'text/plain', purpose: 'commenting' },
        { type: 'TextualBody', value: 'Diplomacy', purpose: 'tagging' },
        { type: 'TextualBody', value: 'UN talks', purpose: 'tagging' },
      ],
      target: {
        source: 'https://news.example.com/a',
        selector: [
          { type: 'TextQuoteSelector', exact: 'dialogue, not confrontation' },
          { type: 'TextPositionSelector' },
        ],
      },
    });
    expect(doc.first.items[2].motivation).toBe('highlighting');
    expect(doc['gloss:pages'][1]).toEqual({
      id: 'https://www.other.org/story',
      'gloss:title': 'Other story',
      'gloss:site': 'other.org',
      'gloss:byline': null,
      'gloss:published': null,
      'gloss:lastVisited': '2025-02-26T09:00:00.000Z',
    });
  });
});

describe('parseWebAnnotationJson', () => {
  it('gives back exactly what was exported', () => {
    expect(parseWebAnnotationJson(toWebAnnotationJson(PAGES, ANNOTATIONS))).toEqual({
      // Search words are derived on import, as for annotations.
      pages: PAGES.map((p) => ({ ...p, words: pageWords(p) })),
      annotations: ANNOTATIONS,
    });
    expect(parseWebAnnotationJson(toWebAnnotationJson([], []))).toEqual({ pages: [], annotations: [] });
  });

  it('keeps a page key that differs from the target source', () => {
    const odd = { ...ANNOTATIONS[0]!, url: 'https://news.example.com/canonical' };
    expect(parseWebAnnotationJson(toWebAnnotationJson([], [odd])).annotations).toEqual([odd]);
  });

  it('reads a bare array of annotations', () => {
    const items = JSON.parse(toWebAnnotationJson([], ANNOTATIONS)).first.items;
    expect(parseWebAnnotationJson(JSON.stringify(items)).annotations).toEqual(ANNOTATIONS);
  });

  /** The export with record `i` changed by `change`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of parsed JSON
  function broken(i: number, change: (a: Record<string, any>) => void): string {
    const doc = JSON.parse(toWebAnnotationJson(PAGES, ANNOTATIONS));
    change(doc.first.items[i]);
    return JSON.stringify(doc);
  }

  it.each([
    ['not JSON', '{', /not JSON/],
    ['not a collection', '{"type":"Annotation"}', /not a Gloss export/],
    ['a collection without items', '{"type":"AnnotationCollection"}', /no list of annotations/],
    ['a bad id', broken(2, (a) => (a.id = 'abc')), /^annotation 3 \(abc\): id: must be a urn:uuid: identifier/],
    [
      'a bad date',
      broken(0, (a) => (a.created = 'yesterday')),
      /^annotation 1 .*: created: must be an ISO 8601 date-time/,
    ],
    ['a bad colour', broken(1, (a) => (a['gloss:color'] = 'red')), /^annotation 2 .*: color: must be one of/],
    [
      'a missing quote selector',
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
      broken(0, (a) => (a.body[0].value = 'x'.repeat(10_001))),
      /^annotation 1 .*: note: must be at most 10000/,
    ],
    ['an unknown body', broken(0, (a) => (a.body[1].purpose = 'linking')), /^annotation 1 .*: body\[1\]\.purpose/],
    [
      'a repeated id',
      broken(1, (a) => (a.id = 'urn:uuid:00000000-0000-4000-8000-000000000002')),
      /^annotation 2 .*: appears twice/,
    ],
  ])('refuses %s, naming the record', (_, json, message) => {
    expect(() => parseWebAnnotationJson(json)).toThrow(message);
  });

  it('names a bad page record', () => {
    const doc = JSON.parse(toWebAnnotationJson(PAGES, ANNOTATIONS));
    doc['gloss:pages'][2]['gloss:lastVisited'] = 42;
    expect(() => parseWebAnnotationJson(JSON.stringify(doc))).toThrow(
      /^page 3 \(https:\/\/empty.example.com\/\): gloss:lastVisited: must be a string/,
    );
  });
});
