/**
 * Reads a Hypothesis export: the client's "Export annotations" JSON
 * (`{ annotations: [...] }`), an API search result (`{ rows: [...] }`) or a
 * bare list of API annotations. Each keeps its `uri`, `text` (the note,
 * Markdown), `tags`, `created`, `updated` and the text selectors of its first
 * target; Hypothesis's other fields (user, group, permissions, links...) are
 * not Gloss's and are ignored, never stored. A RangeSelector (XPath) is not
 * used: Gloss finds a passage again by its text.
 *
 * Replies and page notes (no highlighted text) are skipped with the reason;
 * an annotation that is wrong (bad types, a note too long, HTML) is rejected.
 */
import * as v from 'valibot';
import { annotationRecord, pageRecord } from '../db/records';
import { parse } from '../db/schema';
import { normalizeUrl } from '../url';
import { runAll, type Steps } from '../steps';
import {
  IsoTime,
  itemName,
  mapInSteps,
  readItem,
  rejectRepeats,
  Skip,
  type ImportItem,
  type ParsedImport,
} from './items';
import type { Annotation, Page } from '../db/types';

const Selector = v.looseObject({ type: v.string('must have a type') });

/** The fields of a Hypothesis annotation that Gloss reads. */
const HypothesisAnnotation = v.looseObject({
  id: v.pipe(v.string('must be a string'), v.regex(/^[\w-]{1,64}$/, 'must be a Hypothesis id')),
  uri: v.string('must be a string'),
  text: v.optional(v.nullable(v.string('must be a string')), ''),
  tags: v.optional(v.nullable(v.array(v.unknown(), 'must be a list')), []),
  created: IsoTime,
  updated: v.optional(IsoTime),
  references: v.optional(v.array(v.unknown(), 'must be a list')),
  document: v.optional(v.looseObject({ title: v.optional(v.union([v.string(), v.array(v.unknown())])) })),
  target: v.array(
    v.looseObject({
      source: v.optional(v.string('must be a string')),
      selector: v.optional(v.array(Selector, 'must be a list of selectors')),
    }),
    'must be a list',
  ),
});

/**
 * A UUID made from a name, the same every time (RFC 9562 version 8 layout,
 * two 64-bit FNV-1a hashes): a Hypothesis id becomes the same Gloss id on
 * every import, so importing a file twice changes nothing.
 */
export function uuidFromName(name: string): string {
  const hash = (seed: bigint) => {
    let h = seed;
    for (let i = 0; i < name.length; i++) {
      h ^= BigInt(name.charCodeAt(i));
      h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
    }
    return h.toString(16).padStart(16, '0');
  };
  const hex = (hash(0xcbf29ce484222325n) + hash(0x84222325cbf29ce4n)).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function readAnnotation(raw: unknown): { annotation: Annotation; title: string | null } {
  const h = parse(HypothesisAnnotation, raw, 'annotation');
  if (h.references && h.references.length > 0) throw new Skip('a reply to another annotation');
  const selectors = h.target[0]?.selector ?? [];
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  if (!quote) throw new Skip('a page note, with no highlighted text');
  if (!/^https?:/i.test(h.uri)) throw new Skip(`not on a web page (${h.uri.slice(0, 100)})`);
  if (!position) throw new Skip('no TextPositionSelector: Gloss needs the passage’s place in the page');
  const url = normalizeUrl(h.uri);
  const title = Array.isArray(h.document?.title) ? h.document.title[0] : h.document?.title;
  const { type: _q, ...quoteFields } = quote;
  const { type: _p, ...positionFields } = position;
  const annotation = annotationRecord({
    id: uuidFromName(`hypothesis:${h.id}`),
    url,
    createdAt: h.created,
    updatedAt: Math.max(h.created, h.updated ?? h.created),
    target: {
      source: url,
      selectors: {
        quote: {
          type: 'TextQuoteSelector',
          exact: quoteFields.exact,
          prefix: quoteFields.prefix,
          suffix: quoteFields.suffix,
        },
        position: { type: 'TextPositionSelector', start: positionFields.start, end: positionFields.end },
      },
    },
    note: h.text ?? '',
    tags: h.tags ?? [],
  });
  return { annotation, title: typeof title === 'string' ? title : null };
}

/** The list of annotations in a Hypothesis export, or null when `doc` is not one. */
export function hypothesisRows(doc: unknown): unknown[] | null {
  if (Array.isArray(doc)) {
    const first = doc[0] as { uri?: unknown; target?: unknown } | undefined;
    return first && typeof first === 'object' && 'uri' in first && 'target' in first ? doc : null;
  }
  if (typeof doc !== 'object' || doc === null) return null;
  const d = doc as { annotations?: unknown; rows?: unknown };
  if (Array.isArray(d.annotations)) return d.annotations;
  if (Array.isArray(d.rows)) return d.rows;
  return null;
}

/** Reads a Hypothesis export's annotations and makes a page record for each page (its title, last change). */
export function readHypothesisExport(rows: unknown[]): ParsedImport {
  return runAll(hypothesisExportSteps(rows));
}

/** `readHypothesisExport` a thousand records at a time (`utils/steps.ts`), yielding the records checked so far. */
export function* hypothesisExportSteps(rows: unknown[]): Steps<ParsedImport> {
  const titles = new Map<string, { title: string | null; lastVisited: number }>();
  const annotations = yield* mapInSteps(rows, 0, (raw, i): ImportItem<Annotation> => {
    const item = readItem(itemName('annotation', i, raw), () => readAnnotation(raw));
    if (!('record' in item)) return item;
    const { annotation, title } = item.record;
    const known = titles.get(annotation.url);
    titles.set(annotation.url, {
      title: known?.title ?? title,
      lastVisited: Math.max(known?.lastVisited ?? 0, annotation.updatedAt),
    });
    return { name: item.name, record: annotation };
  });
  const pages = [...titles].map(([url, { title, lastVisited }]) =>
    readItem<Page>(`page ${url}`, () => pageRecord({ url, title: title ?? '', lastVisited })),
  );
  return { format: 'hypothesis', annotations: rejectRepeats(annotations, (a) => a.id), pages };
}
