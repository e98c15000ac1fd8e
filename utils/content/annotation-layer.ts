import { anchor } from '../anchoring';
import type { Annotation, HighlightColor } from '../db/types';
import { textRange, type TextMap } from '../dom/text-map';
import type { PageAnnotation } from '../messaging/protocol';
import { PRIORITY } from './article-layer';
import type { Highlighter } from './highlighter';
import { inSlices, SLICE_MS } from './slices';

type Entry = { annotation: Annotation; range: Range | null };

/** Whether a range still lies in the page (its nodes were not removed). */
const connected = (r: Range | null) => !!r && r.startContainer.isConnected && r.endContainer.isConnected;

/**
 * The reader's saved highlights on this page: anchored in the page's text and
 * painted by colour. One that cannot be found is kept as an orphan, listed,
 * never painted.
 */
export class AnnotationLayer {
  private entries: Entry[] = [];
  private dark = false;
  /** The anchoring run under way; a newer one cancels it. */
  private run = 0;
  private running: Promise<boolean> = Promise.resolve(true);

  /** @param sliceBudget ms of anchoring between the page's turns (a seam for tests). */
  constructor(
    private readonly highlighter: Highlighter,
    private readonly sliceBudget = SLICE_MS,
  ) {}

  /**
   * Anchors `annotations` in `map` afresh, in slices of a few milliseconds
   * with the page's turn between them, painting those found after each slice.
   * Until its turn, a highlight keeps its old place if that is still in the
   * page. Resolves true when done, false when a newer run replaced this one.
   */
  anchorAll(map: TextMap, annotations: Annotation[], dark: boolean): Promise<boolean> {
    this.dark = dark;
    const run = ++this.run;
    const before = new Map(this.entries.map((e) => [e.annotation.id, e.range]));
    const todo: Entry[] = annotations.map((annotation) => {
      const old = before.get(annotation.id) ?? null;
      return { annotation, range: connected(old) ? old : null };
    });
    this.entries = [...todo];
    this.running = inSlices(
      todo,
      (entry) => {
        entry.range = locate(map, entry.annotation);
      },
      {
        budget: this.sliceBudget,
        cancelled: () => run !== this.run,
        afterSlice: () => run === this.run && this.paint(),
      },
    );
    return this.running;
  }

  /** Resolves once the anchoring under way (if any) is over. */
  async settled(): Promise<void> {
    while (!(await this.running));
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
