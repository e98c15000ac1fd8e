/**
 * Reading remembered sources: speakers by quotations, a speaker's quotations
 * with their articles, entities by mentions, quotation search. Corrections
 * are already applied in the stored records, so every query shows them.
 */
import type { EntityType } from '../analysis/types';
import type { Collection, InsertType } from 'dexie';
import type { GlossDB } from '../db/database';
import { guard } from '../db/errors';
import * as v from 'valibot';
import { parse } from '../db/schema';
import { matchesPrefixes, wordsOf } from '../db/words';
import { keptQuoteIds } from './keep';
import { matchingIds, prepareQuoteIndex } from './quote-index';
import type { Identity, RememberedArticle, StoredQuote } from './types';

/** `value` as a string of at most `max` characters, or a StoreError naming `field`. */
const string = (value: unknown, field: string, max: number): string =>
  parse(v.pipe(v.string('must be a string'), v.maxLength(max)), value, field);

/** A quotation with the article it is from: what lists and exports show. */
export type CitedQuote = {
  quote: StoredQuote;
  /** The identity's shown name, or null for "unknown". */
  speakerName: string | null;
  article: Pick<RememberedArticle, 'url' | 'title' | 'publisher' | 'published' | 'date' | 'byline'>;
  /** Whether the reader has kept it as a highlight (`keep.ts`). */
  kept: boolean;
};

/** A page of results and how many there are in all (`atLeast`: at least that many, not all counted). */
export type ResultPage<T> = { items: T[]; total: number; atLeast?: boolean };

/** Largest page a query gives. */
export const MAX_PAGE = 500;

const pageSize = (limit: number) => Math.max(1, Math.min(MAX_PAGE, Math.floor(limit) || 1));

/** Whether an identity's shown name or one of its spellings holds `filter` (lower-cased), anywhere. */
const named = (filter: string) => (i: Identity) =>
  i.name.toLowerCase().includes(filter) || i.variants.some((v) => v.name.toLowerCase().includes(filter));

/**
 * One page of a list of identities: `offset` and `limit`, and, with a name
 * filter, only those whose name or a spelling holds it (the whole list is
 * checked, in its order: thousands of identities, not quotations).
 */
async function identityPage(
  collection: () => Collection<Identity, string, InsertType<Identity, 'id'>>,
  offset: number,
  limit: number,
  name: string | undefined,
): Promise<ResultPage<Identity>> {
  const filter = string(name ?? '', 'name', 300)
    .trim()
    .toLowerCase();
  const from = Math.max(0, Math.floor(offset) || 0);
  if (filter) {
    const found = await collection().filter(named(filter)).toArray();
    return { items: found.slice(from, from + pageSize(limit)), total: found.length };
  }
  const [items, total] = await Promise.all([
    collection().offset(from).limit(pageSize(limit)).toArray(),
    collection().count(),
  ]);
  return { items, total };
}

/**
 * Speakers (identities with quotations), most quoted first, `name`: only
 * those with a name or spelling holding it. (The quotation index for the
 * search is started apart: `sources:prepare`, or the first search.)
 */
export function listSpeakers(db: GlossDB, offset = 0, limit = 50, name?: string): Promise<ResultPage<Identity>> {
  return guard(async () =>
    identityPage(() => db.identities.where('quoteCount').above(0).reverse(), offset, limit, name),
  );
}

/** People, organisations or places (one type), most mentioned first; `name` filters as for speakers. */
export function listEntities(
  db: GlossDB,
  type: EntityType,
  offset = 0,
  limit = 50,
  name?: string,
): Promise<ResultPage<Identity>> {
  return guard(async () =>
    identityPage(
      () => db.identities.where('[type+mentionCount]').between([type, 1], [type, Infinity], true, true).reverse(),
      offset,
      limit,
      name,
    ),
  );
}

