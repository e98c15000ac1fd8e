/**
 * Named entities: a statistical tagger (averaged perceptron over hashed
 * features, trained on CoNLL-2003 by scripts/train-ner.ts) and in-article
 * coreference of short forms.
 */
import type { EntityMention } from '../types';
import { FEATURE_VERSION, lowerForm } from './features';
import { firstKey, listBit, nextKey } from './gazetteer';
import { hashString } from './hash';
import { labelSpans } from './labels';
import { decodeModel } from './model';
import { agreeTypes } from './agreement';
import { markDatelines } from './dateline';
import {
  applyTitles,
  dropArticles,
  dropFurniture,
  dropInterjections,
  dropVerbs,
  headlineWords,
  joinHyphenated,
  joinOrgans,
  listedPlaces,
  onPlatforms,
  orgSuffixes,
  orgWords,
  pluralFamilies,
  splitPlaces,
  unintroducedPersons,
  unlistedPlaces,
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
      // What the gazetteer knows words [a, b) as; a lone word usually written in lower case
      // ("federal", "republic", both also towns somewhere) is no listed place.
      const known = (a: number, b: number) => {
        const first = hashString(lowerForm(words[a]));
        if (b === a + 1 && model.lexicon.lower.has(first)) return 0;
        let key = firstKey(first);
        for (let i = a + 1; i < b; i++) key = nextKey(key, hashString(lowerForm(words[i])));
        return model.lexicon.names.get(key) ?? 0;
      };
      const lowered = new Uint8Array(words.length);
      const labels = tagWords(model, { words, sentences }, lowered);
      headlineWords(words, labels, lowered, known);
      markDatelines(words, sentences, labels);
      applyTitles(words, labels);
      orgSuffixes(words, labels);
      onPlatforms(words, labels, known);
      orgWords(words, labels);
      agreeTypes(words, labels, isGiven, (a, b) => known(a, b) & 0xf);
      unintroducedPersons(words, sentences, labels, known);
      unlistedPlaces(words, labels, known);
      listedPlaces(words, labels, known);
      dropVerbs(words, labels);
      dropInterjections(words, labels);
      dropArticles(words, labels);
      joinHyphenated(words, labels);
      joinOrgans(words, labels);
      splitPlaces(words, labels, known);
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
