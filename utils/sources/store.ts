/**
 * Remembering articles: writes (one transaction each) and the reader's
 * corrections. Re-reading an article replaces its record, keyed by its
 * normalised URL, and applies the reader's corrections again.
 */
import type { EntityType } from '../analysis/types';
import type { GlossDB } from '../db/database';
import { guard, StoreError } from '../db/errors';
import { wordsOf } from '../db/words';
import { siteOf } from '../site';
import { normalizeUrl } from '../url';
import {
  displayName,
  familyKeys,
  fullerName,
  matchIdentity,
  nameKey,
  parseName,
  resolveArticleNames,
  type ArticleName,
  type MergeReason,
} from './identity';
import { isFamilyOnly } from './names';
import { urlKey, type SourceQuote, type SourceRecord } from './record';
import type { Correction, Identity, RememberedArticle, StoredMention, StoredQuote } from './types';

/** The tables a write of remembered sources touches. */
const tables = (db: GlossDB) => [
  db.sourceArticles,
  db.sourceQuotes,
  db.sourceMentions,
  db.identities,
  db.sourceCorrections,
];

/** The day (YYYY-MM-DD) of an ISO date, or null when it does not start with one. */
function dayOf(iso: string | null): string | null {
  const m = iso ? /^\d{4}-\d{2}-\d{2}/.exec(iso) : null;
  return m ? m[0] : null;
}

/** A new identity id: 16 random base-36 characters (short: every quotation and mention holds one). */
function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/** Finds or creates identities for the names of one article, within a write transaction. */
class Resolver {
  /** Identities created or changed in this write, by id. */
  readonly touched = new Map<string, Identity>();

  /** Stored identities by key and family key, read once per write: identities are stored at its end. */
  private readonly stored = new Map<string, Identity[]>();

  constructor(private readonly db: GlossDB) {}

  private async read(index: 'keys' | 'families', keys: string[]): Promise<Identity[]> {
    const missing = keys.filter((k) => !this.stored.has(`${index}|${k}`));
    if (missing.length) {
      const rows = await this.db.identities.where(index).anyOf(missing).toArray();
      for (const k of missing)
        this.stored.set(
          `${index}|${k}`,
          rows.filter((r) => (r[index] as string[]).includes(k)),
        );
    }
    return keys.flatMap((k) => this.stored.get(`${index}|${k}`)!);
  }

  private async byKeys(keys: string[]): Promise<Identity[]> {
    const found = new Map<string, Identity>();
    for (const i of await this.read('keys', keys)) found.set(i.id, i);
    for (const i of this.touched.values()) if (i.keys.some((k) => keys.includes(k))) found.set(i.id, i);
    return [...found.values()].map((i) => this.touched.get(i.id) ?? i);
  }

  private async byFamilies(families: string[]): Promise<Identity[]> {
    if (families.length === 0) return [];
    const found = new Map<string, Identity>();
    for (const i of await this.read('families', families)) found.set(i.id, i);
    for (const i of this.touched.values()) if (i.families.some((f) => families.includes(f))) found.set(i.id, i);
    return [...found.values()].map((i) => this.touched.get(i.id) ?? i);
  }

  /** The identity of a resolved article name, with why; creates one when none fits. */
  async identify(name: ArticleName, url: string): Promise<{ id: string; reason: MergeReason | null }> {
    const full = name.full;
    if (name.scope === 'article') {
      const key = `${nameKey(full)}@${url}`;
      const [known] = await this.byKeys([key]);
      if (known) return { id: known.id, reason: name.reason };
      const made = this.create(full, [key], []);
      made.variants[0]!.reason = name.reason ?? made.variants[0]!.reason;
      return { id: made.id, reason: name.reason };
    }
    const key = nameKey(full);
    const families = familyKeys(full);
    const candidates = [...(await this.byKeys([key])), ...(await this.byFamilies(families))];
    const unique = [...new Map(candidates.map((c) => [c.id, c])).values()];
    const match = matchIdentity(full, unique);
    if (!match) return { id: this.create(full, [key], families).id, reason: name.reason };
    const identity = this.touched.get(match.id) ?? unique.find((c) => c.id === match.id)!;
    this.addSpelling(identity, name.parsed === full ? full : name.parsed, name.reason ?? match.reason);
    if (full !== name.parsed) this.addSpelling(identity, full, match.reason);
    return { id: identity.id, reason: name.reason ?? (match.reason.code === 'same-name' ? null : match.reason) };
  }

