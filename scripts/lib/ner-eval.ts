/** Entity scoring of CoNLL documents from character spans, as the analyse command returns them. */
import { labelSpans } from '../../utils/analysis/ner/labels';
import type { ConllDoc } from './ner-conll';
import { countMatches, type Counts, type ScoredSpan } from './ner-score';

/** Text of a document (tokens joined by spaces, sentences by new lines) and its tokens' offsets. */
export type Layout = { text: string; starts: Map<number, number>; ends: Map<number, number> };

/** Lays a document out as the analyse command receives it. */
export function layout(doc: ConllDoc): Layout {
  const starts = new Map<number, number>();
  const ends = new Map<number, number>();
  let text = '';
  doc.sentences.forEach(([a, b], s) => {
    if (s > 0) text += '\n';
    for (let i = a; i < b; i++) {
      if (i > a) text += ' ';
      starts.set(text.length, i);
      text += doc.words[i];
      ends.set(text.length, i + 1);
    }
  });
  return { text, starts, ends };
}

/** Character-span entities of one document. */
export type CharEntity = { start: number; end: number; type: string };

/**
 * Counts exact matches of the entities found in each document (same order as `docs`)
 * against the gold labels; a span off token boundaries counts as a wrong prediction.
 */
export function scoreEntities(
  docs: ConllDoc[],
  layouts: Layout[],
  found: CharEntity[][],
): { counts: Counts; misaligned: number } {
  const gold: ScoredSpan[] = [];
  const pred: ScoredSpan[] = [];
  let misaligned = 0;
  docs.forEach((doc, d) => {
    for (const s of labelSpans(doc.labels)) gold.push({ doc: d, ...s });
    const { starts, ends } = layouts[d];
    for (const e of found[d]) {
      const a = starts.get(e.start);
      const b = ends.get(e.end);
      if (a === undefined || b === undefined) misaligned++;
      pred.push({ doc: d, start: a ?? -1, end: b ?? -1, type: e.type });
    }
  });
  return { counts: countMatches(gold, pred), misaligned };
}
