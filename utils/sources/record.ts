/**
 * The remembered record of an article: its metadata, its quotations (with a
 * quote selector to find each again) and its named entities. One function
 * builds it, for the extension's background and for the analyse command.
 */
import type { Analysis, EntityType } from '../analysis/types';
import { describe } from '../anchoring/describe';
import type { TextQuoteSelector } from '../anchoring/types';
import { fold } from '../db/words';
import type { ArticleMetadata } from '../extract/types';
import { normalizeUrl } from '../url';

/** One quotation of an article. */
export type SourceQuote = {
  /** Stable across re-readings of the article: a hash of the folded words (and which occurrence). */
  key: string;
  text: string;
  /** The speaker as the analysis found them: a name, a description ("a spokesman"), or null. */
  speaker: string | null;
  /** The speaker's entity type when it is a name, null when a description or unknown. */
  speakerType: EntityType | null;
  selector: TextQuoteSelector;
  /** Offsets in the analysed article text: a hint, the selector decides. */
  start: number;
  end: number;
};

/** One named entity of an article with how often it is mentioned. */
export type SourceEntity = { name: string; type: EntityType; count: number };

/** What Gloss remembers of one article. */
export type SourceRecord = {
  /** The normalised URL (canonical when on the same origin): the article's key. */
  url: string;
  title: string;
  publisher: string | null;
  byline: string | null;
  /** ISO 8601, as the page gives it, or null. */
  published: string | null;
  language: string | null;
  quotes: SourceQuote[];
  entities: SourceEntity[];
};

/** What the record is built from: the page's address and metadata, the analysed text and its analysis. */
export type SourceInput = {
  url: string;
  metadata: Pick<ArticleMetadata, 'title' | 'publisher' | 'byline' | 'published' | 'canonicalUrl' | 'language'>;
  text: string;
  analysis: Pick<Analysis, 'quotes' | 'entityGroups'>;
};

/** FNV-1a (32 bits) as 8 hex digits: a short stable key, not a security measure. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A speaker written like a name: every word capitalised, no article or pronoun first. */
function looksLikeName(speaker: string): boolean {
  const words = speaker.trim().split(/\s+/);
  if (words.length > 6 || /^(?:a|an|the|one|two|some|several|many|his|her|their|its|our)$/i.test(words[0] ?? ''))
    return false;
  return words.every((w) => /^[\p{Lu}\p{Lt}]/u.test(w) || /^(?:de|da|di|van|von|der|al-?|bin|ibn|la|le)$/.test(w));
}

/** A short stable key of a URL (48 bits as 12 hex digits): quotation ids hold it instead of the whole URL. */
export function urlKey(url: string): string {
  return hash(url) + hash(`#${url}`).slice(0, 4);
}

/** The key of a quotation: its folded words, and the occurrence when the same words come twice. */
export function quoteKey(text: string, occurrence = 0): string {
  const words = fold(text).replace(/\s+/g, ' ').trim();
  return occurrence ? `${hash(words)}-${occurrence}` : hash(words);
}

/**
 * Builds the record of an article. Speakers that are names get the type of
 * the entity the article names them as (a person unless the article says it
 * is an organisation); descriptions ("officials") get none.
 */
export function buildSourceRecord({ url, metadata, text, analysis }: SourceInput): SourceRecord {
  const types = new Map<string, EntityType>();
  for (const g of analysis.entityGroups) {
    types.set(g.name, g.type);
    for (const m of g.mentions)
      if (!types.has(text.slice(m.start, m.end))) types.set(text.slice(m.start, m.end), g.type);
  }
  const seen = new Map<string, number>();
  const quotes: SourceQuote[] = [];
  for (const q of analysis.quotes) {
    if (q.end <= q.start || q.end > text.length) continue;
    const base = quoteKey(q.text);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const speaker = q.speaker?.trim() || null;
    const speakerType = speaker ? (types.get(speaker) ?? (looksLikeName(speaker) ? 'PER' : null)) : null;
    quotes.push({
      key: quoteKey(q.text, n),
      text: q.text,
      speaker,
      speakerType,
      selector: describe(text, q.start, q.end).quote,
      start: q.start,
      end: q.end,
    });
  }
  const counts = new Map<string, SourceEntity>();
  for (const g of analysis.entityGroups) {
    const id = `${g.type}\u0000${g.name}`;
    const known = counts.get(id);
    if (known) known.count += g.mentions.length;
    else counts.set(id, { name: g.name, type: g.type, count: g.mentions.length });
  }
  return {
    url: normalizeUrl(url, metadata.canonicalUrl),
    title: metadata.title?.trim() || url,
    publisher: metadata.publisher ?? null,
    byline: metadata.byline ?? null,
    published: metadata.published ?? null,
    language: metadata.language ?? null,
    quotes,
    entities: [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  };
}
