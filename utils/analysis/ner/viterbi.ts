/** Viterbi decoding of a label chain under the BIO rules. */
import { allowed } from './labels';
import type { Stage } from './model';

const NEG = -1e30;

/** A stage's transition and start scores with the forbidden BIO moves set to -infinity, and work space. */
export type Chain = {
  labels: number;
  trans: Float64Array;
  start: Float64Array;
  delta: Float64Array;
  back: Int32Array;
  preds: Int32Array[];
};

/** Prepares decoding with `stage` for sentences of up to `maxLen` tokens. */
export function chain(stage: Stage, maxLen: number): Chain {
  const L = stage.labels;
  const trans = new Float64Array(L * L);
  const start = new Float64Array(L);
  for (let p = 0; p < L; p++)
    for (let l = 0; l < L; l++) trans[p * L + l] = allowed(p, l) ? stage.trans[p * L + l] : NEG;
  for (let l = 0; l < L; l++) start[l] = allowed(-1, l) ? stage.start[l] : NEG;
  // Only the allowed predecessors are tried: an I- label has two, which saves a third of the work.
  const preds = Array.from({ length: L }, (_, l) =>
    Int32Array.from({ length: L }, (_, p) => p).filter((p) => allowed(p, l)),
  );
  return { labels: L, trans, start, delta: new Float64Array(maxLen * L), back: new Int32Array(maxLen * L), preds };
}

/** Best label sequence for `len` tokens given emission `scores`; writes labels into out[at..]. */
export function viterbi(c: Chain, scores: Float64Array, len: number, out: Uint8Array | Int32Array, at: number): void {
  const { labels: L, trans, start, delta, back, preds } = c;
  for (let l = 0; l < L; l++) delta[l] = start[l] + scores[l];
  for (let t = 1; t < len; t++) {
    const prev = (t - 1) * L;
    for (let l = 0; l < L; l++) {
      let best = NEG * 2;
      let arg = 0;
      const from = preds[l];
      for (let k = 0; k < from.length; k++) {
        const p = from[k];
        const v = delta[prev + p] + trans[p * L + l];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[t * L + l] = best + scores[t * L + l];
      back[t * L + l] = arg;
    }
  }
  let best = NEG * 4;
  let arg = 0;
  for (let l = 0; l < L; l++) {
    if (delta[(len - 1) * L + l] > best) {
      best = delta[(len - 1) * L + l];
      arg = l;
    }
  }
  for (let t = len - 1; t >= 0; t--) {
    out[at + t] = arg;
    arg = back[t * L + arg];
  }
}
