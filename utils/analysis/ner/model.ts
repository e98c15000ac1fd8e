/**
 * The model file `public/models/ner.bin`: a header, then one or more stages,
 * each a hashed weight table quantised to 8-bit integers with one scale (the
 * averaged perceptron loses nothing measurable to it), stored sparsely (a
 * bitmap of non-empty rows, then those rows), and label transition scores.
 * Little-endian throughout.
 *
 *   "GLNR" u32 formatVersion u32 featureVersion u32 stageCount
 *   u32 n u32[n] hashes of the known lower-case words, u32 m u32[m] those usually in lower case,
 *   u32 g u32[g] hashes of known names, u8[g] their type masks (bits 0-3 the training text's types,
 *   bits 4-6 the data packages' lists: given names, countries, cities)
 *   u32 c u32[c] hashes of clustered words, u32[c] their packed clusters (see clusters.ts)
 *   per stage: u32 bits u32 labels f32 scale f32[labels*labels] trans f32[labels] start
 *              u8[(1<<bits)/8] row bitmap, i8[rows*labels] non-empty rows
 */
import type { Lexicon } from './features';

/** One linear-chain stage of the tagger. */
export type Stage = {
  bits: number;
  labels: number;
  /** Weight of bucket b for label l at `b * rowStride + offset + l`, in units of `scale`. */
  weights: Int8Array | Float32Array;
  /** Distance between buckets in `weights` (default `labels`); stages may share one interleaved table. */
  rowStride?: number;
  /** Where this stage's weights start within a bucket (default 0). */
  offset?: number;
  scale: number;
  /** trans[prev * labels + next], in real units. */
  trans: Float32Array;
  start: Float32Array;
};

const MAGIC = 0x524e4c47; // "GLNR" read as little-endian u32
const FORMAT_VERSION = 5;

function quantise(s: Stage): { q: Int8Array; scale: number; rows: number } {
  const L = s.labels;
  const rs = s.rowStride ?? L;
  const off = s.offset ?? 0;
  const q = new Int8Array((1 << s.bits) * L);
  let max = 0;
  for (let r = 0; r < 1 << s.bits; r++)
    for (let l = 0; l < L; l++) max = Math.max(max, Math.abs(s.weights[r * rs + off + l] * s.scale));
  const scale = max > 0 ? max / 127 : 1;
  for (let r = 0; r < 1 << s.bits; r++)
    for (let l = 0; l < L; l++) q[r * L + l] = Math.round((s.weights[r * rs + off + l] * s.scale) / scale);
  let rows = 0;
  for (let r = 0; r < 1 << s.bits; r++) if (!rowEmpty(q, r, s.labels)) rows++;
  return { q, scale, rows };
}

function rowEmpty(q: Int8Array, r: number, L: number): boolean {
  for (let l = 0; l < L; l++) if (q[r * L + l] !== 0) return false;
  return true;
}

/** A whole model: what it knows of words (as hashes) and its stages. */
export type Model = { lexicon: Lexicon; stages: Stage[] };

/** Serialises a model, quantising its weights to 8 bits. */
export function encodeModel(featureVersion: number, model: Model): Uint8Array {
  const { stages } = model;
  const known = [...model.lexicon.known].sort((a, b) => a - b);
  const lower = [...model.lexicon.lower].sort((a, b) => a - b);
  const qs = stages.map(quantise);
  const names = [...model.lexicon.names.entries()].sort((a, b) => a[0] - b[0]);
  const clusters = [...(model.lexicon.clusters ?? new Map<number, number>()).entries()].sort((a, b) => a[0] - b[0]);
  let size = 32 + 4 * (known.length + lower.length) + 5 * names.length + 8 * clusters.length;
  stages.forEach(
    (s, k) => (size += 12 + 4 * (s.labels * s.labels + s.labels) + (1 << s.bits) / 8 + qs[k].rows * s.labels),
  );
  const bytes = new Uint8Array(size);
  const dv = new DataView(bytes.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, FORMAT_VERSION, true);
  dv.setUint32(8, featureVersion, true);
  dv.setUint32(12, stages.length, true);
  let o = 16;
  for (const list of [known, lower, names.map((e) => e[0])]) {
    dv.setUint32(o, list.length, true);
    o += 4;
    for (const h of list) {
      dv.setUint32(o, h, true);
      o += 4;
    }
  }
  for (const [, mask] of names) bytes[o++] = mask;
  dv.setUint32(o, clusters.length, true);
  o += 4;
  for (const list of [clusters.map((e) => e[0]), clusters.map((e) => e[1])])
    for (const v of list) {
      dv.setUint32(o, v, true);
      o += 4;
    }
  stages.forEach((s, k) => {
    const { q, scale } = qs[k];
    const L = s.labels;
    dv.setUint32(o, s.bits, true);
    dv.setUint32(o + 4, L, true);
    dv.setFloat32(o + 8, scale, true);
    o += 12;
    for (const v of [...s.trans, ...s.start]) {
      dv.setFloat32(o, v, true);
      o += 4;
    }
    const bitmap = o;
    o += (1 << s.bits) / 8;
    for (let r = 0; r < 1 << s.bits; r++) {
      if (rowEmpty(q, r, L)) continue;
      bytes[bitmap + (r >> 3)] |= 1 << (r & 7);
      for (let l = 0; l < L; l++) bytes[o++] = q[r * L + l] & 0xff;
    }
  });
  return bytes;
}

