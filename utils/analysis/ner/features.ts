/**
 * Feature extraction for the tagger: every token gets exactly `FEATURE_COUNT`
 * hashed features (word, affixes, shape, context, sentence mode, document-wide
 * casing, known names and name lists, word clusters). Per-token string hashes
 * are computed once and combined with integer mixing, so the per-feature cost
 * is a few multiplications.
 */
import { clusterAt, type Clusters } from './clusters';
import { gazetteerCodes, type Gazetteer } from './gazetteer';
import { hashString, mix1, mix2, mix3 } from './hash';
import { sentenceModes, capClass, capRuns, docCasing, type SentenceMode } from './context';
import { truecase } from './truecase';

/** Bumped whenever the features change, so an old model file is refused. */
export const FEATURE_VERSION = 12;

/** Number of features per token. */
export const FEATURE_COUNT = 42;

const BOS = hashString('<s>');
const EOS = hashString('</s>');

/**
 * What the model knows of words: hashes of the lower-case forms it knows, of
 * those usually written in lower case, the names it saw and those of the lists
 * (a gazetteer), and word clusters learned from unlabelled recent text.
 */
export type Lexicon = {
  known: ReadonlySet<number>;
  lower: ReadonlySet<number>;
  names: Gazetteer;
  clusters?: Clusters;
};

/** One document to featurise: normalised tokens and sentence ranges. */
export type FeatureInput = { words: string[]; sentences: [number, number][] };

/** Per-token hashes reused by several templates. */
type TokenHashes = { lower: Uint32Array; shape: Uint32Array; word: Uint32Array; raw: Uint32Array; usual: Uint8Array };

function shapeHash(w: string): number {
  let h = 0x811c9dc5;
  let prev = -1;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    let k: number;
    if (c >= 65 && c <= 90) k = 88;
    else if (c >= 97 && c <= 122) k = 120;
    else if (c >= 48 && c <= 57) k = 100;
    else if (c > 127) k = w[i] !== w[i].toLowerCase() ? 88 : w[i] !== w[i].toUpperCase() ? 120 : c;
    else k = c;
    if (k === prev) continue;
    prev = k;
    h = Math.imul(h ^ k, 0x01000193);
  }
  return h >>> 0;
}

/** Codes of `featurize`'s `lowered` output: a headline word truecasing read in lower case. */
export const HEADLINE_LOWERED = 1;
/** A word of a headline (ALL CAPS, Title Case, or capitalised throughout). */
export const IN_HEADLINE = 2;
/** A word the article also writes capitalised in its ordinary sentences. */
export const CAPITALISED_ELSEWHERE = 4;

/** Stand-in hashes for a word the training text did not know well enough. */
const UNKNOWN_WORD = hashString('<unk>');
const UNKNOWN_LOWER = hashString('<unk-lower>');

/**
 * Words outside `known` (the training vocabulary) get one shared identity, so
 * the weights learned for rare training words carry over to names never seen
 * (the model then judges them by shape, affixes and context).
 */
function tokenHashes(words: string[], raw: Uint32Array, lexicon: Lexicon | null): TokenHashes {
  const known = lexicon?.known ?? null;
  const n = words.length;
  const t: TokenHashes = {
    lower: new Uint32Array(n),
    shape: new Uint32Array(n),
    word: new Uint32Array(n),
    raw,
    usual: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const hl = raw[i];
    const unknown = known !== null && !known.has(hl);
    t.word[i] = unknown ? UNKNOWN_WORD : hashString(words[i]);
    t.lower[i] = unknown ? UNKNOWN_LOWER : hl;
    // How the word is usually written: 0 in lower case, 1 capitalised, 2 unknown.
    t.usual[i] = unknown || !lexicon ? 2 : lexicon.lower.has(hl) ? 0 : 1;
    t.shape[i] = shapeHash(words[i]);
  }
  return t;
}

/**
 * The lower-cased word with American -ize spellings in the British -ise of the
 * 1996 Reuters training text ("Organization" → "organisation").
 */
export function lowerForm(w: string): string {
  const l = w.toLowerCase();
  return l.length > 5 && l.includes('iz') ? l.replace(/iz(ation|ations|e|es|ed|ing|er|ers)$/, 'is$1') : l;
}

/**
 * Computes the features of a document: `FEATURE_COUNT` hashes per token, token-major,
 * at `stride` hashes per token (room left for the document-label features of stage two).
 * `lowered`, if given, gets codes for the rules after tagging: `HEADLINE_LOWERED`, `IN_HEADLINE`,
 * `CAPITALISED_ELSEWHERE`.
 */
