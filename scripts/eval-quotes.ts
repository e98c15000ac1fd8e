/**
 * Quotation evaluation: `npm run eval:quotes [-- FILE] [--dump]` over PolNeAR JSON lines
 * (default `../shared/corpus/polnear/dev.jsonl`), through the analyse command's contract.
 * What is scored and how: `scripts/lib/quote-scores.ts`. `--dump` prints every miss, false
 * alarm and wrong speaker, for error analysis (on the tuning part only: see `npm run eval`).
 */
import { readFileSync } from 'node:fs';
import { analyseWithCommand } from './lib/analyse-command';
import { corpusPath } from './lib/corpus';
import { quotePrf, scoreQuotes, type PolnearArticle, type PredQuote, type QuoteError } from './lib/quote-scores';

const args = process.argv.slice(2);
const dump = args.includes('--dump');
const file =
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--corpus') ?? corpusPath('polnear', 'dev.jsonl');

async function main(): Promise<void> {
  const articles: PolnearArticle[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const t0 = performance.now();
  const lines = await analyseWithCommand(articles.map((a) => ({ id: a.id, text: a.text })));
  const seconds = (performance.now() - t0) / 1000;
  const preds = new Map<string, PredQuote[]>();
  const failed: string[] = [];
  let analysisMs = 0;
  for (const r of lines) {
    // An article the analysis fails on counts as one without quotations, and is reported.
    if (r.error) failed.push(`${r.id}: ${r.error}`);
    preds.set(String(r.id), r.error ? [] : (r.quotes ?? []));
    analysisMs += r.timingMs ?? 0;
  }
  const errors: QuoteError[] | undefined = dump ? [] : undefined;
  const c = scoreQuotes(articles, preds, errors);
  for (const e of errors ?? []) console.log(`${e.kind} ${e.id} ${e.line}`);
  const { p, r, f } = quotePrf(c);
  console.log(`file: ${file} (${articles.length} articles)`);
  console.log(`quotations: gold ${c.gold}, predicted ${c.pred}, matched ${c.matched}`);
  console.log(`precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  F1 ${f.toFixed(3)}`);
  console.log(
    `speaker accuracy (named or described sources): ${(c.namedRight / (c.named || 1)).toFixed(3)} (${c.namedRight}/${c.named})`,
  );
  console.log(
    `confidently wrong speaker: ${(c.namedWrong / (c.named || 1)).toFixed(3)} (${c.namedWrong}/${c.named}; no speaker ${c.namedNull})`,
  );
  console.log(`pronoun sources given a named speaker: ${c.pronounNamed}/${c.pronoun}`);
  console.log(
    `speed: ${(articles.length / (analysisMs / 1000)).toFixed(1)} articles/s in the analysis (entities + quotations, ` +
      `${(analysisMs / articles.length).toFixed(1)} ms each); ${(articles.length / seconds).toFixed(1)} articles/s ` +
      `through the command, start-up included (${seconds.toFixed(2)} s)`,
  );
  if (failed.length) console.log(`analysis failed on ${failed.length} articles, e.g. ${failed[0]}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
