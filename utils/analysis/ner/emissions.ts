/** Emission scores: sums of hashed feature weights per label. */
import type { Stage } from './model';

/**
 * Writes the emission scores of tokens [a, b) into `scores` (row per token, `labels` wide),
 * reading the first `count` of the `stride` feature hashes per token in `feats`.
 */
export function emissions(
  stage: Stage,
  feats: Uint32Array,
  stride: number,
  count: number,
  a: number,
  b: number,
  scores: Float64Array,
): void {
  const { weights, labels, scale } = stage;
  const mask = (1 << stage.bits) - 1;
  const rs = stage.rowStride ?? labels;
  const off = stage.offset ?? 0;
  if (labels !== 9) return emissionsAny(stage, feats, stride, count, a, b, scores);
  // Nine labels (BIO over four types), unrolled into locals: this loop is most of the tagging time.
  for (let i = a; i < b; i++) {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0,
      s7 = 0,
      s8 = 0;
    const f1 = i * stride + count;
    for (let f = i * stride; f < f1; f++) {
      const o = (feats[f] & mask) * rs + off;
      s0 += weights[o];
      s1 += weights[o + 1];
      s2 += weights[o + 2];
      s3 += weights[o + 3];
      s4 += weights[o + 4];
      s5 += weights[o + 5];
      s6 += weights[o + 6];
      s7 += weights[o + 7];
      s8 += weights[o + 8];
    }
    const r = (i - a) * 9;
    scores[r] = s0 * scale;
    scores[r + 1] = s1 * scale;
    scores[r + 2] = s2 * scale;
    scores[r + 3] = s3 * scale;
    scores[r + 4] = s4 * scale;
    scores[r + 5] = s5 * scale;
    scores[r + 6] = s6 * scale;
    scores[r + 7] = s7 * scale;
    scores[r + 8] = s8 * scale;
  }
}

function emissionsAny(
  stage: Stage,
  feats: Uint32Array,
  stride: number,
  count: number,
  a: number,
  b: number,
  scores: Float64Array,
): void {
  const { weights, labels } = stage;
  const mask = (1 << stage.bits) - 1;
  const rs = stage.rowStride ?? labels;
  const off = stage.offset ?? 0;
  for (let i = a; i < b; i++) {
    const row = (i - a) * labels;
    for (let l = 0; l < labels; l++) scores[row + l] = 0;
    for (let f = i * stride; f < i * stride + count; f++) {
      const base = (feats[f] & mask) * rs + off;
      for (let l = 0; l < labels; l++) scores[row + l] += weights[base + l];
    }
    for (let l = 0; l < labels; l++) scores[row + l] *= stage.scale;
  }
}

/**
 * Stage one's emission scores of tokens [a, b) into `scores`, and at once the
 * unscaled sums of stage two's weights for the same features into `partial`
 * (row per document token). Both stages must share one interleaved table of
 * nine labels each: each feature then costs one cache line for both.
 */
export function fusedEmissions(
  one: Stage,
  feats: Uint32Array,
  stride: number,
  count: number,
  a: number,
  b: number,
  scores: Float64Array,
  partial: Float64Array,
): void {
  const w = one.weights;
  const mask = (1 << one.bits) - 1;
  const scale = one.scale;
  for (let i = a; i < b; i++) {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0,
      s7 = 0,
      s8 = 0;
    let t0 = 0,
      t1 = 0,
      t2 = 0,
      t3 = 0,
      t4 = 0,
      t5 = 0,
      t6 = 0,
      t7 = 0,
      t8 = 0;
    const f1 = i * stride + count;
    for (let f = i * stride; f < f1; f++) {
      const o = (feats[f] & mask) * 18;
      s0 += w[o];
      s1 += w[o + 1];
      s2 += w[o + 2];
      s3 += w[o + 3];
      s4 += w[o + 4];
      s5 += w[o + 5];
      s6 += w[o + 6];
      s7 += w[o + 7];
      s8 += w[o + 8];
      t0 += w[o + 9];
      t1 += w[o + 10];
      t2 += w[o + 11];
      t3 += w[o + 12];
      t4 += w[o + 13];
      t5 += w[o + 14];
      t6 += w[o + 15];
      t7 += w[o + 16];
      t8 += w[o + 17];
    }
    const r = (i - a) * 9;
    scores[r] = s0 * scale;
    scores[r + 1] = s1 * scale;
    scores[r + 2] = s2 * scale;
    scores[r + 3] = s3 * scale;
    scores[r + 4] = s4 * scale;
    scores[r + 5] = s5 * scale;
    scores[r + 6] = s6 * scale;
    scores[r + 7] = s7 * scale;
    scores[r + 8] = s8 * scale;
    const p = i * 9;
    partial[p] = t0;
    partial[p + 1] = t1;
    partial[p + 2] = t2;
    partial[p + 3] = t3;
    partial[p + 4] = t4;
    partial[p + 5] = t5;
    partial[p + 6] = t6;
    partial[p + 7] = t7;
    partial[p + 8] = t8;
  }
}

/** Stage two's scores of tokens [a, b): `partial` plus features [from, to) of each token, scaled. */
export function finishEmissions(
  two: Stage,
  feats: Uint32Array,
  stride: number,
  from: number,
  to: number,
  a: number,
  b: number,
  partial: Float64Array,
  scores: Float64Array,
): void {
  const w = two.weights;
  const mask = (1 << two.bits) - 1;
  const rs = two.rowStride ?? 9;
  const off = two.offset ?? 0;
  for (let i = a; i < b; i++) {
    const r = (i - a) * 9;
    for (let l = 0; l < 9; l++) scores[r + l] = partial[i * 9 + l];
    for (let f = i * stride + from; f < i * stride + to; f++) {
      const o = (feats[f] & mask) * rs + off;
      for (let l = 0; l < 9; l++) scores[r + l] += w[o + l];
    }
    for (let l = 0; l < 9; l++) scores[r + l] *= two.scale;
  }
}
