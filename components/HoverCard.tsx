/** What the hover card shows, and where. */
export type HoverInfo = { title: string; detail: string; x: number; y: number };

/** A small card naming what is under the pointer: a quotation's speaker, an entity, a note. */
export function HoverCard({ title, detail, x, y }: HoverInfo) {
  const style = { left: `${Math.min(x + 12, window.innerWidth - 260)}px`, top: `${y + 16}px` };
  return (
    <div class="card" role="tooltip" style={style}>
      <div class="card-title">{title}</div>
      <div class="card-detail">{detail}</div>
    </div>
  );
}
