/**
 * Markdown export: one section per page (title, link, date), each highlight a
 * blockquote followed by its note and `#tags`. Plain CommonMark that Obsidian
 * and Logseq read as notes, links and tags.
 */
import type { Annotation, Page } from '../db/types';
import { groupByPage, isoDate } from './group';

/**
 * Escapes text so Markdown shows it as written: inline markup, HTML, and `#`
 * (Obsidian would read "#MeToo" in a quote as a tag).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#]/g, (c) => `\\${c}`)
    .replace(/([=~])(?=\1)/g, '\\$1') // ==highlight== and ~~strike~~
    .replace(
      /^(\s*)([-+]|\d+[.)])(?=\s|$)/gm,
      (_, space: string, marker: string) => `${space}${marker.replace(/([-+.)])$/, '\\$1')}`,
    )
    .replace(/^(\s*)([=-])(?=\2*\s*$)/gm, '$1\\$2'); // a line of = or - under text makes a heading
}

/** A tag as an Obsidian/Logseq hashtag: spaces become dashes, other punctuation goes. */
export function hashtag(tag: string): string {
  const clean = tag.replace(/\s+/g, '-').replace(/[^\p{L}\p{N}_\-/]/gu, '');
  return clean ? `#${clean}` : '';
}

/** Prefixes every line with `> `, keeping blank lines inside the quote. */
function blockquote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.trim() ? `> ${escapeMarkdown(line)}` : '>'))
    .join('\n');
}

/** The published date as given, shortened to its day when it is an ISO date-time. */
function dayOf(published: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(published) ? published.slice(0, 10) : published;
}

function pageHeader(page: Page): string[] {
  const title = escapeMarkdown(page.title.replace(/\s+/g, ' ').trim() || page.url);
  const facts = [
    page.site,
    page.byline,
    page.published && `published ${dayOf(page.published)}`,
    `read ${isoDate(page.lastVisited)}`,
  ]
    .filter((f): f is string => Boolean(f))
    .map(escapeMarkdown);
  return [`## ${title}`, '', `<${page.url.replace(/[<> ]/g, encodeURIComponent)}>`, '', facts.join(' · ')];
}

function highlight(a: Annotation): string[] {
  const lines = ['', blockquote(a.exact)];
  if (a.note.trim()) lines.push('', escapeMarkdown(a.note.trim()));
  const tags = a.tags.map(hashtag).filter(Boolean);
  if (tags.length > 0) lines.push('', tags.join(' '));
  return lines;
}

/**
 * All highlights as Markdown: pages most recently read first, highlights in
 * text order. Pages without highlights are left out.
 */
export function toMarkdown(pages: Page[], annotations: Annotation[]): string {
  const sections = groupByPage(pages, annotations).map(({ page, annotations: list }) =>
    [...pageHeader(page), ...list.flatMap(highlight)].join('\n'),
  );
  return sections.length > 0 ? `${sections.join('\n\n')}\n` : '';
}
