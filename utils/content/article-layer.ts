import type { Analysis, EntityType } from '../analysis/types';
import { textRange, type TextMap } from '../dom/text-map';
import type { PageEntity, PageQuote } from '../messaging/protocol';
import type { Highlighter } from './highlighter';

/** Paint order: the reader's own highlights above quotations above entities. */
export const PRIORITY = { entity: 10, quote: 20, focus: 25, user: 30 } as const;

/** Something Gloss painted, with what the hover card says of it. */
export type PaintedItem = {
  kind: 'quote' | 'entity';
  range: Range;
  /** Index of the quote, or of the entity group. */
  index: number;
  title: string;
  detail: string;
};

const TYPE_NAMES: Record<EntityType, string> = {
  PER: 'Person',
  ORG: 'Organisation',
  LOC: 'Place',
  MISC: 'Other name',
};

/** The article's quotations and entities as painted highlights. */
export class ArticleLayer {
  items: PaintedItem[] = [];
  quotes: PageQuote[] = [];
  entities: PageEntity[] = [];
  /** Mention ranges of each entity, in text order, for stepping through them. */
  private mentions: Range[][] = [];
  private quoteRanges: Range[][] = [];

  constructor(private readonly highlighter: Highlighter) {}

  /** Paints `analysis` of the text in `map`; `dark` picks colours for dark pages. */
  show(map: TextMap, analysis: Analysis, dark: boolean): void {
    this.clear();
    const suffix = dark ? '-dark' : '';
    const byName = new Map<string, Range[]>();
    const add = (name: string, range: Range) => {
      const list = byName.get(name) ?? [];
      list.push(range);
      byName.set(name, list);
    };
    analysis.quotes.forEach((q, i) => {
      const range = textRange(map, q.start, q.end);
      this.quotes.push({ index: i, text: q.text, speaker: q.speaker });
      this.quoteRanges.push(range ? [range] : []);
      if (!range) return;
      add(`gloss-quote${suffix}`, range);
      this.items.push({ kind: 'quote', range, index: i, title: 'Quotation', detail: q.speaker ?? 'Speaker unclear' });
    });
    analysis.entityGroups.forEach((g, i) => {
      this.entities.push({ index: i, name: g.name, type: g.type, count: g.mentions.length });
      const ranges: Range[] = [];
      for (const m of g.mentions) {
        const range = textRange(map, m.start, m.end);
        if (!range) continue;
        ranges.push(range);
        add(`gloss-${g.type.toLowerCase()}${suffix}`, range);
        const count = g.mentions.length;
        this.items.push({
          kind: 'entity',
          range,
          index: i,
          title: TYPE_NAMES[g.type],
          detail: `${g.name} · ${count} mention${count === 1 ? '' : 's'}`,
        });
      }
      this.mentions.push(ranges);
    });
    for (const [name, ranges] of byName) {
      this.highlighter.set(name, ranges, name.startsWith('gloss-quote') ? PRIORITY.quote : PRIORITY.entity);
    }
  }

  /** The range of a quotation, or of the `step`-th mention of an entity (wrapping). */
  rangeOf(kind: 'quote' | 'entity', index: number, step = 0): Range | null {
    const list = (kind === 'quote' ? this.quoteRanges : this.mentions)[index];
    if (!list?.length) return null;
    return list[((step % list.length) + list.length) % list.length];
  }

  /** Which of its list a painted range is: the mention's step of an entity, 0 for a quotation (-1 if not listed). */
  stepOf(kind: 'quote' | 'entity', index: number, range: Range): number {
    return ((kind === 'quote' ? this.quoteRanges : this.mentions)[index] ?? []).indexOf(range);
  }

  /** Indexes of the painted quotations, in text order. */
  paintedQuotes(): number[] {
    return this.quoteRanges.flatMap((r, i) => (r.length ? [i] : []));
  }

  clear(): void {
    this.highlighter.clear('gloss-quote');
    for (const t of ['per', 'org', 'loc', 'misc']) this.highlighter.clear(`gloss-${t}`);
    this.items = [];
    this.quotes = [];
    this.entities = [];
    this.mentions = [];
    this.quoteRanges = [];
  }
}
