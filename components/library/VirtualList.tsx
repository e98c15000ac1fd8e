import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

type Props = {
  count: number;
  /** Height in pixels of row `i` (fixed per row: the list never measures). */
  height: (i: number) => number;
  /** Renders row `i`; `focused` says whether it holds the list's one tab stop. */
  row: (i: number, focused: boolean) => ComponentChildren;
  /** What the list is, for screen readers. */
  label: string;
  /** Called with the first and last row on screen, so the caller can load what they show. */
  onRange?: (first: number, last: number) => void;
  /** Keys the row with the tab stop handles besides moving (Enter, Delete...). */
  onRowKey?: (i: number, e: KeyboardEvent) => void;
  /**
   * What the rows answer (a search): the list starts again at the top when it changes. Rows coming and going
   * under the same answer (a deletion, an undo) keep the reader's place and focus.
   */
  resetKey: string;
};

/** Rows drawn beyond each edge of the viewport, so a fast scroll shows no gap. */
const OVERSCAN = 6;

/** The index of the last row starting at or before `y` (binary search over row tops). */
function rowAt(tops: Float64Array, y: number): number {
  let lo = 0;
  let hi = tops.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A windowed list: only the rows on screen are in the DOM, positioned by the
 * running sum of their heights, so 100,000 rows scroll like ten. One tab stop
 * (roving focus): arrows, Page Up/Down, Home and End move it.
 */
export function VirtualList({ count, height, row, label, onRange, onRowKey, resetKey }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [focus, setFocus] = useState(0);
  /** The row the keys moved to, focused once it is drawn. */
  const moved = useRef<number | null>(null);
  const tops = useMemo(() => {
    const t = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) t[i + 1] = t[i] + height(i);
    return t;
  }, [count, height]);
  const total = tops[count];
  const first = count ? Math.max(0, rowAt(tops, scrollTop) - OVERSCAN) : 0;
  const last = count ? Math.min(count - 1, rowAt(tops, scrollTop + viewport) + OVERSCAN) : -1;
  const current = Math.min(focus, Math.max(0, count - 1));

  useLayoutEffect(() => {
    const el = box.current!;
    const measure = () => setViewport(el.clientHeight || 600);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => onRange?.(first, last), [first, last, onRange]);
  // A new list (another search) starts at the top.
  useEffect(() => {
    setFocus(0);
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);
  // The row itself, not this render's `current`: an effect of an earlier render may run after the key (it would
  // focus the old row, and the key's own render would find nothing left to do).
  useEffect(() => {
    if (moved.current === null) return;
    const el = box.current?.querySelector<HTMLElement>(`[data-row="${moved.current}"]`);
    if (!el) return; // not drawn yet: a later render's effect focuses it
    moved.current = null;
    el.focus({ preventScroll: true });
  });

  const moveTo = (i: number) => {
    const next = Math.max(0, Math.min(count - 1, i));
    const el = box.current!;
    if (tops[next] < el.scrollTop) el.scrollTop = tops[next];
    else if (tops[next + 1] > el.scrollTop + el.clientHeight) el.scrollTop = tops[next + 1] - el.clientHeight;
    setScrollTop(el.scrollTop);
    moved.current = next;
    setFocus(next);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!row || e.target !== row) return; // keys in a row's buttons are theirs
    // The row itself says where it is: the tab stop's state may not have caught up with a focus just made.
    const at = Number(row.dataset.row);
    const page = Math.max(1, Math.floor(viewport / 80));
    const steps: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      PageDown: at + page,
      PageUp: at - page,
      Home: 0,
      End: count - 1,
    };
    if (e.key in steps) {
      e.preventDefault();
      moveTo(steps[e.key]);
    } else onRowKey?.(at, e);
  };

  // The row with the tab stop stays in the DOM when scrolled away, so Tab still reaches the list.
  const drawn = [];
  if (count && current < first) drawn.push(current);
  for (let i = first; i <= last; i++) drawn.push(i);
  if (count && current > last) drawn.push(current);
  const rows = [];
  for (const i of drawn) {
    rows.push(
      <div
        key={i}
        role="listitem"
        aria-posinset={i + 1}
        aria-setsize={count}
        data-row={i}
        tabIndex={i === current ? 0 : -1}
        onFocus={() => setFocus(i)}
        style={{ position: 'absolute', top: `${tops[i]}px`, height: `${height(i)}px`, left: 0, right: 0 }}
      >
        {row(i, i === current)}
      </div>,
    );
  }
  return (
    <div
      ref={box}
      class="virtual"
      role="list"
      aria-label={label}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div style={{ position: 'relative', height: `${total}px` }}>{rows}</div>
    </div>
  );
}
