/**
 * The rows the store writes for many remembered articles, built in memory
 * (seconds, where writing them through the store one transaction of 250 at a
 * time takes minutes), so a benchmark can put 10,000 articles straight into
 * the extension's own IndexedDB. Names resolve with the store's own functions
 * (`resolveArticleNames`, `matchIdentity`, the same keys, ids and words); a
 * unit test checks the rows equal the store's for synthetic articles. Not for
 * the reader's corrections (there are none in a seed).
 */
import {
  familyKeys,
  matchIdentity,
  nameKey,
  resolveArticleNames,
  type MergeReason,
  type ParsedName,
} from '../../utils/sources/identity';
import type { SourceRecord } from '../../utils/sources/record';
import {
  addSpelling as addSpellingTo,
  articleMentions,
  articleRow,
  newIdentity,
  quoteRow,
} from '../../utils/sources/store';
import type { Identity, RememberedArticle, StoredMention, StoredQuote } from '../../utils/sources/types';

export type SourceRows = {
  sourceArticles: RememberedArticle[];
  sourceQuotes: StoredQuote[];
  sourceMentions: StoredMention[];
  identities: Identity[];
};

const dayOf = (iso: string | null) => (iso ? (/^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? null) : null);

/** The rows `rememberArticles(db, records, now)` leaves in an empty database (each URL once). */
export function sourceRows(records: SourceRecord[], now: number): SourceRows {
  const identities = new Map<string, Identity>();
  const byKey = new Map<string, Identity[]>();
  const byFamily = new Map<string, Identity[]>();
  let next = 0;
  const index = (map: Map<string, Identity[]>, k: string, i: Identity) => {
    const list = map.get(k) ?? [];
    if (!list.includes(i)) list.push(i);
    map.set(k, list);
  };
  const create = (full: ParsedName, keys: string[], families: string[]): Identity => {
    const identity = newIdentity(`seed${(next++).toString(36).padStart(6, '0')}`, full, keys, families);
    identities.set(identity.id, identity);
    for (const k of keys) index(byKey, k, identity);
    for (const f of families) index(byFamily, f, identity);
    return identity;
  };
  const addSpelling = (identity: Identity, spelling: ParsedName, reason: MergeReason) => {
    const added = addSpellingTo(identity, spelling, reason);
    for (const k of added.keys) index(byKey, k, identity);
    for (const f of added.families) index(byFamily, f, identity);
  };

  const sourceArticles: RememberedArticle[] = [];
  const sourceQuotes: StoredQuote[] = [];
  const sourceMentions: StoredMention[] = [];
  const quoted = new Map<string, { urls: Set<string>; dates: string[] }>();
  const mentioned = new Map<string, { urls: Set<string>; count: number }>();
  for (const record of records) {
    const url = record.url;
    const date = dayOf(record.published) ?? dayOf(new Date(now).toISOString())!;
    const names = [
      ...record.entities.map((e) => ({ name: e.name, type: e.type })),
      ...record.quotes.flatMap((q) => (q.speaker && q.speakerType ? [{ name: q.speaker, type: q.speakerType }] : [])),
    ];
    const resolved = resolveArticleNames(names);
    const ids = new Map<string, { id: string; reason: MergeReason | null }>();
    const identify = (raw: string) => {
      const name = resolved.get(raw.trim());
      if (!name) return null;
      const known = ids.get(raw);
      if (known) return known;
      let found: { id: string; reason: MergeReason | null };
      if (name.scope === 'article') {
        const key = `${nameKey(name.full)}@${url}`;
        const there = byKey.get(key)?.[0];
        if (there) found = { id: there.id, reason: name.reason };
        else {
          const made = create(name.full, [key], []);
          made.variants[0]!.reason = name.reason ?? made.variants[0]!.reason;
          found = { id: made.id, reason: name.reason };
        }
      } else {
        const full = name.full;
        const candidates = [
          ...(byKey.get(nameKey(full)) ?? []),
          ...familyKeys(full).flatMap((f) => byFamily.get(f) ?? []),
        ];
        const unique = [...new Map(candidates.map((c) => [c.id, c])).values()];
        const match = matchIdentity(full, unique);
        if (!match) found = { id: create(full, [nameKey(full)], familyKeys(full)).id, reason: name.reason };
        else {
          const identity = identities.get(match.id)!;
          addSpelling(identity, name.parsed === full ? full : name.parsed, name.reason ?? match.reason);
          if (full !== name.parsed) addSpelling(identity, full, match.reason);
          found = {
            id: identity.id,
            reason: name.reason ?? (match.reason.code === 'same-name' ? null : match.reason),
          };
        }
      }
      ids.set(raw, found);
      return found;
    };
    for (const q of record.quotes) {
      const found = q.speaker && q.speakerType ? identify(q.speaker) : null;
      const speakerId = found?.id ?? null;
      if (speakerId) {
        const s = quoted.get(speakerId) ?? { urls: new Set(), dates: [] };
        s.urls.add(url);
        s.dates.push(date);
        quoted.set(speakerId, s);
      }
      sourceQuotes.push(quoteRow(url, date, q, { speakerId, reason: found?.reason ?? null, corrected: null }));
    }
    const mentions = articleMentions(
      record,
      record.entities.map((e) => identify(e.name)?.id),
    );
    for (const m of mentions) {
      const s = mentioned.get(m.identityId) ?? { urls: new Set(), count: 0 };
      s.urls.add(url);
      s.count += m.count;
      mentioned.set(m.identityId, s);
      sourceMentions.push(m);
    }
    sourceArticles.push(articleRow(record, date, now, now));
  }
  const articleDates = new Map(sourceArticles.map((a) => [a.url, a.date]));
  for (const identity of identities.values()) {
    const q = quoted.get(identity.id);
    const m = mentioned.get(identity.id);
    identity.quoteCount = q?.dates.length ?? 0;
    identity.quoteArticles = q?.urls.size ?? 0;
    identity.mentionCount = m?.count ?? 0;
    identity.mentionArticles = m?.urls.size ?? 0;
    const dates = (q ? q.dates : [...(m?.urls ?? [])].map((u) => articleDates.get(u)!)).sort();
    identity.first = dates[0] ?? null;
    identity.last = dates[dates.length - 1] ?? null;
  }
  return {
    sourceArticles,
    sourceQuotes,
    sourceMentions,
    identities: [...identities.values()].filter((i) => i.quoteCount > 0 || i.mentionCount > 0),
  };
}
