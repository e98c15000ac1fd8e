/**
 * Per-page view of main-text extraction on the tuning part of `corpus/snippets` (the
 * held-back part is only counted, never listed: study failures on tuning pages only).
 * For each tuning page: whether it is judged an article, why, the snippets missed and the
 * boilerplate snippets let in.
 *
 *   npm run -s eval:snippets [-- --page ID] [-- --empty] [-- --worst N] [-- --stress meta,article,...]
 *
 * `--stress` applies the transforms of `npm run eval:stress` first (`scripts/lib/stress.ts`).
 */
import { existsSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../utils/extract';
import { corpusPath } from './lib/corpus';
import {
  addSnippetPage,
  emptySnippetCounts,
  readSnippetLabels,
  snippetPage,
  snippetPrf,
  type SnippetCounts,
} from './lib/snippet-scores';
import { partOf } from './lib/splits';
import { decipher, isStress, stressDocument } from './lib/stress';

const args = process.argv.slice(2);
const arg = (name: string): string | null => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? null) : null);
const only = arg('--page');
const emptyOnly = args.includes('--empty');
const worst = Number(arg('--worst') ?? 0);
const stress = (arg('--stress') ?? '').split(',').filter(isStress);

function main(): number {
  const dir = corpusPath('snippets');
  if (!existsSync(dir)) {
    console.error(`snippets corpus not found at ${dir}`);
    return 1;
  }
  const rows: { id: string; c: SnippetCounts; line: string }[] = [];
  const total = emptySnippetCounts();
  for (const [id, labels] of [...readSnippetLabels(dir)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (partOf(id) !== 'tuning') continue;
    if (only && id !== only) continue;
    const { document } = parseHTML(snippetPage(dir, id));
    stressDocument(document as unknown as Document, stress);
    const ex = extractArticle(document as unknown as Document);
    const full = stress.includes('words') ? decipher(ex.map.text) : ex.map.text;
    const c = emptySnippetCounts();
    addSnippetPage(c, labels, full);
    addSnippetPage(total, labels, full);
    if (emptyOnly && c.empty === 0) continue;
    const text = full.replace(/\s+/g, ' ');
    const missed = labels.with.filter((s) => !text.includes(s.replace(/\s+/g, ' ').trim()));
    const let_in = labels.without.filter((s) => text.includes(s.replace(/\s+/g, ' ').trim()));
    const line = [
      `${id} art=${+ex.isArticle} news=${+ex.isNews} chars=${ex.map.text.length} tp=${c.tp} fn=${c.fn} fp=${c.fp} tn=${c.tn} ${labels.url}`,
      `    ${ex.reasons.join('; ')}`,
      ...missed.map((s) => `    - missed: ${s.slice(0, 140)}`),
      ...let_in.map((s) => `    + let in: ${s.slice(0, 140)}`),
      ...(only ? ['', full] : []),
    ].join('\n');
    rows.push({ id, c, line });
  }
  const loss = (c: SnippetCounts) => c.fn + c.fp;
  const shown = worst ? [...rows].sort((a, b) => loss(b.c) - loss(a.c)).slice(0, worst) : rows;
  for (const r of shown) console.log(r.line);
  const s = snippetPrf(total);
  console.log(
    `\ntuning: F1 ${s.f.toFixed(3)} (P ${s.p.toFixed(3)} R ${s.r.toFixed(3)}; ${total.empty}/${total.pages} empty; tp ${total.tp} fn ${total.fn} fp ${total.fp})`,
  );
  return 0;
}

process.exitCode = main();
