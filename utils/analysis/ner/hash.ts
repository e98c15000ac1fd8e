/**
 * Integer hashing for feature hashing. Features are combined from per-token
 * string hashes with integer mixing, so the hot loop builds no strings.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a hash of `s` (UTF-16 code units), as an unsigned 32-bit integer. */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** FNV-1a hash of `s.slice(from, to)` without building the substring. */
export function hashRange(s: string, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Murmur3's 32-bit finaliser: spreads the bits of `h` over the whole word. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of a feature made of a template id and one value hash. */
export function mix1(template: number, a: number): number {
  return fmix(Math.imul(template + 1, 0x9e3779b1) ^ a);
}

/** Hash of a feature made of a template id and two value hashes (order matters). */
export function mix2(template: number, a: number, b: number): number {
  return fmix(Math.imul(mix1(template, a), 0x27d4eb2f) ^ b);
}

/** Hash of a feature made of a template id and three value hashes (order matters). */
export function mix3(template: number, a: number, b: number, c: number): number {
  return fmix(Math.imul(mix2(template, a, b), 0x165667b1) ^ c);
}