/** An article that mentions an identity, and how many times. */
export type MentioningArticle = {
  article: Pick<RememberedArticle, 'url' | 'title' | 'publisher' | 'published' | 'date' | 'byline'>;
  /** The name the article uses (its fullest). */
  name: string;
  count: number;
};

/** The articles that mention an identity, newest first (then most mentions), a page of them and how many in all. */
export function identityArticles(
  db: GlossDB,
  identityId: string,
  offset = 0,
  limit = 50,
): Promise<ResultPage<MentioningArticle>> {
  return guard(async () => {
    const mentions = await db.sourceMentions
      .where('identityId')
      .equals(string(identityId, 'id', 200))
      .toArray();
    const articles = await db.sourceArticles.bulkGet(mentions.map((m) => m.url));
    const found = mentions
      .flatMap((m, i) => {
        const a = articles[i];
        if (!a) return [];
        const { url, title, publisher, published, date, byline } = a;
        return [{ article: { url, title, publisher, published, date, byline }, name: m.name, count: m.count }];
      })
      .sort(
        (x, y) =>
          y.article.date.localeCompare(x.article.date) ||
          y.count - x.count ||
          x.article.url.localeCompare(y.article.url),
      );
    const from = Math.max(0, Math.floor(offset) || 0);
    return { items: found.slice(from, from + pageSize(limit)), total: found.length };
  });
}

/** Joins quotations to their articles and speakers' names, newest article first. */
async function cite(db: GlossDB, quotes: StoredQuote[]): Promise<CitedQuote[]> {
  const urls = [...new Set(quotes.map((q) => q.url))];
  const ids = [...new Set(quotes.flatMap((q) => (q.speakerId ? [q.speakerId] : [])))];
  const [articles, identities, kept] = await Promise.all([
    db.sourceArticles.bulkGet(urls),
    db.identities.bulkGet(ids),
    keptQuoteIds(db, quotes),
  ]);
  const byUrl = new Map(articles.flatMap((a) => (a ? [[a.url, a]] : [])));
  const names = new Map(identities.flatMap((i) => (i ? [[i.id, i.name]] : [])));
  return quotes
    .flatMap((quote) => {
      const a = byUrl.get(quote.url);
      if (!a) return [];
      const { url, title, publisher, published, date, byline } = a;
      const speakerName = quote.speakerId ? (names.get(quote.speakerId) ?? null) : null;
      const article = { url, title, publisher, published, date, byline };
      return [{ quote, speakerName, article, kept: kept.has(quote.id) }];
    })
    .sort((x, y) => y.article.date.localeCompare(x.article.date) || x.quote.start - y.quote.start);
}

/** Every quotation of one speaker with its article, newest first. */
export function speakerQuotes(db: GlossDB, identityId: string): Promise<CitedQuote[]> {
  return guard(async () => {
    const quotes = await db.sourceQuotes
      .where('speakerId')
      .equals(string(identityId, 'id', 200))
      .toArray();
    return cite(
      db,
      quotes.filter((q) => q.corrected !== 'dropped'),
    );
  });
}

/**
 * Index entries read for one search term at most (keys only, one request); a
 * commoner prefix is checked on the quotations instead, newest first. (Only
 * while the in-memory quotation index is being built.)
 */
export const MAX_CANDIDATES = 20_000;

/**
 * Quotations whose words start with every word of `query` (folded like the
 * index), of one speaker when `speakerId` is given; newest first, at most
 * `limit`, with the number of matches (`atLeast` when there are more than
 * were counted: a common prefix, typed one key at a time, is answered from the
 * newest quotations without counting them all). An empty query with a speaker
 * gives the speaker's quotations; with neither, nothing. Answered from the
 * in-memory quotation index (`quote-index.ts`, every match counted), built
 * first if need be; from the database's `*words` index only when the index
 * cannot be built. `candidates`: a test seam for MAX_CANDIDATES (it searches
 * the database's index).
 */
