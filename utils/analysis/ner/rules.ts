/**
 * Corrections after tagging for what 1996 Reuters did not teach the model.
 * Titles ("Mr.", "Dr.", "Sen.", "Governor") are not part of a name in
 * CoNLL-2003 ("Mr./O Smith/PER") and say that the name after them is a
 * person's; Reuters hardly writes "Mr." or "Dr.", web news all the time.
 */
import { capClass } from './context';
import { beginLabel, isInside } from './labels';

/** Abbreviated honorifics: the capitalised words after them are a person even if the tagger missed them. */
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'maj',
  'adm',
  'rev',
  'sir',
  'dame',
  'messrs',
  'mme',
  'mlle',
]);

/**
 * Titles written out: only taken out of a name the tagger found (a person's,
 * or a person's it took for an organisation's); "General Motors", "King Street"
 * and "Premier League" are why the list is short and never creates a name.
 */
const TITLES = new Set(
  'president governor senator minister chancellor pope judge secretary mayor ambassador professor chairman chairwoman spokesman spokeswoman'.split(
    ' ',
  ),
);

/** 1 for an abbreviated honorific ("Mr.", "Dr"), 2 for a written-out title ("Governor"), else 0. */
function titleKind(word: string): number {
  const c = word.charCodeAt(0);
  if (word.length > 12 || c < 65 || c > 90) return 0;
  const w = (word.endsWith('.') ? word.slice(0, -1) : word).toLowerCase();
  return HONORIFICS.has(w) ? 1 : TITLES.has(w) ? 2 : 0;
}

/** Takes titles out of names and makes the capitalised words after an honorific a person, in place. */
export function applyTitles(words: string[], labels: Uint8Array): void {
  const B = beginLabel('PER');
  const ORG = beginLabel('ORG');
  const n = words.length;
  for (let i = 0; i + 1 < n; i++) {
    const kind = titleKind(words[i]);
    if (kind === 0 || capClass(words[i + 1]) !== 1) continue;
    if (kind === 2 && labels[i] !== B && labels[i] !== ORG) continue;
    labels[i] = 0;
    let j = i + 1;
    if (labels[j] !== 0) {
      // The name goes on (or starts) after the title: make it a person.
      labels[j] = B;
      j++;
      while (j < n && isInside(labels[j])) labels[j++] = B + 1;
    } else if (kind === 1) {
      // A name the tagger missed: the capitalised words after the honorific, at most three.
      while (j < n && j <= i + 3 && capClass(words[j]) === 1 && labels[j] === 0) labels[j] = j++ === i + 1 ? B : B + 1;
    }
    i = j - 1;
  }
}

/** Words before "n't" are verbs ("Won't" → "Wo n't"), and "Let's" is not a possessive: never part of a name. */
export function dropVerbs(words: string[], labels: Uint8Array): void {
  for (let i = 0; i + 1 < words.length; i++) {
    const next = words[i + 1].toLowerCase();
    if (labels[i] === 0 || !(next === "n't" || (next === "'s" && words[i].toLowerCase() === 'let'))) continue;
    const inside = isInside(labels[i]);
    labels[i] = 0;
    // Cut the entity before this word; a name that started here is gone.
    if (!inside) for (let j = i + 1; j < words.length && isInside(labels[j]); j++) labels[j] = 0;
  }
}

/**
 * A leading "The" is not part of an organisation's or event's name in CoNLL-2003
 * (276 of 310 times in the training text; the exceptions are places like "The
 * Hague"), but sentence-initial capitals lure the tagger into including it.
 */
export function dropArticles(words: string[], labels: Uint8Array): void {
  for (let i = 0; i + 1 < words.length; i++) {
    const l = labels[i];
    if (l === 0 || isInside(l) || words[i] !== 'The' || labels[i + 1] !== l + 1) continue;
    const type = (l - 1) >> 1;
    if (type !== 1 && type !== 3) continue;
    labels[i] = 0;
    labels[i + 1] = l;
  }
}
