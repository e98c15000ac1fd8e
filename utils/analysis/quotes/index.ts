import type { EntityGroup, EntityMention, Quote } from '../types';

/** Direct quotations in `text` with their speakers. (Placeholder until the quote finder lands.) */
export function findQuotes(_text: string, _entities: EntityMention[], _groups: EntityGroup[]): Quote[] {
  return [];
}
