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

/**
 * Builds a TextMap from text nodes in document order. White space is collapsed
 * as a browser renders it (runs become one space, none at block edges); blocks
 * are separated with `separate()`.
 */
export class TextMapBuilder {
  private text = '';
  private segments: TextSegment[] = [];
  /** Whether the text ends with white space or a separator (or is empty). */
  private atBreak = true;

  /** Appends a text node's characters, collapsing white space unless told not to. */
  appendNode(node: Text, preserveWhitespace = false): void {
    const data = node.data;
    let current: TextSegment | null = null;
    let out = '';
    for (let i = 0; i < data.length; i++) {
      let ch = data[i];
      if (!preserveWhitespace && SPACE.test(ch)) {
        if (this.atBreak) {
          current = null;
          continue;
        }
        ch = ' ';
        this.atBreak = true;
      } else {
        this.atBreak = ch === '\n';
      }
      const at = this.text.length + out.length;
      if (current && current.end === at && current.nodeOffset + (at - current.start) === i) {
        current.end++;
      } else {
        current = { start: at, end: at + 1, node, nodeOffset: i };
        this.segments.push(current);
      }
      out += ch;
    }
    this.text += out;
  }

  /** Ends a block: trailing white space is dropped and `separator` appended once. */
  separate(separator = '\n\n'): void {
    if (this.text.length === 0 || this.text.endsWith(separator)) return;
    this.appendSeparator(separator);
  }

  /** Appends characters that map to no node (e.g. a line break for `<br>`). */
  appendSeparator(chars: string): void {
    this.trimTrailingSpace();
    this.text += chars;
    this.atBreak = true;
  }

  /** The text, without trailing white space, and its segments. */
  build(): TextMap {
    this.trimTrailingSpace();
    const text = this.text.replace(/\s+$/, '');
    const segments = this.segments.filter((s) => s.start < text.length);
    const last = segments[segments.length - 1];
    if (last && last.end > text.length) last.end = text.length;
    return { text, segments };
  }

  private trimTrailingSpace(): void {
    if (!this.text.endsWith(' ')) return;
    this.text = this.text.slice(0, -1);
    const last = this.segments[this.segments.length - 1];
    if (last && last.end > this.text.length) {
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

/** The text offset of a DOM position, or null if it is not in the map. */
export function textOffset(map: TextMap, node: Node, offset: number): number | null {
  for (const seg of map.segments) {
    if (seg.node !== node) continue;
    const len = seg.end - seg.start;
    if (offset >= seg.nodeOffset && offset <= seg.nodeOffset + len) return seg.start + offset - seg.nodeOffset;
  }
  return null;
}
