/**
 * "Keep as my highlight": a remembered quotation becomes one of the reader's
 * highlights, with its speaker in the note, once. A quotation is kept when a
 * highlight of the same page quotes the same words with the same context (as
 * keeping writes it); keeping it again answers with that highlight.
 */
import type { GlossDB } from '../db/database';
import { guard, StoreError } from '../db/errors';
import { newAnnotationRecord } from '../db/records';
import type { Annotation } from '../db/types';
import { selectorOf, type StoredQuote } from './types';

/** Whether highlight `a` is quotation `q` kept (same page, same words, same context). */
export function isKeptAs(a: Annotation, q: Pick<StoredQuote, 'url' | 'text' | 'prefix' | 'suffix'>): boolean {
  const s = a.target.selectors.quote;
  return a.url === q.url && s.exact === q.text && s.prefix === q.prefix && s.suffix === q.suffix;
}

/** The ids of those of `quotes` the reader has kept as highlights (one read per page). */
export async function keptQuoteIds(db: GlossDB, quotes: StoredQuote[]): Promise<Set<string>> {
  const urls = [...new Set(quotes.map((q) => q.url))];
  if (urls.length === 0) return new Set();
  const highlights = await db.annotations.where('url').anyOf(urls).toArray();
  const byUrl = new Map<string, Annotation[]>();
  for (const a of highlights) byUrl.set(a.url, [...(byUrl.get(a.url) ?? []), a]);
  return new Set(quotes.filter((q) => (byUrl.get(q.url) ?? []).some((a) => isKeptAs(a, q))).map((q) => q.id));
}

/**
 * Keeps a quotation as the reader's highlight ("— speaker" as its note);
 * when it is already kept, answers with that highlight and `already: true`.
 * One transaction: two clicks in a row save one highlight.
 */
export function keepQuote(
  db: GlossDB,
  quoteId: string,
  now = Date.now(),
): Promise<{ annotation: Annotation; already: boolean }> {
  return guard(() =>
    db.transaction('rw', [db.annotations, db.sourceQuotes, db.identities], async () => {
      const quote = await db.sourceQuotes.get(quoteId);
      if (!quote || quote.corrected === 'dropped')
        throw new StoreError('not-found', `No remembered quotation with id ${quoteId}.`);
      const there = (await db.annotations.where('url').equals(quote.url).toArray()).find((a) => isKeptAs(a, quote));
      if (there) return { annotation: there, already: true };
      const speaker = quote.speakerId ? await db.identities.get(quote.speakerId) : undefined;
      const annotation = newAnnotationRecord(
        {
          url: quote.url,
          target: {
            source: quote.url,
            selectors: {
              quote: selectorOf(quote),
              position: { type: 'TextPositionSelector', start: quote.start, end: quote.end },
            },
          },
          note: `— ${speaker?.name ?? 'Unknown speaker'}`,
        },
        now,
        () => crypto.randomUUID(),
      );
      await db.annotations.add(annotation);
      return { annotation, already: false };
    }),
  );
}
