/**
 * Plain text built from DOM text nodes, with a map from every character back
 * to the node and offset it came from. Analysis works on the text; painting
 * and anchoring turn text offsets back into live DOM Ranges through the map.
 */

/** A run of text characters that map one to one onto characters of a node. */
export type TextSegment = {
  /** Offset of the run in the text. */
  start: number;
  end: number;
  node: Text;
  /** Offset in `node.data` of the run's first character. */
  nodeOffset: number;
};

/** Text plus its segments, in text order. Characters outside every segment are separators. */
export type TextMap = { text: string; segments: TextSegment[] };

const SPACE = /[\s\u00a0]/;
const SOFT_HYPHEN = 0xad;

/** White space test, with the common ASCII cases answered without a regex. */
function isSpace(code: number, ch: string): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 160 || SPACE.test(ch);
}

/**
 * Builds a TextMap from text nodes in document order. White space is collapsed
 * as a browser renders it (runs become one space, none at block edges); blocks
 * are separated with `separate()`.
 */
export class TextMapBuilder {
  // The text is kept in parts with its length and last characters tracked:
  // growing, testing and trimming one long string was quadratic on big pages.
  private parts: string[] = [];
  private length = 0;
  private tail = '';
  private segments: TextSegment[] = [];
  /** Whether the text ends with white space or a separator (or is empty). */
  private atBreak = true;
  /** A collapsed space not yet written: dropped if a block ends first. */
  private pendingSpace: { node: Text; offset: number } | null = null;

  /** Appends a text node's characters, collapsing white space unless told not to. */
  appendNode(node: Text, preserveWhitespace = false): void {
    const data = node.data;
    const n = data.length;
    let i = 0;
    while (i < n) {
      // A soft hyphen is invisible unless a line breaks there: left out of the
      // text, so that "news\u00ADpaper" is the word "newspaper" to the analysis.
      if (data.charCodeAt(i) === SOFT_HYPHEN) {
        i++;
        continue;
      }
      if (!preserveWhitespace && isSpace(data.charCodeAt(i), data[i])) {
        if (!this.atBreak) {
          this.pendingSpace = { node, offset: i };
          this.atBreak = true;
        }
        i++;
        continue;
      }
      // A run of characters kept as they are.
      let j = i + 1;
      if (preserveWhitespace) j = n;
      else while (j < n && !isSpace(data.charCodeAt(j), data[j]) && data.charCodeAt(j) !== SOFT_HYPHEN) j++;
      if (this.pendingSpace) {
        this.emit(' ', this.pendingSpace.node, this.pendingSpace.offset);
        this.pendingSpace = null;
      }
      this.emit(data.slice(i, j), node, i);
      this.atBreak = data[j - 1] === '\n';
      i = j;
    }
  }

  /** Writes characters that map one to one onto `node` from `offset`. */
  private emit(chars: string, node: Text, offset: number): void {
    const at = this.length;
    const last = this.segments[this.segments.length - 1];
    if (last && last.node === node && last.end === at && last.nodeOffset + (at - last.start) === offset)
      last.end += chars.length;
    else this.segments.push({ start: at, end: at + chars.length, node, nodeOffset: offset });
    this.push(chars);
  }

  /** Ends a block: trailing white space is dropped and `separator` appended once. */
  separate(separator = '\n\n'): void {
    if (this.length === 0 || this.endsWith(separator)) return;
    this.appendSeparator(separator);
  }

  /** Appends characters that map to no node (e.g. a line break for `<br>`). */
  appendSeparator(chars: string): void {
    this.trimTrailingSpace();
    this.push(chars);
    this.atBreak = true;
  }

  /** The text, without trailing white space, and its segments. */
  build(): TextMap {
    this.trimTrailingSpace();
    const text = this.parts.join('').replace(/\s+$/, '');
    const segments = this.segments.filter((s) => s.start < text.length);
    const last = segments[segments.length - 1];
    if (last && last.end > text.length) last.end = text.length;
    return { text, segments };
  }

