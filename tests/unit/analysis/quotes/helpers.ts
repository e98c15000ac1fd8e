import { findQuotes } from '../../../../utils/analysis/quotes';

/** Quotations of a passage as [text, speaker] pairs, without the tagger's entities. */
export function quotes(text: string): [string, string | null][] {
  return findQuotes(text, [], []).map((q) => [q.text, q.speaker]);
}

/** Just the quoted words of each quotation. */
export function spans(text: string): string[] {
  return findQuotes(text, [], []).map((q) => q.text);
}
