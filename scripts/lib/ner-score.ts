/** Entity-level exact-span scoring (CoNLL style) per type and micro-averaged. */
import { TYPES } from '../../utils/analysis/ner/labels';

/** An entity as a token span with a type, tagged with its document. */
export type ScoredSpan = { doc: number; start: number; end: number; type: string };

/** Counts per type: true positives, predicted, gold. */
export type Counts = Record<string, { tp: number; pred: number; gold: number }>;

/** Tallies exact matches of predicted against gold spans. */
export function countMatches(gold: ScoredSpan[], pred: ScoredSpan[]): Counts {
  const counts: Counts = {};
  for (const t of TYPES) counts[t] = { tp: 0, pred: 0, gold: 0 };
  const key = (s: ScoredSpan) => `${s.doc}:${s.start}:${s.end}:${s.type}`;
  const goldKeys = new Set(gold.map(key));
  for (const g of gold) counts[g.type].gold++;
  for (const p of pred) {
    counts[p.type].pred++;
    if (goldKeys.has(key(p))) counts[p.type].tp++;
  }
  return counts;
}

/** Precision, recall and F1 of summed counts over `types`. */
export function prf(
  counts: Counts,
  types: readonly string[],
): { p: number; r: number; f: number; tp: number; pred: number; gold: number } {
  let tp = 0;
  let pred = 0;
  let gold = 0;
  for (const t of types) {
    tp += counts[t].tp;
    pred += counts[t].pred;
    gold += counts[t].gold;
  }
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0, tp, pred, gold };
}

/** A printable table: one row per type, then micro over PER/ORG/LOC and over all four. */
export function formatTable(counts: Counts): string {
  const row = (name: string, types: readonly string[]) => {
    const s = prf(counts, types);
    return `${name.padEnd(16)} ${s.p.toFixed(4)}  ${s.r.toFixed(4)}  ${s.f.toFixed(4)}  ${String(s.gold).padStart(5)}`;
  };
  return [
    `${'type'.padEnd(16)} prec    rec     F1      gold`,
    ...TYPES.map((t) => row(t, [t])),
    row('micro PER/ORG/LOC', ['PER', 'ORG', 'LOC']),
    row('micro all four', TYPES),
  ].join('\n');
}
