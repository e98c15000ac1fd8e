/**
 * Word clusters learned from unlabelled recent news text (`scripts/train-clusters.ts`):
 * each known lower-case word has a cluster at three sizes. The tagger reads a
 * word's clusters as features, so names that were never in the training text
 * are judged like the words they keep company with.
 */

/** Numbers of clusters, finest first. */
export const CLUSTER_SIZES = [1024, 256, 64] as const;

/** Hash of a lower-case word → its clusters packed in one number (see `packClusters`); absent: unknown word. */
export type Clusters = ReadonlyMap<number, number>;

/** Packs a word's clusters (one per size) into one positive integer, 10 bits each, plus one. */
export function packClusters(ids: ArrayLike<number>): number {
  let p = 0;
  for (let k = 0; k < CLUSTER_SIZES.length; k++) p |= (ids[k] & 0x3ff) << (10 * k);
  return p + 1;
}

/** The cluster of size index `k` in a packed value, or 0xffff when the word is unknown (packed 0). */
export function clusterAt(packed: number, k: number): number {
  return packed === 0 ? 0xffff : ((packed - 1) >>> (10 * k)) & 0x3ff;
}

/** `scripts/data/word-clusters.bin`: u32 n, u32[n] word hashes (ascending), u32[n] packed clusters; little-endian. */
export function encodeClusters(entries: ReadonlyMap<number, ArrayLike<number>>): Uint8Array {
  const keys = [...entries.keys()].sort((a, b) => a - b);
  const bytes = new Uint8Array(4 + 8 * keys.length);
  const dv = new DataView(bytes.buffer);
  dv.setUint32(0, keys.length, true);
  keys.forEach((h, i) => {
    dv.setUint32(4 + 4 * i, h, true);
    dv.setUint32(4 + 4 * keys.length + 4 * i, packClusters(entries.get(h)!), true);
  });
  return bytes;
}

/** Reads the bytes `encodeClusters` wrote. */
export function decodeClusters(bytes: Uint8Array): Map<number, number> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = dv.getUint32(0, true);
  if (bytes.byteLength !== 4 + 8 * n) throw new Error('word clusters: wrong size');
  const out = new Map<number, number>();
  for (let i = 0; i < n; i++) out.set(dv.getUint32(4 + 4 * i, true), dv.getUint32(4 + 4 * n + 4 * i, true));
  return out;
}
