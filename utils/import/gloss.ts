/**
 * Reads Gloss's own export (a W3C Web Annotation `AnnotationCollection`,
 * `utils/export/web-annotation.ts`; a bare list of annotations is read too).
 * Strict: a field Gloss does not write is refused, named in the reason.
 */
import * as v from 'valibot';
import { annotationRecord, pageRecord } from '../db/records';
import { parse } from '../db/schema';
import { StoreError } from '../db/errors';
import { FORMAT_VERSION } from '../export/web-annotation';
import { ImportError } from './read-json';
import { runAll, type Steps } from '../steps';
import { IsoTime, itemName, mapInSteps, readItem, rejectRepeats, type ParsedImport } from './items';

/** Message of a strict object: a field it does not know, or not an object at all. */
const strict = (issue: v.BaseIssue<unknown>) =>
  issue.expected === 'never'
    ? 'is not a field of a Gloss export'
    : issue.input === undefined
      ? 'is missing'
      : 'must be an object';

/** One body: the note (commenting) or a tag (tagging). */
const Body = v.strictObject(
  {
    type: v.literal('TextualBody', 'must be "TextualBody"'),
    value: v.string('must be a string'),
    purpose: v.optional(v.picklist(['commenting', 'tagging'], 'must be "commenting" or "tagging"')),
    format: v.optional(v.string()),
    language: v.optional(v.string()),
  },
  strict,
);

const Selector = v.variant(
  'type',
  [v.looseObject({ type: v.literal('TextQuoteSelector') }), v.looseObject({ type: v.literal('TextPositionSelector') })],
  'must be a TextQuoteSelector or a TextPositionSelector',
);

/** One annotation as Gloss exports it. */
const GlossAnnotation = v.strictObject(
  {
    '@context': v.optional(v.unknown()),
    id: v.pipe(
      v.string('must be a urn:uuid: identifier'),
      v.startsWith('urn:uuid:', 'must be a urn:uuid: identifier'),
      v.transform((id) => id.slice('urn:uuid:'.length)),
    ),
    type: v.literal('Annotation', 'must be "Annotation"'),
    motivation: v.optional(v.picklist(['highlighting', 'commenting', 'tagging'], 'must be highlighting or commenting')),
    created: IsoTime,
    modified: v.optional(IsoTime),
    'gloss:color': v.optional(v.unknown()),
    'gloss:url': v.optional(v.unknown()),
    body: v.optional(v.array(Body, 'must be a list of bodies')),
    target: v.strictObject(
      {
        source: v.union([v.string(), v.looseObject({ id: v.string() })], 'must be a URL'),
        selector: v.pipe(v.array(Selector, 'must be a list of selectors'), v.maxLength(4, 'at most 4 selectors')),
      },
      strict,
    ),
  },
  strict,
);

/** One page as Gloss exports it. */
const GlossPage = v.strictObject(
  {
    id: v.string('must be the page URL'),
    'gloss:title': v.optional(v.unknown()),
    'gloss:site': v.optional(v.unknown()),
    'gloss:byline': v.optional(v.unknown()),
    'gloss:publisher': v.optional(v.unknown()),
    'gloss:published': v.optional(v.unknown()),
    'gloss:lastVisited': IsoTime,
  },
  strict,
);

function readAnnotation(raw: unknown) {
  const a = parse(GlossAnnotation, raw, 'annotation');
  const bodies = a.body ?? [];
  const notes = bodies.filter((b) => b.purpose !== 'tagging').map((b) => b.value);
  const tags = bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value);
  const source = typeof a.target.source === 'string' ? a.target.source : a.target.source.id;
  const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
  const position = a.target.selector.find((s) => s.type === 'TextPositionSelector');
  if (!quote) throw new StoreError('invalid', 'target.selector: needs a TextQuoteSelector');
  if (!position) throw new StoreError('invalid', 'target.selector: needs a TextPositionSelector');
  const { type: _q, ...quoteFields } = quote;
  const { type: _p, ...positionFields } = position;
  return annotationRecord({
    id: a.id,
    url: a['gloss:url'] ?? source,
    createdAt: a.created,
    updatedAt: a.modified ?? a.created,
    target: {
      source,
      selectors: {
        quote: { type: 'TextQuoteSelector', ...quoteFields },
        position: { type: 'TextPositionSelector', ...positionFields },
      },
    },
    ...(a['gloss:color'] === undefined ? {} : { color: a['gloss:color'] }),
    note: notes.join('\n\n'),
    tags,
  });
}

function readPage(raw: unknown) {
  const p = parse(GlossPage, raw, 'page');
  return pageRecord({
    url: p.id,
    title: p['gloss:title'] ?? '',
    byline: p['gloss:byline'] ?? null,
    publisher: p['gloss:publisher'] ?? null,
    published: p['gloss:published'] ?? null,
    lastVisited: p['gloss:lastVisited'],
  });
}

/** Whether a parsed file is Gloss's export (a collection, or a list of Web Annotations). */
export function isGlossExport(doc: unknown): boolean {
  if (Array.isArray(doc)) return doc.length === 0 || (doc[0] as { type?: unknown } | null)?.type === 'Annotation';
  return typeof doc === 'object' && doc !== null && (doc as { type?: unknown }).type === 'AnnotationCollection';
}

/** Reads a Gloss export, every record checked; throws an ImportError only when the file as a whole is not one. */
export function readGlossExport(doc: unknown): ParsedImport {
  return runAll(glossExportSteps(doc));
}

/** `readGlossExport` a thousand records at a time (`utils/steps.ts`), yielding the records checked so far. */
export function* glossExportSteps(doc: unknown): Steps<ParsedImport> {
  let items: unknown = doc;
  let pages: unknown = [];
  if (!Array.isArray(doc)) {
    const c = doc as Record<string, unknown>;
    const version = c['gloss:version'];
    if (typeof version === 'number' && version > FORMAT_VERSION) {
      throw new ImportError(`This file was made by a newer Gloss (format ${version}). Update Gloss to import it.`);
    }
    const first = c.first;
    items = typeof first === 'object' && first !== null ? (first as Record<string, unknown>).items : c.items;
    pages = c['gloss:pages'] ?? [];
  }
  if (!Array.isArray(items)) throw new ImportError('The collection has no list of annotations (first.items).');
  if (!Array.isArray(pages)) throw new ImportError('gloss:pages must be a list.');
  const annotations = yield* mapInSteps(items as unknown[], 0, (raw, i) =>
    readItem(itemName('annotation', i, raw), () => readAnnotation(raw)),
  );
  const pageItems = yield* mapInSteps(pages as unknown[], items.length, (raw, i) =>
    readItem(itemName('page', i, raw), () => readPage(raw)),
  );
  return {
    format: 'gloss',
    annotations: rejectRepeats(annotations, (a) => a.id),
    pages: rejectRepeats(pageItems, (p) => p.url),
  };
}
