import { resolveEntities, type Tagger } from './ner';
import { findQuotes } from './quotes';
import type { Analysis } from './types';

/**
 * The whole analysis of one article text: named entities (with in-article
 * coreference), then quotations, whose speakers are resolved against them.
 * With `names: false` (a page not in English: `analysesNames` in
 * `utils/messaging/protocol.ts`) the tagger is not asked and the quotations
 * come without speakers, which the analysis finds through English grammar.
 * Pure: the same code runs in the background and in the analyse command.
 */
export function analyzeText(text: string, tagger: Tagger, { names = true }: { names?: boolean } = {}): Analysis {
  const { entities, groups } = resolveEntities(text, names ? tagger.tag(text) : []);
  const quotes = findQuotes(text, entities, groups);
  if (!names) for (const q of quotes) q.speaker = null;
  return { quotes, entities, entityGroups: groups };
}
