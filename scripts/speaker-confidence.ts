/**
 * How reliable each kind of speaker evidence is, on the TUNING part only (PolNeAR train.jsonl):
 * `npx tsx scripts/speaker-confidence.ts [--fit] [--corpus DIR]`. For every quotation matched to
 * a gold one whose source is a name or a description, and given a speaker before the confidence
 * threshold, it prints the precision per kind of evidence (see `utils/analysis/quotes/confidence.ts`),
 * then the accuracy and wrong-speaker rate each threshold would give. `--fit` fits the logistic
 * model's weights again and prints them (to paste into `confidence.ts`). Never run it on
 * dev.jsonl: that part is held back for judging.
 */
import { readFileSync } from 'node:fs';
import { quoteTrace } from '../utils/analysis/quotes';
import {
  confidence,
  features,
  kindOf,
  MIN_CONFIDENCE,
  WEIGHTS,
  type Evidence,
} from '../utils/analysis/quotes/confidence';
import { corpusPath } from './lib/corpus';
import { analyzeInput } from './lib/node-analysis';
import { goldQuotes, isPronoun, matchQuotes, sameSpeaker, type PolnearArticle } from './lib/quote-scores';

const args = process.argv.slice(2);
const articles: PolnearArticle[] = readFileSync(corpusPath('polnear', 'train.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

/** One attribution of a named source: its evidence and whether the speaker found was right. */
type Case = { e: Evidence; speaker: string; right: boolean; line: string };
const list = args.includes('--list') ? args[args.indexOf('--list') + 1] : null;
const cases: Case[] = [];
let named = 0;
// Every speaker as found before the threshold (no quotation continues an unsure one's null).
quoteTrace.threshold = 0;
for (const a of articles) {
  quoteTrace.evidence = [];
  const pred = analyzeInput({ text: a.text }).quotes;
  const trace = quoteTrace.evidence;
  const gold = goldQuotes(a);
  for (const [i, j] of matchQuotes(a.text, gold, pred)) {
    const g = gold[i];
    if (!g.source || isPronoun(g.source)) continue;
    named++;
    const t = trace[j];
    if (!t.speaker) continue;
    const around = JSON.stringify(
      a.text.slice(Math.max(0, g.start - 200), g.start) +
        '[[' +
        a.text.slice(g.start, g.end) +
        ']]' +
        a.text.slice(g.end, g.end + 100),
    );
    const line = `${a.id} gold=${JSON.stringify(g.source)} pred=${JSON.stringify(t.speaker)} ${JSON.stringify(t.evidence)}\n    ${around}`;
    cases.push({ e: t.evidence, speaker: t.speaker, right: sameSpeaker(t.speaker, g.source), line });
  }
}
quoteTrace.evidence = null;

const f3 = (x: number) => x.toFixed(3);
if (list !== null) {
  const all = args.includes('--all');
  for (const c of cases)
    if ((all || !c.right) && `${kindOf(c.e.route)} ${c.e.subject}`.startsWith(list))
      console.log(`${c.right ? 'RIGHT' : 'WRONG'} ${c.line}`);
  process.exit(0);
}
function table(title: string, key: (e: Evidence) => string): void {
  const rows = new Map<string, { right: number; n: number }>();
  for (const c of cases) {
    const k = key(c.e);
    const r = rows.get(k) ?? rows.set(k, { right: 0, n: 0 }).get(k)!;
    r.n++;
    if (c.right) r.right++;
  }
  console.log(`\n${title}: precision (right / given)`);
  for (const [k, r] of [...rows].sort((x, y) => y[1].n - x[1].n))
    console.log(`  ${k.padEnd(44)} ${f3(r.right / r.n)}  ${r.right}/${r.n}  wrong ${r.n - r.right}`);
}

console.log(
  `tuning: ${named} matched quotations of named sources, ${cases.length} given a speaker before the threshold`,
);
table('by kind of evidence', (e) => kindOf(e.route));
table('by kind and subject', (e) => `${kindOf(e.route)} ${e.subject}`);
table('by distance (characters between the speaker phrase and the quotation)', (e) =>
  e.gap === 0 ? '0' : e.gap <= 20 ? '1-20' : e.gap <= 80 ? '21-80' : e.gap <= 200 ? '81-200' : '>200',
);
table('by paragraphs between', (e) => String(Math.min(e.paras, 2)));
table('by rivals (others named around)', (e) => String(Math.min(e.rivals, 3)));
table('by rivals between the speaker phrase and the quotation', (e) => `${kindOf(e.route)} ${Math.min(e.between, 2)}`);
table("by the tagger's type of the speaker phrase", (e) => `${kindOf(e.route)} ${e.subject} ${e.type}`);
table('by length', (e) => `${kindOf(e.route)} ${e.words <= 3 ? 'short' : 'long'}`);
table('by quotation length', (e) => (e.words <= 3 ? '1-3 words' : e.words <= 8 ? '4-8 words' : '9+ words'));

/** Logistic regression with an L2 penalty, by full-batch gradient descent. */
function fit(): Record<string, number> {
  // Pronoun cues are not weighed (see `unsure`).
  const fitted = cases.filter((c) => c.e.subject !== 'pronoun');
  const xs = fitted.map((c) => features(c.e, c.speaker));
  const w: Record<string, number> = {};
  const lambda = 1,
    rate = 0.5;
  for (let it = 0; it < 3000; it++) {
    const grad: Record<string, number> = {};
    for (let i = 0; i < xs.length; i++) {
      let z = 0;
      for (const [k, v] of Object.entries(xs[i])) z += (w[k] ?? 0) * v;
      const err = 1 / (1 + Math.exp(-z)) - (fitted[i].right ? 1 : 0);
      for (const [k, v] of Object.entries(xs[i])) grad[k] = (grad[k] ?? 0) + err * v;
    }
    for (const k of Object.keys(grad)) {
      const reg = k === 'bias' ? 0 : lambda * (w[k] ?? 0);
      w[k] = (w[k] ?? 0) - (rate * (grad[k] + reg)) / xs.length;
    }
  }
  return w;
}

let weights = WEIGHTS;
if (args.includes('--fit')) {
  weights = fit();
  console.log('\nfitted weights:');
  console.log(
    `export const WEIGHTS: Record<string, number> = {\n${Object.entries(weights)
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([k, v]) => `  '${k}': ${v.toFixed(3)},`)
      .join('\n')}\n};`,
  );
}

{
  // What the chosen threshold withholds, by kind: the right speakers it costs, the wrong ones it saves.
  const rows = new Map<string, { right: number; wrong: number }>();
  for (const c of cases) {
    if (c.e.subject === 'pronoun' || confidence(c.e, c.speaker, weights) >= MIN_CONFIDENCE) continue;
    const k = `${kindOf(c.e.route)} ${c.e.subject}`;
    const r = rows.get(k) ?? rows.set(k, { right: 0, wrong: 0 }).get(k)!;
    if (c.right) r.right++;
    else r.wrong++;
  }
  console.log(`\nwithheld at ${MIN_CONFIDENCE}, by kind: right speakers lost, wrong ones saved`);
  for (const [k, r] of [...rows].sort((x, y) => y[1].right + y[1].wrong - x[1].right - x[1].wrong))
    console.log(`  ${k.padEnd(44)} ${r.right} ${r.wrong}`);
}

console.log(`\ntrade-off on tuning (of ${named} named sources): threshold, accuracy, wrong, speakers withheld`);
const scored = cases.map((c) => ({
  p: c.e.subject === 'pronoun' ? 1 : confidence(c.e, c.speaker, weights),
  right: c.right,
}));
for (const t of [0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.82, 0.83, 0.84, 0.85, 0.86, 0.87, 0.88, 0.9, 0.92, 0.94, 0.96]) {
  const kept = scored.filter((s) => s.p >= t);
  const right = kept.filter((s) => s.right).length;
  console.log(
    `  ${t.toFixed(2)}  accuracy ${f3(right / named)}  wrong ${f3((kept.length - right) / named)}  withheld ${cases.length - kept.length}`,
  );
}
