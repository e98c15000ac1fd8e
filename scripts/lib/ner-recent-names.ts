/**
 * Names of recent news, learned without labels: the trained tagger reads unlabelled
 * recent text (PolNeAR train.jsonl, 2015–16, and the Readability pages' article bodies),
 * and every name it finds there often enough, in several articles, with one clear type,
 * joins the shipped model's gazetteer under that type. A 2016 article that names
 * "Obama" once, in a hard context ("accused Obama and Clinton of …"), is then read with
 * what hundreds of easier contexts elsewhere said of him. The 1996 training names keep
 * their own types: a recent name only adds to what the training text did not name.
 * PolNeAR dev.jsonl is left out (its articles are the recent-text check), and so are the
 * train.jsonl articles labelled for tuning.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { capClass } from '../../utils/analysis/ner/context';
import { lowerForm } from '../../utils/analysis/ner/features';
import { firstKey, MAX_NAME, nextKey } from '../../utils/analysis/ner/gazetteer';
import { hashString } from '../../utils/analysis/ner/hash';
import { TYPES } from '../../utils/analysis/ner/labels';
import { tokenize } from '../../utils/analysis/ner/tokenize';
import { nameKey } from './ner-lists';

/**
 * How many mentions, in how many articles, with what share of one type, make a name;
 * and what share of the places where its words stand capitalised the tagger must have
 * named it in (a word the tagger names only now and then, like a new website's name it
 * takes once in a while for a person, is not learned: that would spread the mistake).
 */
export type RecentOptions = { minMentions: number; minDocs: number; minShare: number; minTagged: number };

export const RECENT_DEFAULTS: RecentOptions = { minMentions: 2, minDocs: 2, minShare: 0.7, minTagged: 0.5 };

type Votes = { types: number[]; docs: number; lastDoc: number };

/**
 * Gazetteer keys of every sequence of up to MAX_NAME words that starts with a capitalised
 * word, in `text` (a whole article, or one name).
 */
function capitalisedKeys(text: string): number[] {
  const words = tokenize(text).tokens.map((t) => t.norm);
  const hashes = words.map((w) => hashString(lowerForm(w)));
  const keys: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const c = capClass(words[i]);
    if (c !== 1 && c !== 2) continue;
    let key = firstKey(hashes[i]);
    keys.push(key);
    for (let j = i + 1; j < words.length && j - i < MAX_NAME; j++) keys.push((key = nextKey(key, hashes[j])));
  }
  return keys;
}

/**
 * Counts the tagger's names over `texts` (read twice: the names, then where their words
 * stand) and returns those that pass `opts`, as gazetteer keys → type bit (bit i for TYPES[i]).
 * `isPlace(key)`: whether the lists know the name as a country or a city.
 */
export function recentNames(
  texts: () => Iterable<string>,
  tag: (text: string) => { text: string; type: string }[],
  opts: RecentOptions = RECENT_DEFAULTS,
  isPlace: (key: number) => boolean = () => false,
): Map<number, number> {
  const votes = new Map<number, Votes>();
  // Last words of persons' full names ("Carson" of "Ben Carson").
  const surnames = new Set<number>();
  // How often each word sequence stood inside a name the tagger found ("Schumer" in "Chuck Schumer").
  const named = new Map<number, number>();
  let doc = 0;
  for (const text of texts()) {
    doc++;
    for (const m of tag(text)) {
      const name = m.text.replace(/['’]s$/, '');
      for (const k of capitalisedKeys(name)) named.set(k, (named.get(k) ?? 0) + 1);
      const key = nameKey(name);
      const t = TYPES.indexOf(m.type as (typeof TYPES)[number]);
      if (key === null || t < 0) continue;
      if (t === 0) {
        const words = tokenize(name).tokens;
        const last = words.length > 1 ? nameKey(words[words.length - 1].norm) : null;
        if (last !== null) surnames.add(last);
      }
      let v = votes.get(key);
      if (!v) votes.set(key, (v = { types: [0, 0, 0, 0], docs: 0, lastDoc: 0 }));
      v.types[t]++;
      if (v.lastDoc !== doc) {
        v.docs++;
        v.lastDoc = doc;
      }
    }
  }
  // How often each candidate's words stand capitalised in the texts, named or not.
  const seen = new Map<number, number>();
  for (const text of texts())
    for (const key of capitalisedKeys(text)) if (votes.has(key)) seen.set(key, (seen.get(key) ?? 0) + 1);
  const out = new Map<number, number>();
  for (const [key, v] of votes) {
    let total = 0;
    let best = 0;
    for (let t = 0; t < 4; t++) {
      total += v.types[t];
      if (v.types[t] > v.types[best]) best = t;
    }
    if (total < opts.minMentions || v.docs < opts.minDocs || v.types[best] < opts.minShare * total) continue;
    if ((named.get(key) ?? 0) < opts.minTagged * (seen.get(key) ?? 0)) continue;
    // A listed place ("Denver", also a given name) is learned as a person's only if the texts
    // also name a person with it as surname: the tagger's own slips must not become knowledge.
    if (best === 0 && isPlace(key) && !surnames.has(key)) continue;
    out.set(key, 1 << best);
  }
  return out;
}

/**
 * The unlabelled recent texts of the corpus: PolNeAR train.jsonl's articles (but those
 * in `skip`: the ones labelled for tuning), then the Readability pages' bodies.
 */
export function* recentTexts(dir: string, skip: ReadonlySet<string> = new Set()): Generator<string> {
  const polnear = join(dir, 'polnear/train.jsonl');
  if (existsSync(polnear))
    for (const line of readFileSync(polnear, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const a = JSON.parse(line) as { id: string; text: string };
      if (!skip.has(a.id)) yield a.text;
    }
  const readability = join(dir, 'readability');
  if (!existsSync(readability)) return;
  for (const name of readdirSync(readability).sort()) {
    const file = join(readability, name, 'expected.html');
    if (!existsSync(file)) continue;
    const { document } = parseHTML(`<html><body>${readFileSync(file, 'utf8')}</body></html>`);
    const blocks: string[] = [];
    for (const p of document.querySelectorAll('p, li, h1, h2, h3, blockquote, td'))
      if (!p.querySelector('p, li, td')) blocks.push((p.textContent ?? '').trim());
    yield blocks.filter(Boolean).join('\n\n');
  }
}

/**
 * Adds recent names to a gazetteer (keys → type masks, bits 0-3 types, 4-6 lists):
 * only to names whose training types are unknown (bits 0-3 empty). Returns how many it added.
 */
export function addRecentNames(gazetteer: Map<number, number>, recent: ReadonlyMap<number, number>): number {
  let added = 0;
  for (const [key, bit] of recent) {
    const mask = gazetteer.get(key) ?? 0;
    if (mask & 0xf) continue;
    gazetteer.set(key, mask | bit);
    added++;
  }
  return added;
}
