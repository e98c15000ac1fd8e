/** Turns CoNLL documents into training items, and scores a model on CoNLL documents in memory. */
import { capClass, sentenceModes } from '../../utils/analysis/ner/context';
import { featurize, lowerForm, type Lexicon } from '../../utils/analysis/ner/features';
import { firstKey, MAX_NAME, nextKey } from '../../utils/analysis/ner/gazetteer';
import { labelSpans, TYPES } from '../../utils/analysis/ner/labels';
import { hashString } from '../../utils/analysis/ner/hash';
import type { Model } from '../../utils/analysis/ner/model';
import { STRIDE, tagWords } from '../../utils/analysis/ner/tagger';
import { normalizeChars } from '../../utils/analysis/ner/tokenize';
import { augmentDoc } from './ner-augment';
import type { ConllDoc } from './ner-conll';
import type { TrainItem } from './ner-perceptron';
import { countMatches, prf, type ScoredSpan } from './ner-score';

/** A training document: normalised words, sentences, gold labels and its feature table (stride `STRIDE`). */
export type TrainDoc = {
  words: string[];
  sentences: [number, number][];
  labels: number[];
  feats: Uint32Array;
  fold: number;
};

/**
 * What the training text says about words: the lower-case forms seen at least
 * `minCount` times (words seen once are left out, so the model learns from them
 * what unseen words look like), and those written in lower case more often than
 * capitalised in the middle of ordinary sentences (for reading headlines).
 */
export function buildLexicon(docs: ConllDoc[], minCount: number): Lexicon & { names: Map<number, number> } {
  const counts = new Map<string, [number, number, number]>();
  for (const d of docs) {
    const modes = sentenceModes(d.words, d.sentences);
    d.sentences.forEach(([a, b], s) => {
      for (let i = a; i < b; i++) {
        const w = normalizeChars(d.words[i]);
        const l = lowerForm(w);
        let c = counts.get(l);
        if (!c) counts.set(l, (c = [0, 0, 0]));
        c[0]++;
        if (modes[s] !== 0 || i === a) continue;
        const k = capClass(w);
        if (k === 0) c[1]++;
        else if (k === 1 || k === 2) c[2]++;
      }
    });
  }
  const known = new Set<number>();
  const lower = new Set<number>();
  for (const [w, [n, lo, up]] of counts) {
    if (n >= minCount) known.add(hashString(w));
    if (n >= minCount && lo > up) lower.add(hashString(w));
  }
  return { known, lower, names: buildGazetteer(docs) };
}

/** The names tagged in the documents, as a gazetteer (word-sequence hashes → type masks). */
export function buildGazetteer(docs: ConllDoc[]): Map<number, number> {
  const gaz = new Map<number, number>();
  for (const d of docs) {
    for (const { start, end, type } of labelSpans(d.labels)) {
      if (end - start > MAX_NAME) continue;
      let key = firstKey(hashString(lowerForm(normalizeChars(d.words[start]))));
      for (let i = start + 1; i < end; i++) key = nextKey(key, hashString(lowerForm(normalizeChars(d.words[i]))));
      gaz.set(key, (gaz.get(key) ?? 0) | (1 << TYPES.indexOf(type)));
    }
  }
  return gaz;
}

/**
 * Featurises the documents after adding headline copies of some sentences.
 * Document d sees the gazetteer of the folds other than d % folds, so that its
 * own names are found only when another document also had them.
 */
export function buildDocs(docs: ConllDoc[], augmentEvery: number, lexicon: Lexicon | null, folds: number): TrainDoc[] {
  // The lists of the data packages (bits above the types) are the same for every fold.
  const lists = [...(lexicon?.names ?? new Map<number, number>())].filter(([, m]) => m & ~0xf);
  const foldNames = Array.from({ length: folds }, (_, f) => {
    const names = buildGazetteer(docs.filter((_, d) => d % folds !== f));
    for (const [k, m] of lists) names.set(k, (names.get(k) ?? 0) | (m & ~0xf));
    return names;
  });
  const make = (doc: ConllDoc, fold: number): TrainDoc => {
    const words = doc.words.map(normalizeChars);
    const lex = lexicon && { ...lexicon, names: foldNames[fold] };
    return {
      words,
      sentences: doc.sentences,
      labels: doc.labels,
      feats: featurize({ words, sentences: doc.sentences }, STRIDE, lex),
      fold,
    };
  };
  return docs.flatMap((d, k) => {
    // Headline copies stay in their source's fold: their names are the source's.
    const { doc, headlines } = augmentDoc(d, augmentEvery);
    return headlines ? [make(doc, k % folds), make(headlines, k % folds)] : [make(doc, k % folds)];
  });
}

/** One training item per sentence of the documents. */
export function sentenceItems(docs: TrainDoc[]): TrainItem[] {
  return docs.flatMap((d) => d.sentences.map(([a, b]) => ({ feats: d.feats, a, b, gold: d.labels })));
}

/** Micro F1 over PER/ORG/LOC of `model` on gold CoNLL documents (CoNLL tokens and sentences). */
export function devScore(model: Model, docs: ConllDoc[]): number {
  const gold: ScoredSpan[] = [];
  const pred: ScoredSpan[] = [];
  docs.forEach((doc, d) => {
    const labels = tagWords(model, { words: doc.words.map(normalizeChars), sentences: doc.sentences });
    for (const [a, b] of doc.sentences) {
      for (const s of labelSpans(doc.labels, a, b)) gold.push({ doc: d, ...s });
      for (const s of labelSpans(labels, a, b)) pred.push({ doc: d, ...s });
    }
  });
  return prf(countMatches(gold, pred), ['PER', 'ORG', 'LOC']).f;
}
