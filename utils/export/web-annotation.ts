/**
 * JSON export as a W3C Web Annotation collection (JSON-LD). What the model
 * has no term for (the colour, the page's title and byline, visit times) goes
 * in properties of Gloss's own `gloss:` namespace, so an import loses nothing.
 */
import type { Annotation, Page } from '../db/types';
import { runAll, type Steps } from '../steps';
import { Parts } from './parts';

/** The JSON-LD context: the Web Annotation context plus Gloss's prefix. */
export const CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { gloss: 'urn:gloss:' }] as const;

/** Gloss's JSON format version, for future changes of this file. */
export const FORMAT_VERSION = 1;

/** One body: the note (commenting) or a tag (tagging). */
export type TextualBody = {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
};

/** One annotation as exported. */
export type WebAnnotation = {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  'gloss:color': string;
  /** Only when the stored page key differs from the target's source. */
  'gloss:url'?: string;
  body?: TextualBody[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
};

/** A page record as exported. */
export type WebPage = {
  id: string;
  'gloss:title': string;
  'gloss:site': string;
  'gloss:byline': string | null;
  'gloss:publisher': string | null;
  'gloss:published': string | null;
  'gloss:lastVisited': string;
};

/** The whole export. */
export type WebAnnotationCollection = {
  '@context': typeof CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  'gloss:version': number;
  'gloss:pages': WebPage[];
  first: { type: 'AnnotationPage'; items: WebAnnotation[] };
};

/** An annotation in the Web Annotation model. */
export function toWebAnnotation(a: Annotation): WebAnnotation {
  const { quote, position } = a.target.selectors;
  const body: TextualBody[] = [];
  if (a.note) body.push({ type: 'TextualBody', value: a.note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.note ? 'commenting' : 'highlighting',
    created: new Date(a.createdAt).toISOString(),
    modified: new Date(a.updatedAt).toISOString(),
    'gloss:color': a.color,
    ...(a.url !== a.target.source ? { 'gloss:url': a.url } : {}),
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: a.target.source,
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    },
  };
}

/** A page record in Gloss's namespace, identified by its URL. */
export function toWebPage(p: Page): WebPage {
  return {
    id: p.url,
    'gloss:title': p.title,
    'gloss:site': p.site,
    'gloss:byline': p.byline,
    'gloss:publisher': p.publisher ?? null,
    'gloss:published': p.published,
    'gloss:lastVisited': new Date(p.lastVisited).toISOString(),
  };
}

/** The collection object (before serialising), in the order given. */
export function toWebAnnotationCollection(pages: Page[], annotations: Annotation[]): WebAnnotationCollection {
  return {
    '@context': CONTEXT,
    type: 'AnnotationCollection',
    label: 'Gloss highlights',
    total: annotations.length,
    'gloss:version': FORMAT_VERSION,
    'gloss:pages': pages.map(toWebPage),
    first: { type: 'AnnotationPage', items: annotations.map(toWebAnnotation) },
  };
}

/**
 * All pages and highlights as a Web Annotation JSON-LD document (a string,
 * ready to save): compact, one line, as a library of 100,000 highlights is
 * a third smaller without indentation.
 */
export function toWebAnnotationJson(pages: Page[], annotations: Annotation[]): string {
  const out = new Parts();
  runAll(webAnnotationSteps(pages, annotations, out));
  return out.text();
}

/** One annotation of the collection, serialised. */
export function annotationJson(a: Annotation): string {
  return JSON.stringify(toWebAnnotation(a));
}

/**
 * Writes the JSON-LD export into `out`, the same text as
 * `JSON.stringify(toWebAnnotationCollection(...))`, a thousand annotations at
 * a time, yielding the annotations written so far.
 */
export function* webAnnotationSteps(
  pages: Page[],
  annotations: Annotation[],
  out: Parts,
  json: (a: Annotation) => string = annotationJson,
): Steps<void> {
  const head: Omit<WebAnnotationCollection, 'gloss:pages' | 'first'> = {
    '@context': CONTEXT,
    type: 'AnnotationCollection',
    label: 'Gloss highlights',
    total: annotations.length,
    'gloss:version': FORMAT_VERSION,
  };
  out.write(`${JSON.stringify(head).slice(0, -1)},"gloss:pages":[`);
  pages.forEach((p, i) => out.write(`${i > 0 ? ',' : ''}${JSON.stringify(toWebPage(p))}`));
  out.write('],"first":{"type":"AnnotationPage","items":[');
  for (let i = 0; i < annotations.length; i++) {
    out.write(`${i > 0 ? ',' : ''}${json(annotations[i]!)}`);
    if (i % 1000 === 999) yield i + 1;
  }
  out.write(']}}\n');
  yield annotations.length;
}
