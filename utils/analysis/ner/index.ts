/**
 * Named entities: a statistical tagger (averaged perceptron over hashed
 * features, trained on CoNLL-2003 by scripts/train-ner.ts) and in-article
 * coreference of short forms.
 */
import type { EntityMention } from '../types';
import { FEATURE_VERSION, lowerForm } from './features';
import { firstKey, listBit } from './gazetteer';
import { hashString } from './hash';
import { labelSpans } from './labels';
import { decodeModel } from './model';
import { agreeTypes } from './agreement';
import { markDatelines } from './dateline';
import {
  applyTitles,
  dropArticles,
  dropFurniture,
  dropVerbs,
  joinHyphenated,
  joinOrgans,
  pluralFamilies,
} from './rules';
import { splitSentences } from './sentences';
import { tagWords } from './tagger';
import { tokenize } from './tokenize';

export { resolveEntities } from './coref';

/** A loaded named-entity tagger. */
export type Tagger = { tag(text: string): EntityMention[] };

/**
 * Loads a tagger from the bytes of `public/models/ner.bin`. Empty bytes give a
 * tagger that finds nothing (a build without the model still runs); bytes that
 * are not a model of this version throw.
 */
export function loadTagger(bytes: Uint8Array): Tagger {
  if (bytes.byteLength === 0) return { tag: () => [] };
  const model = decodeModel(bytes, FEATURE_VERSION);
  const isGiven = (w: string) =>
    ((model.lexicon.names.get(firstKey(hashString(lowerForm(w)))) ?? 0) & listBit(0)) !== 0;
  return {
    tag(text: string): EntityMention[] {
      const { tokens, lineBreakBefore } = tokenize(text);
      const sentences = splitSentences(tokens, lineBreakBefore);
      const words = tokens.map((t) => t.norm);
      const labels = tagWords(model, { words, sentences });
      markDatelines(words, sentences, labels);
      applyTitles(words, labels);
      agreeTypes(words, labels, isGiven);
      dropVerbs(words, labels);
      dropArticles(words, labels);
      joinHyphenated(words, labels);
      joinOrgans(words, labels);
      pluralFamilies(words, labels);
      dropFurniture(words, lineBreakBefore, labels);
      return labelSpans(labels).map(({ start, end, type }) => {
        const s = tokens[start].start;
        const e = tokens[end - 1].end;
        return { start: s, end: e, text: text.slice(s, e), type };
      });
    },
  };
}
