/**
 * Document-label features for the second stage: how the first stage labelled
 * the same word elsewhere in the article. A name is usually tagged right in an
 * easy context ("Mr. Wang said") and this carries that to the hard ones (a
 * headline, a sentence start, a list), a classic gain of several F1 points.
 */
import { capClass } from './context';
import { mix1, mix2, mix3 } from './hash';
import { isInside } from './labels';

/** Number of features this adds per token. */
export const PRIOR_COUNT = 9;

/**
 * Fills slots [from, from + PRIOR_COUNT) of every token's features in `feats`
 * (stride `stride`) from the first-stage labels `prior`.
 */
export function addPriorFeatures(
  words: string[],
  prior: ArrayLike<number>,
  feats: Uint32Array,
  stride: number,
  from: number,
): void {
  const n = words.length;
  const lowers = words.map((w) => w.toLowerCase());
  const caps = new Uint8Array(n);
  for (let k = 0; k < n; k++) caps[k] = capClass(words[k]);
  // Entity type (0 = none) and position in its entity (1 single, 2 first, 3 middle, 4 last) per token.
  const type = new Uint8Array(n);
  const pos = new Uint8Array(n);
  let i = 0;
  while (i < n) {
    if (prior[i] === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isInside(prior[j]) && prior[j] === prior[i] + 1) j++;
    const t = ((prior[i] - 1) >> 1) + 1;
    for (let k = i; k < j; k++) {
      type[k] = t;
      pos[k] = j - i === 1 ? 1 : k === i ? 2 : k === j - 1 ? 4 : 3;
    }
    i = j;
  }
  // Votes per word: counts of each type (0..4), the last position seen in a multi-word entity (5),
  // and counts of its roles in multi-word entities (6 + 3 * (type - 1) + first/middle/last):
  // "Obama" as the last word of "Barack Obama" (a person) says what a lone "Obama" is.
  const votes = new Map<string, number[]>();
  const role = (k: number) => (pos[k] > 1 ? 6 + 3 * (type[k] - 1) + pos[k] - 2 : -1);
  for (let k = 0; k < n; k++) {
    if (caps[k] > 3) continue;
    let v = votes.get(lowers[k]);
    if (!v) votes.set(lowers[k], (v = new Array<number>(18).fill(0)));
    v[type[k]]++;
    if (pos[k] > 1) {
      v[5] = type[k] * 8 + pos[k];
      v[role(k)]++;
    }
  }
  for (let k = 0; k < n; k++) {
    let o = k * stride + from;
    const v = caps[k] > 3 ? undefined : votes.get(lowers[k]);
    let best = 7;
    let multi = 0;
    let strength = 0;
    let roles = 0;
    if (v) {
      // Leave this occurrence out: the votes are about the rest of the article.
      v[type[k]]--;
      const r = role(k);
      if (r >= 0) v[r]--;
      let most = 0;
      for (let t = 0; t < 5; t++) if (v[t] > most) [best, most] = [t, v[t]];
      const anyEntity = v[1] + v[2] + v[3] + v[4];
      multi = v[5];
      // How sure the rest of the article is: the winning type's share, and how many votes it has.
      const total = anyEntity + v[0];
      const share = total === 0 ? 0 : most === total ? 3 : most * 4 >= total * 3 ? 2 : 1;
      strength = share * 4 + (most >= 4 ? 3 : most >= 2 ? 2 : most);
      for (let b = 0; b < 12; b++) if (v[6 + b] > 0) roles |= 1 << b;
      feats[o++] = mix2(from, best, caps[k]);
      feats[o++] = mix3(from + 1, best, anyEntity > 0 ? 1 : 0, prior[k]);
      v[type[k]]++;
      if (r >= 0) v[r]++;
    } else {
      feats[o++] = mix2(from, best, caps[k]);
      feats[o++] = mix3(from + 1, best, 0, prior[k]);
    }
    feats[o++] = mix2(from + 2, multi, caps[k]);
    feats[o++] = mix1(from + 3, prior[k]);
    feats[o++] = mix2(from + 4, k > 0 ? prior[k - 1] : 99, k + 1 < n ? prior[k + 1] : 99);
    feats[o++] = mix2(from + 5, type[k] * 8 + pos[k], best);
    feats[o++] = mix2(from + 6, best, strength);
    feats[o++] = mix3(from + 7, best, strength, type[k] * 8 + pos[k]);
    feats[o++] = mix2(from + 8, roles, type[k] * 8 + pos[k]);
  }
}
