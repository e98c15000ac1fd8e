// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../../utils/anchoring';
import { AnnotationLayer } from '../../../utils/content/annotation-layer';
import { Highlighter } from '../../../utils/content/highlighter';
import { pageTextMap } from '../../../utils/content/page-text';
import { inSlices } from '../../../utils/content/slices';
import type { Annotation } from '../../../utils/db/types';

/** A stand-in for the CSS Custom Highlight API, which happy-dom lacks. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}
const registry = () => (window.CSS as unknown as { highlights: Map<string, FakeHighlight> }).highlights;

beforeEach(() => {
  Object.defineProperty(window, 'Highlight', { value: FakeHighlight, configurable: true });
  Object.defineProperty(window, 'CSS', { value: { highlights: new Map() }, configurable: true });
});

describe('inSlices', () => {
  it('yields whenever a slice has used its budget, and does every item once', async () => {
    let clock = 0;
    const done: number[] = [];
    const slices: number[] = [];
    let pauses = 0;
    const ok = await inSlices([1, 2, 3, 4, 5, 6, 7], (n) => ((clock += 3), done.push(n)), {
      budget: 8,
      now: () => clock,
      pause: async () => void pauses++,
      afterSlice: (n) => slices.push(n),
    });
    expect(ok).toBe(true);
    expect(done).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // 3 items (9 ms) per slice: the budget is checked after each item.
    expect(slices).toEqual([3, 6, 7]);
    expect(pauses).toBe(2);
  });

  it('stops between items once cancelled', async () => {
    let clock = 0;
    let stop = false;
    const done: number[] = [];
    const ok = await inSlices([1, 2, 3, 4], (n) => ((clock += 10), done.push(n)), {
      now: () => clock,
      pause: async () => void (stop = true),
      cancelled: () => stop,
    });
    expect(ok).toBe(false);
    expect(done).toEqual([1]);
  });
});

function annotation(id: string, text: string, start: number, end: number): Annotation {
  const selectors = describeRange(text, start, end);
  return {
    id,
    url: 'https://example.com/',
    createdAt: 0,
    updatedAt: 0,
    target: { source: 'https://example.com/', selectors },
    exact: selectors.quote.exact,
    color: 'yellow',
    note: '',
    tags: [],
  };
}

describe('AnnotationLayer in slices', () => {
  it('anchors many highlights across several slices, paints them, and a newer run cancels an older one', async () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`);
    document.body.innerHTML = `<p>${words.join(' ')}</p>`;
    const map = pageTextMap(document);
    const starts = [...map.text.matchAll(/\S+/g)].map((m) => m.index);
    const list = words.map((w, i) => annotation(`a${i}`, map.text, starts[i], starts[i] + w.length));
    // One highlight per slice: the page gets its turn after each.
    const layer = new AnnotationLayer(new Highlighter(), 0);
    const first = layer.anchorAll(map, list, false);
    const second = layer.anchorAll(map, list.slice(0, 10), false);
    expect(layer.state().filter((s) => s.anchored)).toHaveLength(1); // the first slice ran at once
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(layer.state().map((s) => s.anchored)).toEqual(Array(10).fill(true));
    const all = layer.anchorAll(map, list, false);
    await layer.settled();
    expect(await all).toBe(true);
    expect(layer.state().every((s) => s.anchored)).toBe(true);
    expect([...registry().get('gloss-user-yellow')!].map((r) => (r as Range).toString())).toEqual(words);
  });
});
