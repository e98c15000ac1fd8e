/**
 * Exports of remembered quotations (a speaker's, or a search result) with
 * their citations: as Markdown, and as CSV (RFC 4180, with a byte-order mark
 * so that spreadsheets read it as UTF-8). The reader's corrections show: a
 * reassigned quotation says so, dropped ones are never given.
 */
import type { CitedQuote } from '../sources/queries';
import { csvField } from './csv';
import { escapeMarkdown } from './markdown';

/** The CSV columns, in order. */
export const SOURCES_CSV_COLUMNS = [
  'speaker',
  'quotation',
  'title',
  'publisher',
  'date',
  'url',
  'byline',
  'attribution',
] as const;

const UNKNOWN = 'Unknown speaker';

/** Why the quotation is attributed as it is, for the reader: their correction, or how the name was joined. */
function attribution(c: CitedQuote): string {
  if (c.quote.corrected === 'reassigned') return 'corrected by the reader';
  return c.quote.reason?.text ?? '';
}

/** The quotations that are still quotations (never one the reader dropped). */
const kept = (quotes: CitedQuote[]) => quotes.filter((c) => c.quote.corrected !== 'dropped');

/** A Markdown link's destination, with the characters that would end it escaped. */
const destination = (url: string) => `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;

/**
 * Quotations as Markdown: a heading, then each quotation as a blockquote and
 * its citation (speaker, linked title, publisher, date).
 */
export function sourcesToMarkdown(heading: string, quotes: CitedQuote[]): string {
  const parts = [`# ${escapeMarkdown(heading)}`];
  for (const c of kept(quotes)) {
    const text = c.quote.text
      .split(/\r?\n/)
      .map((line) => (line.trim() ? `> ${escapeMarkdown(line)}` : '>'))
      .join('\n');
    const cite = [
      `— ${escapeMarkdown(c.speakerName ?? UNKNOWN)}`,
      `[${escapeMarkdown(c.article.title)}](${destination(c.article.url)})`,
      c.article.publisher ? escapeMarkdown(c.article.publisher) : null,
      c.article.published ? c.article.published.slice(0, 10) : c.article.date,
    ]
      .filter(Boolean)
      .join(', ');
    const note = c.quote.corrected === 'reassigned' ? ' (attribution corrected by the reader)' : '';
    parts.push(`${text}\n\n${cite}${note}`);
  }
  return `${parts.join('\n\n')}\n`;
}

/** Quotations as CSV: a byte-order mark, a header row, one row per quotation, CRLF line ends. */
export function sourcesToCsv(quotes: CitedQuote[]): string {
  const lines = [SOURCES_CSV_COLUMNS.join(',')];
  for (const c of kept(quotes)) {
    const a = c.article;
    lines.push(
      [
        c.speakerName ?? UNKNOWN,
        c.quote.text,
        a.title,
        a.publisher,
        a.published ? a.published.slice(0, 10) : a.date,
        a.url,
        a.byline,
        attribution(c),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
