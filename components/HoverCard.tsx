import { useEffect, useRef } from 'preact/hooks';
import { cycleTab } from './tab-cycle';

/** Something the reader can do from a card entry: jump to the next quotation, the previous mention, edit a note. */
export type CardAction = { id: string; label: string; title: string; run: () => void };

/** One entry of the card: what a mark is, and what Gloss knows of it. */
export type HoverEntry = {
  kind: 'note' | 'quote' | 'entity';
  /** What the mark is: "Quotation", "Person", "Your highlight". */
  title: string;
  /** Who said it, the name, or the reader's note. */
  detail: string;
  /** A line of counts: "1 of 2 quotations by Wang Yi in this article", "Mention 2 of 5". */
  meta?: string;
  actions?: CardAction[];
  /** A plain link the reader may follow (Gloss itself requests nothing). */
  link?: { href: string; label: string };
};

/**
 * What the card shows (every mark at the point, topmost first), and where:
 * under `y`, or above `top` when there is no room below.
 */
export type HoverInfo = {
  entries: HoverEntry[];
  x: number;
  y: number;
  top?: number;
  /** Where the card takes the focus when opened from the keyboard: an entry, and one of its actions. */
  focus?: { entry: number; action?: string };
  /** Opened from the keyboard without the focus (a focused link in a mark): it stays while the pointer moves. */
  pinned?: boolean;
  onClose?: () => void;
  /** Told when the pointer enters (true) or leaves (false) the card. */
  onPointer?: (inside: boolean) => void;
};

/** Room the card needs below the mark before it goes above it instead, in px. */
const ROOM = 170;

/**
 * A small card naming what is under the pointer or the keyboard: the
 * reader's note, a quotation's speaker and their other quotations, an entity
 * with its mentions. Marks overlap (a name inside a quotation inside a
 * highlight): each gets its part of the stack, and the arrow keys move
 * between them; Escape closes the card.
 */
export function HoverCard({ entries, x, y, top, focus, onClose, onPointer }: HoverInfo) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focus) return;
    const part = root.current?.querySelectorAll<HTMLElement>('.card-entry')[focus.entry];
    const target = (focus.action && part?.querySelector<HTMLElement>(`[data-action="${focus.action}"]`)) || part;
    (target?.matches('.card-entry') ? (target.querySelector<HTMLElement>('button, a') ?? target) : target)?.focus();
  }, [focus, entries]);
  const below = y + ROOM < window.innerHeight || top === undefined;
  const style = {
    left: `${Math.max(4, Math.min(x, window.innerWidth - 292))}px`,
    ...(below ? { top: `${y + 8}px` } : { bottom: `${window.innerHeight - top + 8}px` }),
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.isTrusted || cycleTab(e)) return;
    const action = (e.target as HTMLElement | null)?.dataset?.action;
    if (action && (e.key === 'Enter' || e.key === ' ')) {
      // Done here: Firefox does not activate buttons on Enter on every keyboard path.
      e.preventDefault();
      const parts = [...(root.current?.querySelectorAll('.card-entry') ?? [])];
      const entry = entries[parts.findIndex((p) => p.contains(e.target as Node))];
      entry?.actions?.find((a) => a.id === action)?.run();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose?.();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      // The next (or previous) entry of the stack: the mark under this one.
      const parts = [...(root.current?.querySelectorAll<HTMLElement>('.card-entry') ?? [])];
      const at = parts.findIndex((p) => p.contains(e.target as Node));
      const next = parts[(at + (e.key === 'ArrowDown' ? 1 : -1) + parts.length) % parts.length];
      const target = next?.querySelector<HTMLElement>('button, a') ?? next;
      if (target) {
        e.preventDefault();
        target.focus();
      }
    }
  };
  return (
    <div
      class="card"
      role="dialog"
      aria-label="Gloss"
      style={style}
      ref={root}
      onKeyDown={onKeyDown}
      onPointerEnter={() => onPointer?.(true)}
      onPointerLeave={() => onPointer?.(false)}
    >
      {entries.map((e, i) => (
        <section class="card-entry" data-kind={e.kind} key={i} tabIndex={e.actions?.length || e.link ? undefined : -1}>
          <div class="card-title">{e.title}</div>
          <div class="card-detail">{e.detail}</div>
          {e.meta && <div class="card-meta">{e.meta}</div>}
          {(e.actions?.length || e.link) && (
            <div class="card-actions">
              {e.actions?.map((a) => (
                <button type="button" key={a.id} data-action={a.id} title={a.title} onClick={a.run}>
                  {a.label}
                </button>
              ))}
              {e.link && (
                <a href={e.link.href} target="_blank" rel="noreferrer noopener">
                  {e.link.label}
                </a>
              )}
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
