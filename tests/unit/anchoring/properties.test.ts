// @vitest-environment happy-dom
/**
 * Property tests of anchoring through the real page text map: random
 * documents (text, inline markup, nesting, hidden parts, white space as
 * written), random selections, random edits. Fixed seeds, so a failure
 * reproduces; fast-check shrinks it to a small counterexample.
 */
import approxSearch from 'approx-string-match';
import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { anchor, describe, type TextSelectors } from '../../../utils/anchoring';
import { similarity } from '../../../utils/anchoring/score';
import { pageTextMap } from '../../../utils/content/page-text';
import { boundaryOffset, textRange, type TextMap } from '../../../utils/dom/text-map';
import {
  applyEdit,
  coveredOffsets,
  deleteBetween,
  docArb,
  domPoints,
  editArb,
  points,
  render,
  type Point,
} from './random-dom';

/**
 * Runs per property: the file takes a few seconds. A longer hunt:
 * `GLOSS_PROPERTY_RUNS=20000 GLOSS_PROPERTY_SEED=7 npx vitest run tests/unit/anchoring/properties.test.ts`.
 */
const RUNS = Number(process.env.GLOSS_PROPERTY_RUNS ?? 300);
const SEED = Number(process.env.GLOSS_PROPERTY_SEED ?? 20_250_225);

/** A Range from DOM boundary points. */
function rangeOf(start: { node: Node; offset: number }, end: { node: Node; offset: number }): Range {
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

/** The reader's range as the content script saves it: text offsets through the map, then selectors. */
function save(map: TextMap, range: Range): { start: number; end: number; selectors: TextSelectors } | null {
  const start = boundaryOffset(map, range.startContainer, range.startOffset, 'start');
  const end = boundaryOffset(map, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end, selectors: describe(map.text, start, end) };
}

/** The page-text offsets in [start, end) that are characters of some node (not block separators). */
function mappedIn(map: TextMap, start: number, end: number): number[] {
  const out: number[] = [];
  for (const seg of map.segments) for (let i = Math.max(seg.start, start); i < Math.min(seg.end, end); i++) out.push(i);
  return out;
}

/** Occurrences of `needle` in `hay`, overlapping ones included. */
function count(hay: string, needle: string): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) n++;
  return n;
}

/** How far a selection reaches, in boundary points: mostly a few words, sometimes paragraphs. */
const reach = fc.oneof(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 240 }), fc.nat({ max: 4000 }));

/** The `length`-th point after the `i`-th (both wrapped into the list), or null for an empty selection. */
function span<T>(all: T[], i: number, length: number): [T, T] | null {
  if (all.length < 2) return null;
  const x = i % all.length;
  const y = Math.min(all.length - 1, x + length);
  return x === y ? null : [all[x], all[y]];
}

function domRange(nodes: Map<number, Text>, [start, end]: Point[]): Range {
  return rangeOf(
    { node: nodes.get(start.id)!, offset: start.offset },
    { node: nodes.get(end.id)!, offset: end.offset },
  );
}

/**
 * Whether the saved quote and its context are still there, unchanged, at the
 * tracked place: the edits happened away from them. (A quote saved at an edge
 * of the text must still be at that edge: that is part of its context.)
 */
function contextIntact(text: string, start: number, end: number, s: TextSelectors): boolean {
  const { exact, prefix, suffix } = s.quote;
  return (
    text.slice(start, end) === exact &&
    text.slice(start - prefix.length, start) === prefix &&
    text.slice(end, end + suffix.length) === suffix &&
    (prefix.length > 0 || start === 0) &&
    (suffix.length > 0 || end === text.length)
  );
}

