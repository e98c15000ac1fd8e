/** One entry of the hover card: what a mark is, and what Gloss knows of it. */
export type HoverEntry = { title: string; detail: string };

/** What the hover card shows (every mark under the pointer, topmost first), and where. */
export type HoverInfo = { entries: HoverEntry[]; x: number; y: number };

/**
 * A small card naming what is under the pointer: the reader's note, a
 * quotation's speaker, an entity. Marks overlap (a name inside a quotation
 * inside a highlight): each gets its line in a stack, so none is out of reach.
 */
export function HoverCard({ entries, x, y }: HoverInfo) {
  const style = { left: `${Math.min(x + 12, window.innerWidth - 260)}px`, top: `${y + 16}px` };
  return (
    <div class="card" role="tooltip" style={style}>
      {entries.map((e, i) => (
        <div class="card-entry" key={i}>
          <div class="card-title">{e.title}</div>
          <div class="card-detail">{e.detail}</div>
        </div>
      ))}
    </div>
  );
}
