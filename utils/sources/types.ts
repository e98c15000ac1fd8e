/** The shapes of what Gloss remembers of the articles the reader reads (schema version 3). */
import type { EntityType } from '../analysis/types';
import type { TextQuoteSelector } from '../anchoring/types';
import type { MergeReason } from './identity';

export type { MergeReason } from './identity';
export type { SourceEntity, SourceQuote, SourceRecord } from './record';

/** A remembered article (table `sourceArticles`, key: the normalised URL). */
export type RememberedArticle = {
  url: string;
  /** `siteOf(url)`: what "forget a site" matches. */
  site: string;
  title: string;
  publisher: string | null;
  byline: string | null;
  published: string | null;
  language: string | null;
  /** Milliseconds since the epoch. */
  firstRead: number;
  lastRead: number;
  /** The article's day (YYYY-MM-DD): published, else first read. */
  date: string;
};

/** A quotation as stored (table `sourceQuotes`), with the reader's corrections applied. */
export type StoredQuote = {
  /** Day, URL key and quotation key (`20260105.0a1b2c3d4e5f.9f8e7d6c`): the newest come first in reverse order. */
  id: string;
  url: string;
  key: string;
  text: string;
  /** The speaker as the analysis found them (a name or a description), or null. */
  speaker: string | null;
  /** The identity the quotation is attributed to; null: unknown (or dropped). */
  speakerId: string | null;
  /** Why it is attributed to that identity (merges, corrections). */
  reason: MergeReason | null;
  /** The reader's correction, when there is one. */
  corrected: 'reassigned' | 'dropped' | null;
  /** The selector's context (its `exact` is `text`: see `selectorOf`). */
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /** The article's day (YYYY-MM-DD). */
  date: string;
  /** Search words of the text (none when dropped). */
  words: string[];
};

/** How often an article mentions an identity (table `sourceMentions`, key `[url+identityId]`). */
export type StoredMention = {
  url: string;
  identityId: string;
  /** The fullest name the article uses. */
  name: string;
  type: EntityType;
  count: number;
};

/** One spelling of an identity's name, with why it was joined. */
export type NameVariant = { name: string; reason: MergeReason };

/** A speaker or an entity across articles (table `identities`). */
export type Identity = {
  id: string;
  type: EntityType;
  /** The fullest name it is known by. */
  name: string;
  /** Name keys (`nameKey`) that resolve to it; article-scoped ones end with `@url`. */
  keys: string[];
  /** Family-name keys, for matching initials. */
  families: string[];
  variants: NameVariant[];
  quoteCount: number;
  quoteArticles: number;
  mentionCount: number;
  mentionArticles: number;
  /** The first and last article day of its quotations (or mentions when it has none). */
  first: string | null;
  last: string | null;
};

/** The quote selector that finds a stored quotation again in its article. */
export function selectorOf(quote: Pick<StoredQuote, 'text' | 'prefix' | 'suffix'>): TextQuoteSelector {
  return { type: 'TextQuoteSelector', exact: quote.text, prefix: quote.prefix, suffix: quote.suffix };
}

/** A correction of the reader's, kept with the records and applied again on each re-reading. */
export type Correction =
  | { id: string; kind: 'reassign'; url: string; quote: string; speakerId: string | null; at: number }
  | { id: string; kind: 'drop'; url: string; quote: string; at: number }
  | { id: string; kind: 'merge'; url: ''; from: string; fromName: string; into: string; at: number }
  | { id: string; kind: 'split'; url: ''; from: string; name: string; into: string; at: number };