export function searchQuotes(
  db: GlossDB,
  query: string,
  options: { speakerId?: string; offset?: number; limit?: number; candidates?: number } = {},
): Promise<ResultPage<CitedQuote>> {
  return guard(async () => {
    const terms = wordsOf(string(query, 'query', 1000));
    const limit = pageSize(options.limit ?? 100);
    const from = Math.max(0, Math.floor(options.offset ?? 0) || 0);
    const most = options.candidates ?? MAX_CANDIDATES;
    // Ids start with the article's day: in reverse id order, the newest come first.
    const newestFirst = (a: StoredQuote, b: StoredQuote) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
    if (options.speakerId !== undefined) {
      const id = string(options.speakerId, 'speakerId', 200);
      const own = await db.sourceQuotes.where('speakerId').equals(id).toArray();
      const found = own.filter((q) => matchesPrefixes(q.words, terms)).sort(newestFirst);
      return { items: await cite(db, found.slice(from, from + limit)), total: found.length };
    }
    if (terms.length === 0) return { items: [], total: 0 };
    // The in-memory index, waited for while it is being built: a common prefix read from the database takes
    // seconds at 100,000 quotations, the index a second or two to build.
    const index = options.candidates === undefined ? await prepareQuoteIndex(db) : null;
    if (index) {
      const found = matchingIds(index, terms);
      const quotes = (await db.sourceQuotes.bulkGet(found.slice(from, from + limit))).filter((q) => q !== undefined);
      return { items: await cite(db, quotes), total: found.length };
    }
    // Each term's quotations come from the word index as keys alone (one request each, at most `most` keys);
    // a term with more than that is too common to narrow by, and is checked on the quotations read.
    let keys = null as Set<string> | null;
    const unchecked: string[] = [];
    for (const term of [...terms].sort((a, b) => b.length - a.length)) {
      const found = (await db.sourceQuotes
        .where('words')
        .startsWith(term)
        .limit(most + 1)
        .primaryKeys()) as string[];
      if (found.length > most) {
        unchecked.push(term);
        continue;
      }
      const previous = keys;
      keys = new Set(previous ? found.filter((k) => previous.has(k)) : found);
      if (keys.size === 0) break;
    }
    if (keys) {
      const sorted = [...keys].sort().reverse();
      if (unchecked.length === 0) {
        const quotes = (await db.sourceQuotes.bulkGet(sorted.slice(from, from + limit))).filter((q) => q !== undefined);
        return { items: await cite(db, quotes), total: sorted.length };
      }
      // Read newest first, a few hundred at a time, until a page is found.
      const rows: StoredQuote[] = [];
      let read = 0;
      while (read < sorted.length && rows.length < from + limit) {
        const chunk = await db.sourceQuotes.bulkGet(sorted.slice(read, read + 500));
        read += 500;
        for (const q of chunk) if (q && matchesPrefixes(q.words, unchecked)) rows.push(q);
      }
      const complete = read >= sorted.length;
      return {
        items: await cite(db, rows.slice(from, from + limit)),
        total: rows.length,
        ...(complete ? {} : { atLeast: true }),
      };
    }
    // A common prefix: matches are many, so the newest quotations hold a page of them soon.
    const found = await db.sourceQuotes
      .toCollection()
      .reverse()
      .filter((q) => matchesPrefixes(q.words, terms))
      .limit(from + limit)
      .toArray();
    return {
      items: await cite(db, found.slice(from)),
      total: found.length,
      atLeast: found.length === from + limit,
    };
  });
}

/** Every remembered article, most recently read first (for the library and "forget"). */
export function listRememberedArticles(db: GlossDB, offset = 0, limit = 100): Promise<ResultPage<RememberedArticle>> {
  return guard(async () => {
    const [items, total] = await Promise.all([
      db.sourceArticles.orderBy('lastRead').reverse().offset(Math.max(0, offset)).limit(pageSize(limit)).toArray(),
      db.sourceArticles.count(),
    ]);
    return { items, total };
  });
}
