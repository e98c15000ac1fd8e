/**
 * CSV export (RFC 4180): a header row, then one row per highlight, CRLF line
 * ends, fields quoted when they hold a comma, quote or line break.
 */
import type { Annotation, Page } from '../db/types';
import { runAll, type Steps } from '../steps';
import { groupByPage } from './group';
import { Parts } from './parts';

/** The columns, in order. */
export const CSV_COLUMNS = [
  'id',
  'url',
  'title',
  'site',
  'byline',
  'publisher',
  'published',
  'created',
  'modified',
  'color',
  'exact',
  'note',
  'tags',
  'prefix',
  'suffix',
  'start',
  'end',
] as const;

/**
 * One field, quoted if needed. Text that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab) gets a leading apostrophe, as OWASP advises:
 * a note must never execute when the file is opened.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The page's fields of a row (title to published), joined: written once per page. */
function pageFields(page: Page): string {
  return [page.title, page.site, page.byline, page.publisher ?? null, page.published].map(csvField).join(',');
}

/** The fields of a row after its page's (created to end), joined: what the row holds of the highlight alone. */
export function csvTail(a: Annotation): string {
  const { quote, position } = a.target.selectors;
  return [
    new Date(a.createdAt).toISOString(),
    new Date(a.updatedAt).toISOString(),
    a.color,
    a.exact,
    a.note,
    a.tags.join('; '),
    quote.prefix,
    quote.suffix,
    position.start,
    position.end,
  ]
    .map(csvField)
    .join(',');
}

/**
 * Highlights as CSV, grouped like the Markdown export (pages by last visit,
 * text order). Without a byte-order mark: `exportFile` adds it to the file.
 */
export function toCsv(pages: Page[], annotations: Annotation[]): string {
  const out = new Parts();
  runAll(csvSteps(pages, annotations, out));
  return out.text();
}

/**
 * Writes the CSV export (without its byte-order mark) into `out`, a page at a time, yielding the rows written so
 * far; `tail` gives each row's fields after its page's (`csvTail`, or written ahead).
 */
export function* csvSteps(
  pages: Page[],
  annotations: Annotation[],
  out: Parts,
  tail: (a: Annotation) => string = csvTail,
): Steps<void> {
  out.write(`${CSV_COLUMNS.join(',')}\r\n`);
  let done = 0;
  for (const { page, annotations: list } of groupByPage(pages, annotations)) {
    const fields = pageFields(page);
    for (const a of list) out.write(`${csvField(a.id)},${csvField(a.url)},${fields},${tail(a)}\r\n`);
    done += list.length;
    yield done;
  }
}
