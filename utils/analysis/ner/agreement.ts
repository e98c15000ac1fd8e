/**
 * One name, one type per article. After tagging:
 * - a person's full name whose first word is a known given name, or a person's name right
 *   after a title ("Sen. Ives", "President Kwame Oduya"), makes its last word, wherever it
 *   stands alone in the article, that person ("Obama" after "Barack Obama", "Ives voted no"
 *   after "Sen. Ives"), even where the context looked like a team's or a place's ("Obama won Iowa");
 * - mentions of the same name (the same words, whatever their case) take the type most
 *   of the article gives them, when most of it agrees: for a person a majority of at
 *   least three votes, for the other types three in four (in sports results a city is
 *   both its team and a place, so agreement there must be clear).
 * - where the article's mentions of a name disagree and no type has such a majority
 *   ("Obama" twice an organisation and once a person), a name the model's gazetteer knows
 *   only as a person's becomes a person wherever the article names it, if it called it a
 *   person at least once. Places and organisations are left split: in sports results a
 *   city is its team and a place ("BOSTON AT OAKLAND"), and the gazetteer may know one only.
 * A full person's name also votes for its last word. Only whole mentions are retyped,
 * never the words inside a longer name ("Clinton Foundation" stays an organisation).
 * On CoNLL eng.testa and our recent-news labels this changed F1 by at most ±0.001;
 * what it changes is what a reader sees: one colour for one person.
 */
import type { EntityType } from '../types';
import { beginLabel, labelSpans, TYPES } from './labels';
import { titleKind } from './rules';

const MIN_VOTES = 3;
const PER_SHARE = 0.5;
const OTHER_SHARE = 0.75;

/**
 * Retypes mentions of the same name to one type per article, in place. `knownTypes(a, b)`:
 * the types (bit i for TYPES[i]) the gazetteer knows words [a, b) by, 0 if none.
 */
export function agreeTypes(
  words: string[],
  labels: Uint8Array,
  isGivenName: (w: string) => boolean,
  knownTypes: (a: number, b: number) => number = () => 0,
): void {
  const spans = labelSpans(labels);
  if (spans.length < 2) return;
  const PER = beginLabel('PER');
  const surnames = new Set<string>();
  for (const s of spans)
    if (
      s.type === 'PER' &&
      ((s.end - s.start > 1 && isGivenName(words[s.start])) ||
        (s.end - s.start <= 3 && s.start > 0 && titleKind(words[s.start - 1]) > 0))
    )
      surnames.add(words[s.end - 1].toLowerCase());
  for (const s of spans)
    if (s.end - s.start === 1 && s.type !== 'PER' && surnames.has(words[s.start].toLowerCase())) {
      labels[s.start] = PER;
      s.type = 'PER';
    }
  const keys = spans.map((s) => words.slice(s.start, s.end).join(' ').toLowerCase());
  const votes = new Map<string, number[]>();
  const vote = (key: string, type: number) => {
    let v = votes.get(key);
    if (!v) votes.set(key, (v = [0, 0, 0, 0]));
    v[type]++;
  };
  spans.forEach((s, k) => {
    vote(keys[k], TYPES.indexOf(s.type));
    if (s.type === 'PER' && s.end - s.start > 1) vote(words[s.end - 1].toLowerCase(), 0);
  });
  spans.forEach((s, k) => {
    const v = votes.get(keys[k])!;
    let total = 0;
    let best = 0;
    for (let t = 0; t < 4; t++) {
      total += v[t];
      if (v[t] > v[best]) best = t;
    }
    let type: EntityType = TYPES[best];
    const share = type === 'PER' ? PER_SHARE : OTHER_SHARE;
    if (v[best] <= share * total) {
      // No clear majority: a name the gazetteer knows only as a person's, and the article
      // called a person's at least once, is a person's.
      if (knownTypes(s.start, s.end) !== 1 || v[0] === 0 || v[0] === total) return;
      type = 'PER';
    } else if (total < MIN_VOTES) return;
    if (type === s.type) return;
    const b = beginLabel(type);
    labels[s.start] = b;
    for (let i = s.start + 1; i < s.end; i++) labels[i] = b + 1;
  });
}
