import { describe, expect, it } from 'vitest';
import { toWebAnnotationJson } from '../../../utils/export';
import { ANNOTATIONS, PAGES } from './fixture';

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
      'gloss:publisher': null,
      'gloss:published': null,
      'gloss:lastVisited': '2025-02-26T09:00:00.000Z',
    });
  });
});