group('anchoring properties (fast-check, through the page text map)', () => {
  it(`anchor(describe(range)) gives back the same range (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(docArb, fc.nat(), reach, (doc, i, length) => {
        render(document, doc);
        const ends = span(domPoints(document.body), i, length);
        fc.pre(ends !== null);
        const original = rangeOf(...ends!);
        const map = pageTextMap(document);
        const saved = save(map, original);
        fc.pre(saved !== null);
        const { start, end, selectors } = saved!;
        // What the reader sees selected is what was saved.
        expect(coveredOffsets(map, original)).toEqual(mappedIn(map, start, end));

        const found = anchor(map.text, selectors);
        expect(found && [found.start, found.end]).toEqual([start, end]);
        const range = textRange(map, found!.start, found!.end);
        expect(range).not.toBeNull();
        // The same characters, and the range is tight around them.
        expect(coveredOffsets(map, range!)).toEqual(coveredOffsets(map, original));
        expect(save(map, range!)).toEqual(saved);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it(`after edits away from the quote and its context, it is found at its new place (${RUNS} runs)`, () => {
    let ambiguous = 0;
    fc.assert(
      fc.property(
        docArb,
        fc.nat(),
        reach,
        fc.array(editArb, { minLength: 1, maxLength: 8 }),
        (doc, i, length, edits) => {
          const selection = span(points(doc), i, length);
          fc.pre(selection !== null);
          const nodes = render(document, doc);
          const map = pageTextMap(document);
          const saved = save(map, domRange(nodes, selection!));
          fc.pre(saved !== null);
          const { selectors } = saved!;

          // Apply each edit that leaves the quote and its context as they were.
          let current = { doc, selection: selection! as Point[] };
          let applied = 0;
          for (const edit of edits) {
            const next = applyEdit(current.doc, edit, current.selection);
            if (!next) continue;
            const n = render(document, next.doc);
            const m = pageTextMap(document);
            const r = domRange(n, next.selection);
            const s = boundaryOffset(m, r.startContainer, r.startOffset, 'start');
            const e = boundaryOffset(m, r.endContainer, r.endOffset, 'end');
            if (s === null || e === null || !contextIntact(m.text, s, e, selectors)) continue;
            current = next;
            applied++;
          }
          fc.pre(applied > 0);

          const nodes2 = render(document, current.doc);
          const map2 = pageTextMap(document);
          const tracked = domRange(nodes2, current.selection);
          const start = boundaryOffset(map2, tracked.startContainer, tracked.startOffset, 'start')!;
          const end = boundaryOffset(map2, tracked.endContainer, tracked.endOffset, 'end')!;

          const found = anchor(map2.text, selectors);
          expect(found).not.toBeNull();
          const { exact, prefix, suffix } = selectors.quote;
          if (count(map2.text, prefix + exact + suffix) > 1) {
            // The quote and all its context occur twice: the selectors cannot tell
            // the copies apart, so only the text is checked.
            ambiguous++;
            expect(map2.text.slice(found!.start, found!.end)).toBe(exact);
            return;
          }
          expect([found!.start, found!.end]).toEqual([start, end]);
          const range = textRange(map2, found!.start, found!.end)!;
          expect(coveredOffsets(map2, range)).toEqual(coveredOffsets(map2, tracked));
        },
      ),
      { seed: SEED + 1, numRuns: RUNS },
    );
    expect(ambiguous).toBeLessThan(RUNS / 10);
  });

  it(`after the quoted text is deleted, the result is an orphan or an exact copy of the quote, never other text (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(docArb, fc.nat(), reach, (doc, i, length) => {
        const selection = span(points(doc), i, length);
        fc.pre(selection !== null);
        const nodes = render(document, doc);
        const saved = save(pageTextMap(document), domRange(nodes, selection!));
        fc.pre(saved !== null);
        const { exact } = saved!.selectors.quote;

        render(document, deleteBetween(doc, ...selection!));
        const map2 = pageTextMap(document);
        const found = anchor(map2.text, saved!.selectors);
        if (found) expect(map2.text.slice(found.start, found.end)).toBe(exact);
        if (!map2.text.includes(exact)) expect(found).toBeNull();
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });

  it(`context similarity (bit-parallel, one word) equals approx-string-match's best match (${RUNS * 10} runs)`, () => {
    // Small alphabets, so that near matches, ties and repeats are common.
    const str = (max: number) => fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '\n'), maxLength: max });
    fc.assert(
      fc.property(str(40), str(40), (text, pattern) => {
        fc.pre(pattern.length > 0);
        const [best] = text.length ? approxSearch(text, pattern, pattern.length) : [];
        const expected = text === pattern ? 1 : best ? Math.max(0, 1 - best.errors / pattern.length) : 0;
        expect(similarity(text, pattern)).toBeCloseTo(expected, 12);
      }),
      { seed: SEED + 3, numRuns: RUNS * 10 },
    );
  });
});
