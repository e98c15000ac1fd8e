/**
 * Finds which painted range is under the pointer. Highlights take no events,
 * so we ask the browser for the caret at the point and test our ranges.
 */

/** The DOM position of the caret at viewport point (x, y), if any. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const pos = d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Whether one of the range's boxes contains the point (the caret snaps to the nearest text). */
function underPoint(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

/**
 * The item whose range is under (x, y); among several, the one listed first
 * in `layers` (highest priority), then the shortest range.
 */
export function hitTest<T extends { range: Range }>(doc: Document, x: number, y: number, layers: T[][]): T | null {
  return hitTestAll(doc, x, y, layers, 1)[0] ?? null;
}

/**
 * Every layer's item under (x, y), in the order of `layers` (at most `max`):
 * the shortest range of each layer that has one there. Marks overlap (a name
 * inside a quotation), and each must stay within reach.
 */
export function hitTestAll<T extends { range: Range }>(
  doc: Document,
  x: number,
  y: number,
  layers: T[][],
  max = Infinity,
): T[] {
  const found: T[] = [];
  if (!layers.some((items) => items.length)) return found;
  const caret = caretAt(doc, x, y);
  if (!caret) return found;
  for (const items of layers) {
    let best: T | null = null;
    let bestLength = Infinity;
    for (const item of items) {
      try {
        if (!item.range.isPointInRange(caret.node, caret.offset)) continue;
      } catch {
        continue; // a node of another document, or gone
      }
      const length = item.range.toString().length;
      if (length < bestLength && underPoint(item.range, x, y)) {
        best = item;
        bestLength = length;
      }
    }
    if (best) found.push(best);
    if (found.length >= max) break;
  }
  return found;
}
