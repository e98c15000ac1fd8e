/**
 * In-article coreference of entity mentions: identical names, a person's
 * first or last name ("Wang" → "Wang Yi"), acronyms ("U.N." → "United
 * Nations"), shortened organisation names ("the Council" → "United Nations
 * Human Rights Council") and, as extra group mentions, definite descriptions
 * in lower case ("the council") once the article has introduced the name.
 */
import type { EntityGroup, EntityMention, EntityType, Span } from '../types';
import { initials, isNameShortForm, isPersonShortForm, nameForm, type NameForm } from './names';

type Cluster = { type: EntityType; form: NameForm; members: number[] };

/**
 * The cluster a short mention refers to: of several ("Clinton" after "Hillary
 * Clinton" and "Chelsea Clinton"), the one named most often before it (the
 * story's subject), then the one named last before it, else the first after it.
 */
function pick(candidates: Cluster[], at: number, starts: number[]): Cluster | null {
  let best: Cluster | null = null;
  let bestKey: [number, number] = [-1, -Infinity];
  for (const c of candidates) {
    let count = 0;
    let before = -Infinity;
    let after = Infinity;
    for (const m of c.members) {
      if (starts[m] < at) {
        count++;
        before = Math.max(before, starts[m]);
      } else after = Math.min(after, starts[m]);
    }
    const key: [number, number] = [count, before > -Infinity ? before : -after];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
      bestKey = key;
      best = c;
    }
  }
  return best;
}

/** The longer cluster a short mention refers to, if the article makes it clear. */
function findTarget(m: EntityMention, form: NameForm, clusters: Cluster[], starts: number[]): Cluster | null {
  const longer = clusters.filter((c) => c.form.words.length > form.words.length);
  if (form.acronym) {
    const hits = longer.filter(
      (c) => c.type === m.type && c.type !== 'PER' && initials(c.form.words).includes(form.acronym!),
    );
    if (hits.length) return pick(hits, m.start, starts);
  }
  // Only mentions of the same type are linked: on the CoNLL development set, retyping a lone
  // surname as the person it matches cost more (teams, places named after people) than it gained.
  const persons = longer.filter((c) => c.type === 'PER' && isPersonShortForm(form.words, c.form.words));
  if (persons.length && m.type === 'PER') return pick(persons, m.start, starts);
  const names = longer.filter(
    (c) => c.type === m.type && c.type !== 'PER' && isNameShortForm(form.words, c.form.words),
  );
  return names.length ? pick(names, m.start, starts) : null;
}

/** Groups mentions that refer to the same entity (in-article coreference). */
export function resolveEntities(
  text: string,
  mentions: EntityMention[],
): { entities: EntityMention[]; groups: EntityGroup[] } {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const forms = sorted.map((m) => nameForm(m.text));
  const starts = sorted.map((m) => m.start);
  // First the full names: identical keys of the same type form one cluster.
  const byKey = new Map<string, Cluster>();
  const clusterOf: (Cluster | null)[] = sorted.map(() => null);
  const order = sorted.map((_, i) => i).sort((a, b) => forms[b].words.length - forms[a].words.length || a - b);
  const clusters: Cluster[] = [];
  for (const i of order) {
    const m = sorted[i];
    const form = forms[i];
    const exact = byKey.get(`${m.type}|${form.key}`);
    const target = exact ?? findTarget(m, form, clusters, starts);
    if (target) {
      target.members.push(i);
      clusterOf[i] = target;
      continue;
    }
    const c: Cluster = { type: m.type, form, members: [i] };
    byKey.set(`${m.type}|${form.key}`, c);
    clusters.push(c);
    clusterOf[i] = c;
  }
  const live = clusters.filter((c) => c.members.length > 0);
  live.sort((a, b) => Math.min(...a.members) - Math.min(...b.members));
  const index = new Map(live.map((c, g) => [c, g]));
  const entities = sorted.map((m, i) => {
    const c = clusterOf[i]!;
    return { ...m, type: c.type, group: index.get(c)! };
  });
  const groups: EntityGroup[] = live.map((c) => ({
    type: c.type,
    name: displayName(c, sorted, forms),
    mentions: c.members.map((i) => ({ start: sorted[i].start, end: sorted[i].end })).sort((a, b) => a.start - b.start),
  }));
  addDescriptions(text, groups);
  return { entities, groups };
}

/** The fullest name among the mentions, preferring one not in capitals (a headline's "CHINA" is "China"). */
function displayName(c: Cluster, sorted: EntityMention[], forms: NameForm[]): string {
  let best = c.members[0];
  const score = (i: number) => forms[i].words.length * 2 + (sorted[i].text === sorted[i].text.toUpperCase() ? 0 : 1);
  for (const i of c.members) if (score(i) > score(best) || (score(i) === score(best) && i < best)) best = i;
  const name = sorted[best].text.replace(/\s+/g, ' ').trim();
  // A place or person named only in capitals (a dateline's "BEIJING") reads better as "Beijing";
  // short capitals (US, UK) and organisations (NATO, UNESCO) are usually acronyms and stay.
  const type = sorted[best].type;
  const letters = name.replace(/\P{L}/gu, '').length;
  if ((type === 'LOC' || type === 'PER') && name === name.toUpperCase() && letters >= 5) {
    return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
  }
  return name;
}

/**
 * Adds lower-case definite descriptions ("the council") to the one organisation
 * of several words whose last word they repeat, after its first mention. They are
 * group mentions only, not tagged entities: the tagger did not find a name there.
 */
function addDescriptions(text: string, groups: EntityGroup[]): void {
  const heads = new Map<string, EntityGroup | null>();
  for (const g of groups) {
    if (g.type !== 'ORG') continue;
    const words = nameForm(g.name).words;
    if (words.length < 2) continue;
    const head = words[words.length - 1];
    heads.set(head, heads.has(head) && heads.get(head) !== g ? null : g);
  }
  if (!heads.size) return;
  const taken: Span[] = groups.flatMap((g) => g.mentions);
  const re = /\b[Tt]he ([a-z]+)\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const g = heads.get(m[1]);
    if (!g || m.index < g.mentions[0].start) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
    g.mentions.push(span);
  }
  for (const g of groups) g.mentions.sort((a, b) => a.start - b.start);
}