  private create(full: ReturnType<typeof parseName> & object, keys: string[], families: string[]): Identity {
    const identity = newIdentity(newId(), full, keys, families);
    this.touched.set(identity.id, identity);
    return identity;
  }

  private addSpelling(identity: Identity, spelling: ReturnType<typeof parseName> & object, reason: MergeReason): void {
    this.touched.set(identity.id, identity);
    addSpelling(identity, spelling, reason);
  }
}

/** A new identity, first seen under the name `full`. */
export function newIdentity(
  id: string,
  full: ReturnType<typeof parseName> & object,
  keys: string[],
  families: string[],
): Identity {
  return {
    id,
    type: full.type,
    name: displayName(full),
    keys,
    families,
    variants: [{ name: displayName(full), reason: { code: 'same-name', text: 'first seen' } }],
    quoteCount: 0,
    quoteArticles: 0,
    mentionCount: 0,
    mentionArticles: 0,
    first: null,
    last: null,
  };
}

/**
 * Adds a spelling to an identity (its key, its family names, the fuller shown
 * name, the variant with its reason); returns the keys and family names it
 * did not have.
 */
export function addSpelling(
  identity: Identity,
  spelling: ReturnType<typeof parseName> & object,
  reason: MergeReason,
): { keys: string[]; families: string[] } {
  const added = { keys: [] as string[], families: [] as string[] };
  if (spelling.type !== 'PER' || !isFamilyOnly(spelling)) {
    const key = nameKey(spelling);
    if (!identity.keys.includes(key)) added.keys.push(key);
    for (const f of familyKeys(spelling)) {
      if (!identity.families.includes(f) && !added.families.includes(f)) added.families.push(f);
    }
    identity.keys.push(...added.keys);
    identity.families.push(...added.families);
  }
  const shown = parseName(identity.name, identity.type);
  if (shown && spelling.words.length >= 2) identity.name = displayName(fullerName(shown, spelling));
  if (!identity.variants.some((v) => v.name === spelling.raw) && identity.variants.length < 50) {
    identity.variants.push({ name: spelling.raw, reason });
  }
  return added;
}

/**
 * A quotation's id: the article's day, its URL's key and the quotation's key
 * (`20260105.0a1b2c3d4e5f.9f8e7d6c`). Short, because every index entry holds
 * it; ordered by day, so the newest come first in reverse order.
 */
export function quoteId(date: string, url: string, key: string): string {
  return `${date.replace(/-/g, '')}.${urlKey(url)}.${key}`;
}

