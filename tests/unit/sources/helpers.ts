/** Articles to remember in tests: text with quotations, built into records by the real builder. */
import type { Analysis, EntityType } from '../../../utils/analysis/types';
import { buildSourceRecord, type SourceRecord } from '../../../utils/sources/record';

/** One quotation: its words and who said it (a name or a description). */
export type Said = { words: string; speaker: string | null };

/**
 * A record for an article at `url` whose text holds each quotation, with
 * entities (name, type, and the spellings mentioned).
 */
export function article(
  url: string,
  said: Said[],
  entities: Array<{ name: string; type: EntityType; mentions: string[] }> = [],
  meta: { title?: string; publisher?: string; published?: string } = {},
): SourceRecord {
  let text = '';
  const quotes: Analysis['quotes'] = [];
  for (const s of said) {
    text += `${s.speaker ?? 'Someone'} said: “`;
    quotes.push({ start: text.length, end: text.length + s.words.length, text: s.words, speaker: s.speaker });
    text += `${s.words}.” `;
  }
  const entityGroups: Analysis['entityGroups'] = entities.map((e) => ({
    type: e.type,
    name: e.name,
    mentions: e.mentions.map((m) => {
      const start = text.length;
      text += `${m} `;
      return { start, end: start + m.length };
    }),
  }));
  return buildSourceRecord({
    url,
    metadata: {
      title: meta.title ?? `Story at ${url}`,
      publisher: meta.publisher ?? 'The Daily Example',
      byline: null,
      published: meta.published ?? '2026-01-05T10:00:00Z',
      canonicalUrl: null,
      language: 'en',
    },
    text,
    analysis: { quotes, entityGroups },
  });
}
