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
import { TYPES } from '../../utils/analysis/ner/labels';
import { nameKey } from './ner-lists';

/** How many mentions, in how many articles, with what share of one type, make a name. */
export type RecentOptions = { minMentions: number; minDocs: number; minShare: number };

export const RECENT_DEFAULTS: RecentOptions = { minMentions: 2, minDocs: 2, minShare: 0.7 };

type Votes = { types: number[]; docs: number; lastDoc: number };

/**
 * Counts the tagger's names over `texts` and returns those that pass `opts`,
 * as gazetteer keys → type bit (bit i for TYPES[i]).
 */
export function recentNames(
  texts: Iterable<string>,
  tag: (text: string) => { text: string; type: string }[],
  opts: RecentOptions = RECENT_DEFAULTS,
): Map<number, number> {
  const votes = new Map<number, Votes>();
  let doc = 0;
  for (const text of texts) {
    doc++;
    for (const m of tag(text)) {
      const key = nameKey(m.text.replace(/['’]s$/, ''));
      const t = TYPES.indexOf(m.type as (typeof TYPES)[number]);
      if (key === null || t < 0) continue;
      let v = votes.get(key);
      if (!v) votes.set(key, (v = { types: [0, 0, 0, 0], docs: 0, lastDoc: 0 }));
      v.types[t]++;
      if (v.lastDoc !== doc) {
        v.docs++;
        v.lastDoc = doc;
      }
    }
  }
  const out = new Map<number, number>();
  for (const [key, v] of votes) {
    let total = 0;
    let best = 0;
    for (let t = 0; t < 4; t++) {
      total += v.types[t];
      if (v.types[t] > v.types[best]) best = t;
    }
    if (total >= opts.minMentions && v.docs >= opts.minDocs && v.types[best] >= opts.minShare * total)
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