/** The day (YYYY-MM-DD) and URL key a quotation id holds. */
function partsOfId(id: string): { date: string; url: string } {
  const [day = '', url = ''] = id.split('.');
  return { date: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`, url };
}

/**
 * Recomputes the counts and dates of identities from their quotations (their
 * ids alone: they hold the day and the URL's key) and mentions; deletes unused ones.
 */
async function refreshStats(db: GlossDB, ids: Iterable<string>): Promise<void> {
  for (const id of new Set(ids)) {
    const identity = await db.identities.get(id);
    if (!identity) continue;
    const quoteIds = (await db.sourceQuotes.where('speakerId').equals(id).primaryKeys()) as string[];
    const quotes = quoteIds.map(partsOfId);
    const mentions = await db.sourceMentions.where('identityId').equals(id).toArray();
    identity.quoteCount = quotes.length;
    identity.quoteArticles = new Set(quotes.map((q) => q.url)).size;
    identity.mentionCount = mentions.reduce((n, m) => n + m.count, 0);
    identity.mentionArticles = new Set(mentions.map((m) => m.url)).size;
    let dates = quotes.map((q) => q.date);
    if (dates.length === 0 && mentions.length) {
      const articles = await db.sourceArticles.bulkGet([...new Set(mentions.map((m) => m.url))]);
      dates = articles.flatMap((a) => (a ? [a.date] : []));
    }
    dates.sort();
    identity.first = dates[0] ?? null;
    identity.last = dates[dates.length - 1] ?? null;
    if (identity.quoteCount === 0 && identity.mentionCount === 0) await db.identities.delete(id);
    else await db.identities.put(identity);
  }
}

/** The name of an entity type for messages. */
const TYPE_NAMES: Record<EntityType, string> = {
  PER: 'a person',
  ORG: 'an organisation',
  LOC: 'a place',
  MISC: 'another kind of name',
};

/** Writes one article's record inside the caller's transaction; returns the identities it affected. */
async function writeRecord(db: GlossDB, resolver: Resolver, record: SourceRecord, now: number): Promise<Set<string>> {
  const affected = new Set<string>();
  const url = record.url;
  const old = await db.sourceArticles.get(url);
  for (const q of await db.sourceQuotes.where('url').equals(url).toArray()) if (q.speakerId) affected.add(q.speakerId);
  for (const m of await db.sourceMentions.where('url').equals(url).toArray()) affected.add(m.identityId);
  await db.sourceQuotes.where('url').equals(url).delete();
  await db.sourceMentions.where('url').equals(url).delete();
  const corrections = await db.sourceCorrections.where('url').equals(url).toArray();
  const pinned = new Map<string, Correction>(corrections.flatMap((c) => ('quote' in c ? [[c.quote, c]] : [])));
  const date = dayOf(record.published) ?? dayOf(new Date(old?.firstRead ?? now).toISOString())!;

  const names = [
    ...record.entities.map((e) => ({ name: e.name, type: e.type })),
    ...record.quotes.flatMap((q) => (q.speaker && q.speakerType ? [{ name: q.speaker, type: q.speakerType }] : [])),
  ];
  const resolved = resolveArticleNames(names);
  const ids = new Map<string, { id: string; reason: MergeReason | null }>();
  const identify = async (name: string) => {
    const article = resolved.get(name.trim());
    if (!article) return null;
    const known = ids.get(name);
    if (known) return known;
    const found = await resolver.identify(article, url);
    ids.set(name, found);
    return found;
  };

  const quotes: StoredQuote[] = [];
  for (const q of record.quotes) {
    const pin = pinned.get(q.key);
    let speakerId: string | null = null;
    let reason: MergeReason | null = null;
    let corrected: StoredQuote['corrected'] = null;
    if (pin?.kind === 'drop') corrected = 'dropped';
    else if (pin?.kind === 'reassign') {
      speakerId = pin.speakerId;
      corrected = 'reassigned';
      reason = { code: 'reader', text: 'corrected by you' };
    } else if (q.speaker && q.speakerType) {
      const found = await identify(q.speaker);
      speakerId = found?.id ?? null;
      reason = found?.reason ?? null;
    }
    if (speakerId) affected.add(speakerId);
    quotes.push(quoteRow(url, date, q, { speakerId, reason, corrected }));
  }
  const identities: (string | undefined)[] = [];
  for (const e of record.entities) identities.push((await identify(e.name))?.id);
  const mentions = articleMentions(record, identities);
  for (const m of mentions) affected.add(m.identityId);
  await db.sourceArticles.put(articleRow(record, date, old?.firstRead ?? now, Math.max(now, old?.lastRead ?? 0)));
  await db.sourceQuotes.bulkPut(quotes);
  await db.sourceMentions.bulkPut(mentions);
  return affected;
}

/**
 * An article's mentions, one per identity: `identities[i]` is the identity of `record.entities[i]` (none: not
 * remembered), and the counts of the names it joins are added up, under the first of them.
 */
export function articleMentions(record: SourceRecord, identities: (string | undefined)[]): StoredMention[] {
  const mentions = new Map<string, StoredMention>();
  record.entities.forEach((e, i) => {
    const identityId = identities[i];
    if (!identityId) return;
    const known = mentions.get(identityId);
    if (known) known.count += e.count;
    else mentions.set(identityId, { url: record.url, identityId, name: e.name, type: e.type, count: e.count });
  });
  return [...mentions.values()];
}

/** The stored row of a quotation of the article at `url`, with its speaker's identity and the reader's correction. */
export function quoteRow(
  url: string,
  date: string,
  q: SourceQuote,
  who: Pick<StoredQuote, 'speakerId' | 'reason' | 'corrected'>,
): StoredQuote {
  const { key, text, speaker, start, end } = q;
  const { prefix, suffix } = q.selector;
  const words = who.corrected === 'dropped' ? [] : wordsOf(text);
  return { id: quoteId(date, url, key), url, key, text, speaker, ...who, prefix, suffix, start, end, date, words };
}

/** The stored row of a remembered article. */
export function articleRow(record: SourceRecord, date: string, firstRead: number, lastRead: number): RememberedArticle {
  const { url, title, publisher, byline, published, language } = record;
  return { url, site: siteOf(url), title, publisher, byline, published, language, firstRead, lastRead, date };
}

/**
 * Remembers articles (a re-read one replaces its earlier record, keeping
 * the reader's corrections). Several records go in one transaction.
 */
export function rememberArticles(db: GlossDB, records: SourceRecord[], now = Date.now()): Promise<void> {
  return guard(() =>
    db.transaction('rw', tables(db), async () => {
      const resolver = new Resolver(db);
      const affected = new Set<string>();
      for (const record of records) for (const id of await writeRecord(db, resolver, record, now)) affected.add(id);
      for (const identity of resolver.touched.values()) await db.identities.put(identity);
      await refreshStats(db, affected);
    }),
  );
}

/** Remembers one article. */
export function rememberArticle(db: GlossDB, record: SourceRecord, now = Date.now()): Promise<void> {
  return rememberArticles(db, [record], now);
}

/** Forgets the articles with these URLs, their quotations, mentions and corrections. */
async function forgetUrls(db: GlossDB, urls: string[]): Promise<number> {
  const affected = new Set<string>();
  for (const url of urls) {
    for (const q of await db.sourceQuotes.where('url').equals(url).toArray())
      if (q.speakerId) affected.add(q.speakerId);
    for (const m of await db.sourceMentions.where('url').equals(url).toArray()) affected.add(m.identityId);
    await db.sourceQuotes.where('url').equals(url).delete();
    await db.sourceMentions.where('url').equals(url).delete();
    await db.sourceCorrections.where('url').equals(url).delete();
  }
  const present = (await db.sourceArticles.bulkGet(urls)).filter(Boolean).length;
  await db.sourceArticles.bulkDelete(urls);
  await refreshStats(db, affected);
  return present;
}

/** Forgets one article (by its address, normalised like the records'); returns how many were forgotten (0 or 1). */
export function forgetArticle(db: GlossDB, url: string): Promise<number> {
  return guard(() => db.transaction('rw', tables(db), () => forgetUrls(db, [normalizeUrl(url)])));
}

/** Forgets every article of a site (as `siteOf` gives it); returns how many. */
export function forgetSite(db: GlossDB, site: string): Promise<number> {
  return guard(() =>
    db.transaction('rw', tables(db), async () => {
      const urls = (await db.sourceArticles.where('site').equals(site).primaryKeys()) as string[];
      return forgetUrls(db, urls);
    }),
  );
}

/** Forgets every remembered article, identity and correction. Highlights are not touched. */
export function forgetEverything(db: GlossDB): Promise<void> {
  return guard(() =>
    db.transaction('rw', tables(db), async () => {
      await Promise.all(tables(db).map((t) => t.clear()));
    }),
  );
}

/** A quotation by id, or a not-found error. */
async function quoteById(db: GlossDB, id: string): Promise<StoredQuote> {
  const quote = await db.sourceQuotes.get(id);
  if (!quote) throw new StoreError('not-found', `No remembered quotation with id ${id}.`);
  return quote;
}

/** An identity by id, or a not-found error. */
async function identityById(db: GlossDB, id: string): Promise<Identity> {
  const identity = await db.identities.get(id);
  if (!identity) throw new StoreError('not-found', `No speaker or entity with id ${id}.`);
  return identity;
}

/**
 * Attributes a quotation to another speaker: an identity (`{ id }`), a name
 * not yet known (`{ name }`, a person), or nobody (null: "unknown"). Kept as
 * a correction: re-reading the article does not undo it.
 */
export function reassignQuote(
  db: GlossDB,
  quoteId: string,
  speaker: { id: string } | { name: string } | null,
  now = Date.now(),
): Promise<StoredQuote> {
  return guard(() =>
    db.transaction('rw', tables(db), async () => {
      const quote = await quoteById(db, quoteId);
      let speakerId: string | null = null;
      const resolver = new Resolver(db);
      if (speaker && 'id' in speaker) speakerId = (await identityById(db, speaker.id)).id;
      else if (speaker) {
        const parsed = parseName(speaker.name.slice(0, 200), 'PER');
        if (!parsed) throw new StoreError('invalid', 'A speaker needs a name.');
        const scope = isFamilyOnly(parsed) ? 'article' : 'global';
        speakerId = (await resolver.identify({ parsed, full: parsed, reason: null, scope }, quote.url)).id;
        for (const identity of resolver.touched.values()) await db.identities.put(identity);
      }
      const before = quote.speakerId;
      await db.sourceCorrections.put({
        id: `reassign|${quote.url}|${quote.key}`,
        kind: 'reassign',
        url: quote.url,
        quote: quote.key,
        speakerId,
        at: now,
      });
      await db.sourceCorrections.delete(`drop|${quote.url}|${quote.key}`);
      const updated: StoredQuote = {
        ...quote,
        speakerId,
        corrected: 'reassigned',
        reason: { code: 'reader', text: 'corrected by you' },
        words: wordsOf(quote.text),
      };
      await db.sourceQuotes.put(updated);
      await refreshStats(
        db,
        [before, speakerId].filter((x): x is string => x !== null),
      );
      return updated;
    }),
  );
}

/** Drops a quotation that is not one: hidden from every list, search and export, also after re-reading. */
export function dropQuote(db: GlossDB, quoteId: string, now = Date.now()): Promise<StoredQuote> {
  return guard(() =>
    db.transaction('rw', tables(db), async () => {
      const quote = await quoteById(db, quoteId);
      await db.sourceCorrections.put({
        id: `drop|${quote.url}|${quote.key}`,
        kind: 'drop',
        url: quote.url,
        quote: quote.key,
        at: now,
      });
      await db.sourceCorrections.delete(`reassign|${quote.url}|${quote.key}`);
      const updated: StoredQuote = { ...quote, speakerId: null, corrected: 'dropped', reason: null, words: [] };
      await db.sourceQuotes.put(updated);
      if (quote.speakerId) await refreshStats(db, [quote.speakerId]);
      return updated;
    }),
  );
}

/**
 * Merges identity `fromId` into `intoId` (same type only: a person is never
 * an organisation). Every quotation, mention, spelling and correction moves;
 * later readings resolve its names to `intoId`.
 */
export function mergeIdentities(db: GlossDB, fromId: string, intoId: string, now = Date.now()): Promise<Identity> {
  return guard(() =>
    db.transaction('rw', tables(db), async () => {
      if (fromId === intoId) throw new StoreError('invalid', 'An identity cannot be merged with itself.');
      const from = await identityById(db, fromId);
      const into = await identityById(db, intoId);
      if (from.type !== into.type) {
        throw new StoreError(
          'invalid',
          `${from.name} is ${TYPE_NAMES[from.type]} and ${into.name} is ${TYPE_NAMES[into.type]}: they cannot be merged.`,
        );
      }
      const reason: MergeReason = { code: 'reader', text: 'merged by you' };
      await moveIdentity(db, fromId, intoId, () => true);
      into.keys = [...new Set([...into.keys, ...from.keys])];
      into.families = [...new Set([...into.families, ...from.families])];
      for (const v of from.variants)
        if (!into.variants.some((w) => w.name === v.name)) into.variants.push({ name: v.name, reason });
      await db.identities.put(into);
      await db.identities.delete(fromId);
      await db.sourceCorrections.put({
        id: `merge|${fromId}|${intoId}`,
        kind: 'merge',
        url: '',
        from: fromId,
        fromName: from.name,
        into: intoId,
        at: now,
      });
      await refreshStats(db, [intoId]);
      return (await db.identities.get(intoId))!;
    }),
  );
}

/** Moves the quotations, mentions and corrections of `fromId` that `take` accepts to `intoId`. */
async function moveIdentity(
  db: GlossDB,
  fromId: string,
  intoId: string,
  take: (name: string | null) => boolean,
  pin = false,
  now = Date.now(),
): Promise<void> {
  for (const q of await db.sourceQuotes.where('speakerId').equals(fromId).toArray()) {
    if (!take(q.speaker)) continue;
    await db.sourceQuotes.put({
      ...q,
      speakerId: intoId,
      ...(pin ? { corrected: 'reassigned' as const, reason: { code: 'reader' as const, text: 'split by you' } } : {}),
    });
    if (pin) {
      await db.sourceCorrections.put({
        id: `reassign|${q.url}|${q.key}`,
        kind: 'reassign',
        url: q.url,
        quote: q.key,
        speakerId: intoId,
        at: now,
      });
    }
  }
  for (const m of await db.sourceMentions.where('identityId').equals(fromId).toArray()) {
    if (!take(m.name)) continue;
    const there = await db.sourceMentions.get([m.url, intoId]);
    await db.sourceMentions.delete([m.url, fromId]);
    await db.sourceMentions.put({ ...m, identityId: intoId, count: m.count + (there?.count ?? 0) });
  }
  for (const c of await db.sourceCorrections.where('kind').equals('reassign').toArray()) {
    if (c.kind === 'reassign' && c.speakerId === fromId && !pin)
      await db.sourceCorrections.put({ ...c, speakerId: intoId });
  }
}

/**
 * Splits the spelling `name` (one of the identity's variants) off an
 * identity into an identity of its own, with its quotations and mentions.
 * Kept as corrections: re-reading does not merge them again.
 */
export function splitIdentity(db: GlossDB, id: string, name: string, now = Date.now()): Promise<Identity> {
  return guard(() =>
    db.transaction('rw', tables(db), async () => {
      const from = await identityById(db, id);
      const parsed = parseName(name, from.type);
      if (!parsed || !from.variants.some((v) => v.name === name)) {
        throw new StoreError('invalid', `${from.name} has no spelling “${name}”.`);
      }
      if (from.variants.length < 2) throw new StoreError('invalid', `${from.name} has only one spelling.`);
      const key = nameKey(parsed);
      const same = (n: string | null) => {
        const p = n === null ? null : parseName(n, from.type);
        return p !== null && nameKey(p) === key;
      };
      const made: Identity = {
        ...newIdentity(
          newId(),
          parsed,
          from.keys.filter((k) => k === key || k.startsWith(`${key}@`)),
          parsed.words.length >= 2 ? familyKeys(parsed) : [],
        ),
        variants: from.variants
          .filter((v) => same(v.name))
          .map((v) => ({ name: v.name, reason: { code: 'reader', text: 'split by you' } })),
      };
      from.keys = from.keys.filter((k) => !made.keys.includes(k));
      from.variants = from.variants.filter((v) => !same(v.name));
      const left = from.variants.map((v) => parseName(v.name, from.type)).filter((p) => p !== null);
      from.families = [...new Set(left.flatMap((p) => familyKeys(p)))];
      const fullest = left.reduce((a, b) => fullerName(a, b));
      from.name = displayName(fullest);
      await db.identities.put(from);
      await db.identities.put(made);
      await moveIdentity(db, id, made.id, same, true, now);
      await db.sourceCorrections.put({
        id: `split|${id}|${key}`,
        kind: 'split',
        url: '',
        from: id,
        name,
        into: made.id,
        at: now,
      });
      await refreshStats(db, [id, made.id]);
      return (await db.identities.get(made.id)) ?? made;
    }),
  );
}