export function featurize(
  doc: FeatureInput,
  stride = FEATURE_COUNT,
  lexicon: Lexicon | null = null,
  lowered?: Uint8Array,
): Uint32Array {
  const { sentences } = doc;
  const n = doc.words.length;
  const lowers = doc.words.map(lowerForm);
  const raw = new Uint32Array(n);
  for (let i = 0; i < n; i++) raw[i] = hashString(lowers[i]);
  const modes = sentenceModes(doc.words, sentences);
  const caps = new Uint8Array(n);
  for (let i = 0; i < n; i++) caps[i] = capClass(doc.words[i]);
  const casing = docCasing(lowers, caps, sentences, modes);
  // Headlines are read as if written in ordinary case, as far as the article and the lexicon tell.
  const capsBefore = lowered ? caps.slice() : caps;
  const words = truecase(doc.words, lowers, caps, casing, sentences, modes, lexicon?.lower ?? null);
  if (lowered) {
    // For the rules after tagging: also the headlines that only a clitic kept from truecasing.
    const more = truecase(doc.words, lowers, capsBefore, casing, sentences, modes, lexicon?.lower ?? null, true);
    for (const [a, b] of sentences) {
      // A headline: at least two ordinary words read in lower case, more than its numbers (not
      // a line of a table of names and figures, which may look like Title Case).
      let count = 0;
      let numbers = 0;
      for (let i = a; i < b; i++) {
        const low = words[i] !== doc.words[i] || more[i] !== doc.words[i];
        lowered[i] = (low ? HEADLINE_LOWERED : 0) | (casing[i] & 6 ? CAPITALISED_ELSEWHERE : 0);
        if (low) count++;
        if (caps[i] === 4) numbers++;
      }
      if (count >= 2 && count > numbers) for (let i = a; i < b; i++) lowered[i] |= IN_HEADLINE;
    }
  }
  const th = tokenHashes(words, raw, lexicon);
  const runs = capRuns(th.lower, caps, sentences, modes);
  const codes = lexicon ? gazetteerCodes(th.raw, caps, sentences, lexicon.names) : new Uint32Array(n);
  // Training names (types) and the data packages' lists, apart: the model weighs them separately.
  const gaz = new Uint16Array(n);
  const list = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    gaz[i] = codes[i] & 0xffff;
    list[i] = codes[i] >>> 16;
  }
  // Clusters of the word at three sizes, whatever its case (a headline's "BIDEN" is "biden").
  // Only the word's own clusters: pairs with the neighbours' clusters (three more features)
  // fitted the training text better but the held-back part and recent news worse.
  const clusters = lexicon?.clusters;
  const c0 = new Uint16Array(n);
  const c1 = new Uint16Array(n);
  const c2 = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const p = clusters?.get(raw[i]) ?? 0;
    c0[i] = clusterAt(p, 0);
    c1[i] = clusterAt(p, 1);
    c2[i] = clusterAt(p, 2);
  }
  const out = new Uint32Array(n * stride);
  for (let s = 0; s < sentences.length; s++) {
    const [a, b] = sentences[s];
    const mode: SentenceMode = modes[s];
    for (let i = a; i < b; i++) {
      let o = i * stride;
      const lw = lowers[i];
      const L = th.lower[i];
      const cap = caps[i];
      const start = i === a ? 1 : 0;
      const pl = i > a ? th.lower[i - 1] : BOS;
      const nl = i + 1 < b ? th.lower[i + 1] : EOS;
      const pl2 = i > a + 1 ? th.lower[i - 2] : BOS;
      const nl2 = i + 2 < b ? th.lower[i + 2] : EOS;
      const ps = i > a ? th.shape[i - 1] : BOS;
      const ns = i + 1 < b ? th.shape[i + 1] : EOS;
      const pc = i > a ? caps[i - 1] : 7;
      const nc = i + 1 < b ? caps[i + 1] : 7;
      const ctx = cap | (mode << 3) | (start << 5);
      out[o++] = mix1(0, 0);
      out[o++] = mix1(1, th.word[i]);
      out[o++] = mix1(2, L);
      out[o++] = mix1(3, th.shape[i]);
      out[o++] = mix1(4, ctx);
      // Affixes of the lower-cased word, hashed incrementally from each end.
      let hp = 0x811c9dc5;
      let hs = 0x811c9dc5;
      for (let k = 0; k < 4; k++) {
        if (k < lw.length) {
          hp = Math.imul(hp ^ lw.charCodeAt(k), 0x01000193);
          hs = Math.imul(hs ^ lw.charCodeAt(lw.length - 1 - k), 0x01000193);
        }
        out[o++] = mix1(5 + k, hp >>> 0);
        out[o++] = mix1(9 + k, hs >>> 0);
      }
      out[o++] = mix1(13, pl);
      out[o++] = mix1(14, nl);
      out[o++] = mix1(15, pl2);
      out[o++] = mix1(16, nl2);
      out[o++] = mix2(17, ps, th.shape[i]);
      out[o++] = mix2(18, th.shape[i], ns);
      out[o++] = mix3(19, ps, th.shape[i], ns);
      out[o++] = mix2(20, pl, L);
      out[o++] = mix2(21, L, nl);
      out[o++] = mix2(22, casing[i], ctx);
      out[o++] = mix2(23, runs.pos[i], mode);
      out[o++] = mix2(24, runs.first[i], runs.pos[i]);
      out[o++] = mix2(25, runs.last[i], runs.pos[i]);
      out[o++] = mix2(26, L, mode === 0 ? 0 : 1);
      out[o++] = mix3(27, pc, ctx, nc);
      out[o++] = mix2(28, pl, th.shape[i]);
      out[o++] = mix2(29, th.shape[i], nl);
      out[o++] = mix2(30, i > a ? th.word[i - 1] : BOS, cap);
      out[o++] = mix2(31, i + 1 < b ? th.word[i + 1] : EOS, cap);
      out[o++] = mix3(32, pl2, pl, cap);
      out[o++] = mix3(33, nl, nl2, cap);
      // Template ids from 60 on: stage two's features take the ids after FEATURE_COUNT.
      out[o++] = mix1(60, gaz[i]);
      out[o++] = mix3(61, gaz[i], i > a ? gaz[i - 1] : 0xffff, cap);
      out[o++] = mix2(62, th.usual[i], ctx);
      out[o++] = mix1(63, c0[i]);
      out[o++] = mix2(64, c1[i], cap);
      out[o++] = mix2(65, c2[i], ctx);
      out[o++] = mix2(69, list[i], ctx);
      out[o++] = mix3(70, i > a ? list[i - 1] : 0xffff, list[i], i + 1 < b ? list[i + 1] : 0xffff);
    }
  }
  return out;
}
