import { anchor } from '../anchoring';
import type { Annotation, HighlightColor } from '../db/types';
import { textRange, type TextMap } from '../dom/text-map';
import type { PageAnnotation } from '../messaging/protocol';
import { PRIORITY } from './article-layer';
import type { Highlighter } from './highlighter';

type Entry = { annotation: Annotation; range: Range | null };

/**
 * The reader's saved highlights on this page: anchored in the page's text and
 * painted by colour. One that cannot be found is kept as an orphan, listed,
 * never painted.
 */
export class AnnotationLayer {
  private entries: Entry[] = [];
  private dark = false;

  constructor(private readonly highlighter: Highlighter) {}

  /** Anchors `annotations` in `map` afresh and paints those found. */
  anchorAll(map: TextMap, annotations: Annotation[], dark: boolean): void {
    this.dark = dark;
    this.entries = annotations.map((annotation) => ({ annotation, range: locate(map, annotation) }));
    this.paint();
  }

  /** Adds a just-saved annotation at a range the reader selected; `dark` is whether the page is dark now. */
  add(annotation: Annotation, range: Range | null, dark: boolean): void {
    this.dark = dark;
    this.entries = this.entries.filter((e) => e.annotation.id !== annotation.id);
    this.entries.push({ annotation, range });
    this.paint();
  }

  /** Replaces the record of an annotation (a new note or colour), keeping its place. */
  update(annotation: Annotation): void {
    const entry = this.entries.find((e) => e.annotation.id === annotation.id);
    if (entry) entry.annotation = annotation;
    this.paint();
  }

  remove(id: string): void {
    this.entries = this.entries.filter((e) => e.annotation.id !== id);
    this.paint();
  }

  /** Every annotation of the page and whether it was found. */
  state(): PageAnnotation[] {
    return this.entries.map((e) => ({ annotation: e.annotation, anchored: e.range !== null }));
  }

  /** Painted annotations with their ranges, for hit-testing. */
  painted(): { annotation: Annotation; range: Range }[] {
    return this.entries.filter((e): e is { annotation: Annotation; range: Range } => e.range !== null);
  }

  rangeOf(id: string): Range | null {
    return this.entries.find((e) => e.annotation.id === id)?.range ?? null;
  }

  private paint(): void {
    const byColour = new Map<HighlightColor, Range[]>();
    for (const e of this.entries) {
      if (!e.range) continue;
      const list = byColour.get(e.annotation.color) ?? [];
      list.push(e.range);
      byColour.set(e.annotation.color, list);
    }
    this.highlighter.clear('gloss-user');
    const suffix = this.dark ? '-dark' : '';
    for (const [colour, ranges] of byColour)
      this.highlighter.set(`gloss-user-${colour}${suffix}`, ranges, PRIORITY.user);
  }
}

function locate(map: TextMap, annotation: Annotation): Range | null {
  const found = anchor(map.text, annotation.target.selectors);
  return found ? textRange(map, found.start, found.end) : null;
}
