/**
 * Node micro-bench of an export's CPU work (no database): for each format, the
 * prepare step (`highlightWriter` over every highlight, as `makeExport` runs it
 * while reading) and the steps after (`exportSteps` with the prepared texts).
 * Usage: npx tsx scripts/export-microbench.ts [annotations] [rounds]
 */
import { exportSteps, highlightWriter, type ExportFormat } from '../utils/export';
import { runAll } from '../utils/steps';
import { makeLibrary } from './lib/library-seed';

const n = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 3);
const { annotations, pages } = makeLibrary(n, n / 10);
const sorted = [...pages].sort((a, b) => b.lastVisited - a.lastVisited);
const ms = (t: number) => `${t.toFixed(0)} ms`;
for (let r = 1; r <= rounds; r++) {
  for (const format of ['markdown', 'vault', 'jsonld', 'csv'] as ExportFormat[]) {
    const t0 = performance.now();
    const writer = highlightWriter(format);
    const prepared = new Map<string, string>();
    for (const a of annotations) prepared.set(a.id, writer(a));
    const t1 = performance.now();
    const file = runAll(
      exportSteps(format, sorted, annotations, { kind: 'all' }, new Date(Date.UTC(2026, 0, 1)), prepared),
    );
    const t2 = performance.now();
    const bytes = file.parts.reduce((s, p) => s + (typeof p === 'string' ? p.length : p.byteLength), 0);
    console.log(
      `round ${r} ${format.padEnd(8)} prepare ${ms(t1 - t0).padStart(8)}  steps ${ms(t2 - t1).padStart(8)}  total ${ms(t2 - t0).padStart(8)}  parts ${file.parts.length} size ${bytes}`,
    );
  }
}
