/**
 * Scores named entities on a CoNLL-2003 file through the analyse command's
 * contract: each document goes to `tsx scripts/analyze.ts --jsonl` as
 * {"id","text"} (tokens joined by spaces, sentences by new lines), and the
 * entity character spans that come back are mapped onto the gold tokens.
 *
 *   npm run eval:entities [-- FILE]    (default ../shared/corpus/conll2003/eng.testa)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../utils/analysis/analyze';
import { resolveEntities } from '../utils/analysis/ner';
import { labelSpans } from '../utils/analysis/ner/labels';
import { nodeTagger } from './lib/node-analysis';
import { readConll, type ConllDoc } from './lib/ner-conll';
import { countMatches, formatTable, type ScoredSpan } from './lib/ner-score';
import { corpusFile } from './lib/corpus';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

type Line = {
  id: number;
  entities?: { start: number; end: number; type: string }[];
  timingMs?: number;
  error?: string;
};

/** Text of a document plus the character offsets of its tokens. */
function layout(doc: ConllDoc): { text: string; starts: Map<number, number>; ends: Map<number, number> } {
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

async function analyse(texts: string[]): Promise<Line[]> {
  const child = spawn('npx', ['tsx', 'scripts/analyze.ts', '--jsonl'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const out: Line[] = [];
  const reading = (async () => {
    for await (const line of createInterface({ input: child.stdout })) if (line.trim()) out.push(JSON.parse(line));
  })();
  for (let i = 0; i < texts.length; i++) {
    if (!child.stdin.write(JSON.stringify({ id: i, text: texts[i] }) + '\n'))
      await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  await reading;
  await new Promise((r) => child.once('close', r));
  return out;
}

async function main(args: string[]): Promise<number> {
  const file =
    args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--corpus') ?? corpusFile('conll2003/eng.testa', args);
  if (!existsSync(file)) {
    process.stderr.write(`eval-entities: ${file} not found\n`);
    return 1;
  }
  const docs = readConll(file);
  const layouts = docs.map(layout);
  const tokens = docs.reduce((n, d) => n + d.words.length, 0);
  const wall0 = performance.now();
  const lines = await analyse(layouts.map((l) => l.text));
  const wallMs = performance.now() - wall0;
  const gold: ScoredSpan[] = [];
  const pred: ScoredSpan[] = [];
  let analyseMs = 0;
  let misaligned = 0;
  for (const line of lines) {
    if (line.error) throw new Error(`document ${line.id}: ${line.error}`);
    analyseMs += line.timingMs ?? 0;
    const { starts, ends } = layouts[line.id];
    for (const e of line.entities ?? []) {
      const a = starts.get(e.start);
      const b = ends.get(e.end);
      // A span that does not fall on token boundaries can never match exactly.
      if (a === undefined || b === undefined) misaligned++;
      pred.push({ doc: line.id, start: a ?? -1, end: b ?? -1, type: e.type });
    }
  }
  if (lines.length !== docs.length)
    throw new Error(`analyse returned ${lines.length} lines for ${docs.length} documents`);
  docs.forEach((doc, d) => {
    for (const s of labelSpans(doc.labels)) gold.push({ doc: d, ...s });
  });
  const counts = countMatches(gold, pred);
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
