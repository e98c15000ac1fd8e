/**
 * Runs the model over a tokenised document: stage one tags from local
 * features; stage two (if the model has it) tags again with features of how
 * stage one labelled the same words elsewhere in the document.
 */
import { emissions, finishEmissions, fusedEmissions } from './emissions';
import { featurize, FEATURE_COUNT, type FeatureInput } from './features';
import type { Model, Stage } from './model';
import { addPriorFeatures, PRIOR_COUNT } from './priors';
import { chain, viterbi } from './viterbi';

/** Feature hashes per token when the model has two stages. */
export const STRIDE = FEATURE_COUNT + PRIOR_COUNT;

function maxSentence(doc: FeatureInput): number {
  let m = 1;
  for (const [a, b] of doc.sentences) m = Math.max(m, b - a);
  return m;
}

/** Decodes every sentence of `doc` with one stage, using the first `count` features per token. */
export function decodeStage(
  stage: Stage,
  doc: FeatureInput,
  feats: Uint32Array,
  stride: number,
  count: number,
): Uint8Array {
  const labels = new Uint8Array(doc.words.length);
  const max = maxSentence(doc);
  const scores = new Float64Array(max * stage.labels);
  const c = chain(stage, max);
  for (const [a, b] of doc.sentences) {
    if (b <= a) continue;
    emissions(stage, feats, stride, count, a, b, scores);
    viterbi(c, scores, b - a, labels, a);
  }
  return labels;
}

/** True if the two stages share one interleaved table of 9 + 9 labels (as `decodeModel` builds it). */
function fused(one: Stage, two: Stage): boolean {
  return (
    one.weights === two.weights &&
    one.labels === 9 &&
    two.labels === 9 &&
    one.rowStride === 18 &&
    one.offset === 0 &&
    two.offset === 9
  );
}

/**
 * BIO label ids for every token of `doc`. `lowered`, if given, gets 1 for each headline word
 * that truecasing read in lower case (see `featurize`).
 */
export function tagWords(model: Model, doc: FeatureInput, lowered?: Uint8Array): Uint8Array {
  const { stages } = model;
  const n = doc.words.length;
  if (n === 0 || stages.length === 0) return new Uint8Array(n);
  const stride = stages.length > 1 ? STRIDE : FEATURE_COUNT;
  // A model without a vocabulary was trained with every word known.
  const feats = featurize(doc, stride, model.lexicon.known.size ? model.lexicon : null, lowered);
  if (stages.length === 1) return decodeStage(stages[0], doc, feats, stride, FEATURE_COUNT);
  const [one, two] = stages;
  if (!fused(one, two)) {
    const first = decodeStage(one, doc, feats, stride, FEATURE_COUNT);
    addPriorFeatures(doc.words, first, feats, stride, FEATURE_COUNT);
    return decodeStage(two, doc, feats, stride, STRIDE);
  }
  const first = new Uint8Array(n);
  const partial = new Float64Array(n * 9);
  const max = maxSentence(doc);
  const scores = new Float64Array(max * 9);
  const c1 = chain(one, max);
  for (const [a, b] of doc.sentences) {
    if (b <= a) continue;
    fusedEmissions(one, feats, stride, FEATURE_COUNT, a, b, scores, partial);
    viterbi(c1, scores, b - a, first, a);
  }
  addPriorFeatures(doc.words, first, feats, stride, FEATURE_COUNT);
  const labels = new Uint8Array(n);
  const c2 = chain(two, max);
  for (const [a, b] of doc.sentences) {
    if (b <= a) continue;
    finishEmissions(two, feats, stride, FEATURE_COUNT, STRIDE, a, b, partial, scores);
    viterbi(c2, scores, b - a, labels, a);
  }
  return labels;
}
