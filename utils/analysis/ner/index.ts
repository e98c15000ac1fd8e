import type { EntityGroup, EntityMention } from '../types';

/** A loaded named-entity tagger. (Placeholder until the trained tagger lands.) */
export type Tagger = { tag(text: string): EntityMention[] };

/** Loads a tagger from the bytes of `public/models/ner.bin`. */
export function loadTagger(_bytes: Uint8Array): Tagger {
  return { tag: () => [] };
}

/** Groups mentions that refer to the same entity (in-article coreference). */
export function resolveEntities(
  _text: string,
  mentions: EntityMention[],
): { entities: EntityMention[]; groups: EntityGroup[] } {
  return { entities: mentions, groups: [] };
}
