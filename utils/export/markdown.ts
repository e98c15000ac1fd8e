/**
 * Markdown export: one section per page (title, link, publisher, dates), each
 * highlight a blockquote with a link to its exact passage, then the reader's
 * note and `#tags`. Plain CommonMark that Obsidian and Logseq read as notes,
 * links and tags.
 *
 * A note is the reader's own Markdown (`[[wiki links]]`, `**bold**`, `#tags`,
 * lists) and is written exactly as they wrote it. Only what Gloss writes
 * around it is escaped: the quoted page text, titles and page facts.
 */
import type { Annotation, Page } from '../db/types';
import { runAll, type Steps } from '../steps';
import { groupByPage, isoDate, type PageNotes } from './group';
import { Parts } from './parts';
import { hashtag } from './tags';
import { passageUrl } from './text-fragment';

export { hashtag } from './tags';

/** Any character or line start that one of `escapeMarkdown`'s replacements acts on. */
const MAY_NEED_ESCAPE = /[\\`*_[\]<>#|=~]|^\s*(?:[-+]|\d+[.)])/m;

/**
 * Escapes text so Markdown shows it as written: inline markup, HTML, and `#`
 * (Obsidian would read "#MeToo" in a quote as a tag).
 */
export function escapeMarkdown(text: string): string {
  // Most text needs nothing: one test (a superset of what the replacements below look for) spares them.
  if (!MAY_NEED_ESCAPE.test(text)) return text;
  return text
    .replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`)
    .replace(/([=~])(?=\1)/g, '\\$1') // ==highlight== and ~~strike~~
    .replace(
      /^(\s*)([-+]|\d+[.)])(?=\s|$)/gm,
      (_, space: string, marker: string) => `${space}${marker.replace(/([-+.)])$/, '\\$1')}`,
    )
    .replace(/^(\s*)([=-])(?=\2*\s*$)/gm, '$1\\$2'); // a line of = or - under text makes a heading
}

/** A URL as a Markdown link destination: characters that would end or break it are percent-encoded. */
export function linkDestination(url: string): string {
  return url.replace(/[\s<>()]/g, (c) => encodeURIComponent(c).replace(/[()]/g, (p) => (p === '(' ? '%28' : '%29')));
}

/** A quoted line: `> ` and the line escaped, or `>` alone for a blank line (kept inside the quote). */
function quoteLine(line: string): string {
  return line.trim() ? `> ${escapeMarkdown(line)}` : '>';
}

/** Prefixes every line with `> `, keeping blank lines inside the quote. */
function blockquote(text: string): string {
  return text.includes('\n') ? text.split(/\r?\n/).map(quoteLine).join('\n') : quoteLine(text);
}

/** The published date as given, shortened to its day when it is an ISO date-time. */
export function dayOf(published: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(published) ? published.slice(0, 10) : published;
}

/** A page's heading, link and facts (publisher or site, byline, published, read). */
function pageHeader(page: Page): string[] {
  const title = escapeMarkdown(page.title.replace(/\s+/g, ' ').trim() || page.url);
  const facts = [
    page.publisher || page.site,
    page.byline,
    page.published && `published ${dayOf(page.published)}`,
    `read ${isoDate(page.lastVisited)}`,
  ]
    .filter((f): f is string => Boolean(f))
    .map((f) => escapeMarkdown(f.replace(/\s+/g, ' ')));
  return [`## ${title}`, '', `<${linkDestination(page.url)}>`, '', facts.join(' · ')];
}

/** One highlight, its lines joined: a blank line, the quote with its passage link, the note as written, the tags. */
export function highlightMarkdown(a: Annotation): string {
  const link = linkDestination(passageUrl(a.target.source, a.target.selectors.quote));
  let text = `\n${blockquote(a.exact)}\n> [↗](${link} "Open this passage on the page")`;
  const note = a.note.replace(/\s+$/, '');
  if (note.trim()) text += `\n\n${note}`;
  if (a.tags.length > 0) {
    const tags = a.tags.map(hashtag).filter(Boolean);
    if (tags.length > 0) text += `\n\n${tags.join(' ')}`;
  }
  return text;
}

/** How a highlight's text is had: written now (`highlightMarkdown`), or taken from those written ahead. */
export type HighlightText = (a: Annotation) => string;

/** One page's section. */
export function pageMarkdown({ page, annotations }: PageNotes, text: HighlightText = highlightMarkdown): string {
  let out = pageHeader(page).join('\n');
  for (const a of annotations) out += `\n${text(a)}`;
  return out;
}

/**
 * Highlights as Markdown: pages most recently read first, highlights in text
 * order. Pages without highlights are left out.
 */
export function toMarkdown(pages: Page[], annotations: Annotation[]): string {
  const out = new Parts();
  runAll(markdownSteps(pages, annotations, out));
  return out.text();
}

/**
 * Writes the Markdown export into `out`, a page at a time, yielding the highlights written so far; `text`
 * gives each highlight's Markdown (written ahead while the records were read, or now).
 */
export function* markdownSteps(
  pages: Page[],
  annotations: Annotation[],
  out: Parts,
  text: HighlightText = highlightMarkdown,
): Steps<void> {
  const groups = groupByPage(pages, annotations);
  let done = 0;
  for (let i = 0; i < groups.length; i++) {
    if (i > 0) out.write('\n\n');
    out.write(pageMarkdown(groups[i]!, text));
    done += groups[i]!.annotations.length;
    yield done;
  }
  if (groups.length > 0) out.write('\n');
}
