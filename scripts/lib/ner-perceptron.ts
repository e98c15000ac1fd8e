/**
 * Averaged structured perceptron over hashed features with a first-order
 * label chain (Collins 2002), trained with Viterbi decoding and the BIO rules.
 */
import { emissions } from '../../utils/analysis/ner/emissions';
import { chain, viterbi } from '../../utils/analysis/ner/viterbi';
import type { Stage } from '../../utils/analysis/ner/model';
import { rng } from './random';

/** A training sentence: its document's features (see `stride`) and its token range and gold labels. */
export type TrainItem = { feats: Uint32Array; a: number; b: number; gold: ArrayLike<number> };

/** Trains a stage; `onEpoch` sees the averaged model after each epoch. */
export function trainPerceptron(
  items: TrainItem[],
  opts: {
    bits: number;
    labels: number;
    stride: number;
    count: number;
    epochs: number;
    seed: number;
    onEpoch?: (epoch: number, stage: Stage) => void;
  },
): Stage {
  const { bits, labels: L, stride, count } = opts;
  const mask = (1 << bits) - 1;
  const w = new Float32Array((1 << bits) * L);
  const u = new Float32Array(w.length);
  const trans = new Float32Array(L * L);
  const transU = new Float32Array(L * L);
  const start = new Float32Array(L);
  const startU = new Float32Array(L);
  const stage: Stage = { bits, labels: L, weights: w, scale: 1, trans, start };
  const order = items.map((_, i) => i);
  const random = rng(opts.seed);
  let maxLen = 1;
  for (const it of items) maxLen = Math.max(maxLen, it.b - it.a);
  const scores = new Float64Array(maxLen * L);
  const pred = new Int32Array(maxLen);
  let c = 1;
  const add = (arr: Float32Array, acc: Float32Array, idx: number, d: number) => {
    arr[idx] += d;
    acc[idx] += c * d;
  };
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const { feats, a, b, gold } = items[k];
      const len = b - a;
      emissions(stage, feats, stride, count, a, b, scores);
      // Transitions change with every update, so the chain is prepared per sentence.
      viterbi(chain(stage, len), scores, len, pred, 0);
      let wrong = false;
      for (let t = 0; t < len; t++) if (pred[t] !== gold[a + t]) wrong = true;
      if (wrong) {
        for (let t = 0; t < len; t++) {
          const g = gold[a + t];
          const p = pred[t];
          if (g !== p) {
            for (let f = (a + t) * stride; f < (a + t) * stride + count; f++) {
              const base = (feats[f] & mask) * L;
              add(w, u, base + g, 1);
              add(w, u, base + p, -1);
            }
          }
          if (t === 0) {
            add(start, startU, g, 1);
            add(start, startU, p, -1);
          } else {
            add(trans, transU, gold[a + t - 1] * L + g, 1);
            add(trans, transU, pred[t - 1] * L + p, -1);
          }
        }
      }
      c++;
    }
    if (opts.onEpoch) opts.onEpoch(epoch, averaged());
  }
  return averaged();

  function averaged(): Stage {
    const avg = (arr: Float32Array, acc: Float32Array) => arr.map((v, i) => v - acc[i] / c);
    return { bits, labels: L, weights: avg(w, u), scale: 1, trans: avg(trans, transU), start: avg(start, startU) };
  }
}