/** Reads a model file; throws if it is not one, or was made for other features. */
export function decodeModel(bytes: Uint8Array, featureVersion: number): Model {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 16 || dv.getUint32(0, true) !== MAGIC) throw new Error('ner.bin: not a Gloss NER model');
  if (dv.getUint32(4, true) !== FORMAT_VERSION) throw new Error('ner.bin: unknown format version');
  if (dv.getUint32(8, true) !== featureVersion) throw new Error('ner.bin: made for other features; retrain');
  const count = dv.getUint32(12, true);
  const stages: Stage[] = [];
  const shapes: [number, number][] = [];
  let o = 16;
  const readSet = () => {
    const set = new Set<number>();
    const size = dv.getUint32(o, true);
    o += 4;
    for (let i = 0; i < size; i++, o += 4) set.add(dv.getUint32(o, true));
    return set;
  };
  const known = readSet();
  const lower = readSet();
  const nameKeys = [...readSet()];
  const names = new Map<number, number>();
  for (const k of nameKeys) names.set(k, bytes[o++]);
  const clusterKeys = [...readSet()];
  const clusters = new Map<number, number>();
  for (const k of clusterKeys) {
    clusters.set(k, dv.getUint32(o, true));
    o += 4;
  }
  const lexicon: Lexicon = { known, lower, names, clusters };
  for (let k = 0; k < count; k++) {
    const bits = dv.getUint32(o, true);
    const L = dv.getUint32(o + 4, true);
    const scale = dv.getFloat32(o + 8, true);
    o += 12;
    const trans = new Float32Array(L * L);
    for (let i = 0; i < trans.length; i++, o += 4) trans[i] = dv.getFloat32(o, true);
    const start = new Float32Array(L);
    for (let i = 0; i < L; i++, o += 4) start[i] = dv.getFloat32(o, true);
    const bitmap = o;
    o += (1 << bits) / 8;
    shapes.push([bitmap, o]);
    for (let r = 0; r < 1 << bits; r++) if (bytes[bitmap + (r >> 3)] & (1 << (r & 7))) o += L;
    if (o > bytes.byteLength) throw new Error('ner.bin: truncated');
    stages.push({ bits, labels: L, weights: new Int8Array(0), scale, trans, start });
  }
  // Stages of the same size share one interleaved table: a token's features then
  // reach the weights of both stages in the same cache lines.
  const fuse = stages.every((st) => st.bits === stages[0].bits && st.labels === stages[0].labels);
  const rowStride = fuse ? stages.reduce((n, st) => n + st.labels, 0) : 0;
  const src = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shared = fuse ? new Int8Array((1 << stages[0].bits) * rowStride) : null;
  let offset = 0;
  stages.forEach((st, k) => {
    const L = st.labels;
    const rs = shared ? rowStride : L;
    const weights = shared ?? new Int8Array((1 << st.bits) * L);
    const [bitmap] = shapes[k];
    let at = shapes[k][1];
    for (let r = 0; r < 1 << st.bits; r++) {
      if (!(bytes[bitmap + (r >> 3)] & (1 << (r & 7)))) continue;
      // A plain loop: a subarray per row would allocate a hundred thousand views.
      const to = r * rs + offset;
      for (let l = 0; l < L; l++) weights[to + l] = src[at + l];
      at += L;
    }
    Object.assign(st, { weights, rowStride: rs, offset: shared ? offset : 0 });
    if (shared) offset += L;
  });
  return { lexicon, stages };
}
