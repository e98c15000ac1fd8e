/**
 * Scores named entities on a CoNLL-2003 file through the analyse command's
 * contract: each document goes to `tsx scripts/analyze.ts --jsonl` as
 * {"id","text"} (tokens joined by spaces, sentences by new lines), and the
 * entity character spans that come back are mapped onto the gold tokens.
 *
 *   npm run eval:entities [-- FILE]    (default ../shared/corpus/conll2003/eng.testa)
 */
import { existsSync } from 'node:fs';
import { corpusPath } from './lib/corpus';
import { analyzeText } from '../utils/analysis/analyze';
import { resolveEntities } from '../utils/analysis/ner';
import { analyseWithCommand } from './lib/analyse-command';
import { nodeTagger } from './lib/node-analysis';
import { readConll } from './lib/ner-conll';
import { layout, scoreEntities } from './lib/ner-eval';
import { formatTable } from './lib/ner-score';

async function main(args: string[]): Promise<number> {
  const file =
    args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--corpus') ?? corpusPath('conll2003', 'eng.testa');
  if (!existsSync(file)) {
    process.stderr.write(`eval-entities: ${file} not found\n`);
    return 1;
  }
  const docs = readConll(file);
  const layouts = docs.map(layout);
  const tokens = docs.reduce((n, d) => n + d.words.length, 0);
  const wall0 = performance.now();
  const lines = await analyseWithCommand(layouts.map((l, id) => ({ id, text: l.text })));
  const wallMs = performance.now() - wall0;
  if (lines.length !== docs.length)
    throw new Error(`analyse returned ${lines.length} lines for ${docs.length} documents`);
  let analyseMs = 0;
  const found = docs.map(() => [] as { start: number; end: number; type: string }[]);
  for (const line of lines) {
    if (line.error) throw new Error(`document ${line.id}: ${line.error}`);
    analyseMs += line.timingMs ?? 0;
    found[line.id as number] = line.entities ?? [];
  }
  // A span that does not fall on token boundaries can never match exactly.
  const { counts, misaligned } = scoreEntities(docs, layouts, found);
  const rate = (ms: number) => Math.round(tokens / (ms / 1000)).toLocaleString('en');
  process.stdout.write(`${file}: ${docs.length} documents, ${tokens} tokens\n\n${formatTable(counts)}\n\n`);
  process.stdout.write(`spans not on token boundaries: ${misaligned}\n`);
  process.stdout.write(`speed: ${rate(analyseMs)} tokens/s in analysis (sum of timingMs ${analyseMs.toFixed(0)} ms), `);
  process.stdout.write(`${rate(wallMs)} tokens/s wall (${(wallMs / 1000).toFixed(1)} s incl. start-up)\n`);
  // Wall-clock rates swing with whatever else the machine runs; CPU time of a
  // warm in-process pass over the same texts is the steadier figure.
  const texts = layouts.map((l) => l.text);
  const tagger = nodeTagger();
  const cpuMs = (run: (t: string) => unknown) => {
    for (const t of texts) run(t);
    const c0 = process.cpuUsage();
    for (const t of texts) run(t);
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  const whole = cpuMs((t) => analyzeText(t, tagger));
  const entities = cpuMs((t) => resolveEntities(t, tagger.tag(t)));
  process.stdout.write(
    `in-process, warm, per CPU second: ${rate(whole)} tokens/s for analyzeText, ${rate(entities)} for its entity part\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
