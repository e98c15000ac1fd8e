/**
 * Reads Gloss's JSON export back. Every record is checked (and normalised)
 * as the store would; the first bad one stops the whole import with a message
 * naming it, so an import is never partial.
 */
import { annotationRecord, pageRecord } from '../db/records';
import type { Annotation, Page } from '../db/types';
import { fail, object, string, type Fields } from '../db/validate';

/** A file that cannot be imported; `record` names the bad record, if one is. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  /** For callers that forward error codes (the background's replies). */
  readonly code = 'invalid';

  constructor(
    message: string,
    readonly record: string | null = null,
  ) {
    super(record ? `${record}: ${message}` : message);
  }
}

/** A list from a JSON-LD value that may be one item or several. */
function list(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** An ISO date-time as milliseconds since the epoch, or fails. */
function time(value: unknown, field: string): number {
  const ms = Date.parse(string(value, field, 64, 1));
  if (!Number.isFinite(ms)) fail(field, 'must be an ISO 8601 date-time');
  return ms;
}

function readBodies(value: unknown): { note: string; tags: string[] } {
  const notes: string[] = [];
  const tags: string[] = [];
  list(value).forEach((raw, i) => {
    const body = object(raw, `body[${i}]`);
    if (body.type !== 'TextualBody') fail(`body[${i}].type`, 'must be "TextualBody"');
    const text = string(body.value, `body[${i}].value`, Number.MAX_SAFE_INTEGER);
    if (body.purpose === 'tagging') tags.push(text);
    else if (body.purpose === 'commenting' || body.purpose === undefined) notes.push(text);
    else fail(`body[${i}].purpose`, 'must be "commenting" or "tagging"');
  });
  return { note: notes.join('\n\n'), tags };
}

function readTarget(value: unknown): { source: string; quote: Fields; position: Fields } {
  const targets = list(value);
  if (targets.length !== 1) fail('target', 'must be exactly one target');
  const target = object(targets[0], 'target');
  const source =
    typeof target.source === 'object' && target.source !== null ? (target.source as Fields).id : target.source;
  const selectors = list(target.selector).map((s, i) => object(s, `target.selector[${i}]`));
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  if (!quote) fail('target.selector', 'needs a TextQuoteSelector');
  if (!position) fail('target.selector', 'needs a TextPositionSelector');
  return { source: string(source, 'target.source', Number.MAX_SAFE_INTEGER), quote, position };
}

/** One exported annotation as a stored record, or fails. */
function readAnnotation(raw: unknown): Annotation {
  const item = object(raw, 'annotation');
  if (!list(item.type).includes('Annotation')) fail('type', 'must be "Annotation"');
  const id = string(item.id, 'id', 100, 1);
  if (!id.startsWith('urn:uuid:')) fail('id', 'must be a urn:uuid: identifier');
  const createdAt = time(item.created, 'created');
  const { source, quote, position } = readTarget(item.target);
  return annotationRecord({
    id: id.slice('urn:uuid:'.length),
    url: item['gloss:url'] ?? source,
    createdAt,
    updatedAt: item.modified === undefined ? createdAt : time(item.modified, 'modified'),
    target: { source, selectors: { quote, position } },
    color: item['gloss:color'],
    ...readBodies(item.body),
  });
}

/** One exported page as a stored record, or fails. */
function readPage(raw: unknown): Page {
  const page = object(raw, 'page');
  return pageRecord({
    url: page.id,
    title: page['gloss:title'] ?? '',
    site: page['gloss:site'],
    byline: page['gloss:byline'] ?? null,
    published: page['gloss:published'] ?? null,
    lastVisited: time(page['gloss:lastVisited'], 'gloss:lastVisited'),
  });
}

/** Runs `read` on every record, naming the first that fails and any repeated key. */
function readAll<T>(records: unknown[], kind: string, read: (r: unknown) => T, key: (r: T) => string): T[] {
  const seen = new Set<string>();
  return records.map((raw, i) => {
    const id = (raw as { id?: unknown } | null)?.id;
    const name = `${kind} ${i + 1}${typeof id === 'string' ? ` (${id.slice(0, 100)})` : ''}`;
    let record: T;
    try {
      record = read(raw);
    } catch (error) {
      throw new ImportError(error instanceof Error ? error.message : String(error), name);
    }
    if (seen.has(key(record))) throw new ImportError('appears twice in the file', name);
    seen.add(key(record));
    return record;
  });
}

/**
 * Parses a Gloss JSON export (an AnnotationCollection; a bare array of
 * annotations is also read) into records ready for `importAnnotations`.
 *
 * @throws ImportError naming the first bad record and what is wrong with it.
 */
export function parseWebAnnotationJson(json: string): { annotations: Annotation[]; pages: Page[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (error) {
    throw new ImportError(`This file is not JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  let items: unknown;
  let pages: unknown = [];
  if (Array.isArray(doc)) items = doc;
  else if (typeof doc === 'object' && doc !== null && list((doc as Fields).type).includes('AnnotationCollection')) {
    const collection = doc as Fields;
    const first = collection.first;
    items = typeof first === 'object' && first !== null ? (first as Fields).items : collection.items;
    pages = collection['gloss:pages'] ?? [];
  } else {
    throw new ImportError('This file is not a Gloss export: expected an AnnotationCollection.');
  }
  if (!Array.isArray(items)) throw new ImportError('The collection has no list of annotations (first.items).');
  if (!Array.isArray(pages)) throw new ImportError('gloss:pages must be a list.');
  return {
    annotations: readAll(items, 'annotation', readAnnotation, (a) => a.id),
    pages: readAll(pages, 'page', readPage, (p) => p.url),
  };
}
