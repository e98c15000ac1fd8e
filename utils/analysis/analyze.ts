import { resolveEntities, type Tagger } from './ner';
import { findQuotes } from './quotes';
import type { Analysis } from './types';

/**
 * The whole analysis of one article text: named entities (with in-article
 * coreference), then quotations, whose speakers are resolved against them.
 * Pure: the same code runs in the background and in the analyse command.
 */
export function analyzeText(text: string, tagger: Tagger): Analysis {
  const { entities, groups } = resolveEntities(text, tagger.tag(text));
  const quotes = findQuotes(text, entities, groups);
  return { quotes, entities, entityGroups: groups };
}
