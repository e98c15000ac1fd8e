import type { Analysis, EntityType } from '../analysis/types';
import { textRange, type TextMap } from '../dom/text-map';
import type { PageEntity, PageQuote } from '../messaging/protocol';
import type { Highlighter } from './highlighter';
import { inSlices } from './slices';

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
  /** Counts `show`s and `clear`s: a slice of an earlier `show` sees that it was overtaken. */
  private run = 0;

  constructor(private readonly highlighter: Highlighter) {}

  /**
   * Paints `analysis` of the text in `map`; `dark` picks colours for dark pages. It works in slices
   * (`slices.ts`), painting as it goes: an article with thousands of marks must not hold the page up (Firefox
   * stops a script still running when its tab is closed, and says so in the browser console). Resolves true
   * once all is painted, false if `cancelled`, a newer `show` or a `clear` stopped it.
   */
  async show(map: TextMap, analysis: Analysis, dark: boolean, cancelled = () => false): Promise<boolean> {
    this.clear();
    const run = this.run;
    const suffix = dark ? '-dark' : '';
    const paint = (name: string, range: Range) =>
      this.highlighter.add(name, [range], name.startsWith('gloss-quote') ? PRIORITY.quote : PRIORITY.entity);
    analysis.entityGroups.forEach((g, i) => {
      this.entities.push({ index: i, name: g.name, type: g.type, count: g.mentions.length });
      this.mentions.push([]);
    });
    type Step = { quote: number } | { group: number; mention: number };
    const steps: Step[] = analysis.quotes.map((_, quote) => ({ quote }));
    analysis.entityGroups.forEach((g, group) => g.mentions.forEach((_, mention) => steps.push({ group, mention })));
    return inSlices(
      steps,
      (step) => {
        if ('quote' in step) {
          const q = analysis.quotes[step.quote];
          const range = textRange(map, q.start, q.end);
          this.quotes.push({ index: step.quote, text: q.text, speaker: q.speaker });
          this.quoteRanges.push(range ? [range] : []);
          if (!range) return;
          paint(`gloss-quote${suffix}`, range);
          const detail = q.speaker ?? 'Speaker unclear';
          this.items.push({ kind: 'quote', range, index: step.quote, title: 'Quotation', detail });
          return;
        }
        const g = analysis.entityGroups[step.group];
        const m = g.mentions[step.mention];
        const range = textRange(map, m.start, m.end);
        if (!range) return;
        this.mentions[step.group].push(range);
        paint(`gloss-${g.type.toLowerCase()}${suffix}`, range);
        const count = g.mentions.length;
        this.items.push({
          kind: 'entity',
          range,
          index: step.group,
          title: TYPE_NAMES[g.type],
          detail: `${g.name} · ${count} mention${count === 1 ? '' : 's'}`,
        });
      },
      { cancelled: () => run !== this.run || cancelled() },
    );
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
    this.run++;
    this.highlighter.clear('gloss-quote');
    for (const t of ['per', 'org', 'loc', 'misc']) this.highlighter.clear(`gloss-${t}`);
    this.items = [];
    this.quotes = [];
    this.entities = [];
    this.mentions = [];
    this.quoteRanges = [];
  }
}
