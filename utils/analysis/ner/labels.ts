/** BIO labels of the tagger and the rules on which label may follow which. */
import type { EntityType } from '../types';

/** Entity types in label order. */
export const TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** Number of labels: O, then B-/I- for each type. */
export const LABEL_COUNT = 1 + 2 * TYPES.length;

/** Label id of B-type (I-type is one more). */
export function beginLabel(type: EntityType): number {
  return 1 + 2 * TYPES.indexOf(type);
}

/** The entity type of a non-O label. */
export function labelType(label: number): EntityType {
  return TYPES[(label - 1) >> 1];
}

/** True for I- labels. */
export function isInside(label: number): boolean {
  return label > 0 && (label & 1) === 0;
}

/** True if `next` may follow `prev` (-1: sentence start): I-X only after B-X or I-X. */
export function allowed(prev: number, next: number): boolean {
  if (!isInside(next)) return true;
  return prev > 0 && (prev - 1) >> 1 === (next - 1) >> 1;
}

/** Token-index spans [start, end) and types of the entities in a BIO label sequence. */
export function labelSpans(
  labels: ArrayLike<number>,
  from = 0,
  to = labels.length,
): { start: number; end: number; type: EntityType }[] {
  const out: { start: number; end: number; type: EntityType }[] = [];
  let i = from;
  while (i < to) {
    const l = labels[i];
    if (l === 0) {
      i++;
      continue;
    }
    const kind = (l - 1) >> 1;
    let j = i + 1;
    while (j < to && isInside(labels[j]) && (labels[j] - 1) >> 1 === kind) j++;
    out.push({ start: i, end: j, type: TYPES[kind] });
    i = j;
  }
  return out;
}