  private push(chars: string): void {
    if (!chars) return;
    this.parts.push(chars);
    this.length += chars.length;
    this.tail = (this.tail + chars).slice(-8);
  }

  private endsWith(s: string): boolean {
    return s.length <= this.tail.length ? this.tail.endsWith(s) : this.parts.join('').endsWith(s);
  }

  private trimTrailingSpace(): void {
    this.pendingSpace = null;
    if (!this.tail.endsWith(' ')) return; // a literal space from preserved white space
    const lastPart = this.parts[this.parts.length - 1];
    this.parts[this.parts.length - 1] = lastPart.slice(0, -1);
    this.length--;
    this.tail = this.tail.slice(0, -1);
    const last = this.segments[this.segments.length - 1];
    if (last && last.end > this.length) {
      last.end--;
      if (last.end === last.start) this.segments.pop();
    }
  }
}

/** Index of the last segment starting at or before `offset`, or -1. */
function segmentAt(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A DOM position (node, offset) for a text offset, or null if the text has none. */
export function domPosition(
  map: TextMap,
  offset: number,
  edge: 'start' | 'end',
): { node: Text; offset: number } | null {
  const { segments } = map;
  if (segments.length === 0) return null;
  const i = segmentAt(segments, edge === 'end' ? offset - 1 : offset);
  if (edge === 'start') {
    const seg = i >= 0 && offset < segments[i].end ? segments[i] : segments[i + 1];
    if (!seg) return null;
    const delta = Math.max(0, offset - seg.start);
    return { node: seg.node, offset: seg.nodeOffset + delta };
  }
  const seg = i >= 0 ? segments[i] : null;
  if (!seg) return null;
  const delta = Math.min(seg.end, offset) - seg.start;
  return { node: seg.node, offset: seg.nodeOffset + delta };
}

/** A live Range covering text offsets [start, end), or null if nothing maps there. */
export function textRange(map: TextMap, start: number, end: number): Range | null {
  if (end <= start) return null;
  const from = domPosition(map, start, 'start');
  const to = domPosition(map, end, 'end');
  if (!from || !to) return null;
  const doc = from.node.ownerDocument;
  if (!doc) return null;
  const range = doc.createRange();
  try {
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
  } catch {
    return null; // the node changed under us
  }
  return range.collapsed ? null : range;
}

/**
 * The text offset of a DOM boundary point (as in a Selection's Range), which
 * may sit in a text node or between elements. A point between segments snaps
 * forward for a start and backward for an end, so a range never begins or ends
 * with a block separator (a paragraph selected to the start of the next one
 * ends with its own last character); null if no text is there.
 */
export function boundaryOffset(map: TextMap, node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const { segments } = map;
  if (segments.length === 0) return null;
  const doc = node.nodeType === 9 ? (node as Document) : node.ownerDocument;
  if (!doc) return null;
  const probe = doc.createRange();
  try {
    probe.setStart(node, offset);
  } catch {
    return null;
  }
  probe.collapse(true);
  // Last segment that starts at or before the point: segments are in document order.
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid];
    if (seg.node.ownerDocument !== doc || probe.comparePoint(seg.node, seg.nodeOffset) <= 0) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found === -1) return edge === 'start' ? segments[0].start : null;
  const seg = segments[found];
  const length = seg.end - seg.start;
  if (node === seg.node && offset <= seg.nodeOffset + length) {
    const at = seg.start + offset - seg.nodeOffset;
    // At a segment's edge the point may equally stand on the other side of a separator.
    if (edge === 'end' && at === seg.start && found > 0) return segments[found - 1].end;
    if (edge === 'start' && at === seg.end) return segments[found + 1]?.start ?? at;
    return at;
  }
  if (edge === 'end') return seg.end;
  return segments[found + 1]?.start ?? null;
}
