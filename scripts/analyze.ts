/**
 * The analyse command:
 *   npm run -s analyze -- FILE                  one .html or .txt file: one JSON object
 *   npm run -s analyze -- --jsonl < in.jsonl    JSON lines in, one JSON line out per input, in order
 *   npm run -s analyze -- --warc FILE.warc.gz   every HTML response of a web archive, as JSON lines
 * `--records` adds to each page `record`: what the extension would remember of it (utils/sources, the same
 * builder), or null when it is not an article. `--workers N` analyses on N worker threads (default: the number of cores);
 * output order is kept. For JSON lines and WARC input it shows progress on
 * standard error and ends with the pages per second.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { jsonlInputs, warcInputs, type Item } from './lib/analyse-inputs';
import { analyseAll } from './lib/analyse-pool';
import { decodeHtml } from './lib/html-bytes';
import { analyzeInput, type AnalyzeOptions } from './lib/node-analysis';

const USAGE =
  'usage: npm run -s analyze -- [--records] FILE.html|FILE.txt\n' +
  '       npm run -s analyze -- [--records] [--workers N] --jsonl < in.jsonl\n' +
  '       npm run -s analyze -- [--records] [--workers N] --warc FILE.warc[.gz]\n';

/** Streams `items` through the analysis, writing lines in order and progress to stderr. */
async function stream(items: AsyncIterable<Item>, workers: number, options: AnalyzeOptions): Promise<void> {
  const started = performance.now();
  let count = 0;
  let shown = started;
  const rate = () => (count / ((performance.now() - started) / 1000)).toFixed(1);
  for await (const line of analyseAll(items, workers, options)) {
    count++;
    if (!process.stdout.write(line + '\n')) await new Promise((r) => process.stdout.once('drain', r));
    if (performance.now() - shown > 2000) {
      shown = performance.now();
      process.stderr.write(`analyze: ${count} pages, ${rate()} pages/s\n`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `analyze: ${count} pages in ${seconds.toFixed(1)} s, ${rate()} pages/s with ${workers} worker${workers === 1 ? '' : 's'}\n`,
  );
}

async function main(args: string[]): Promise<number> {
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const workersArg = option('--workers');
  const workers = workersArg === undefined ? availableParallelism() : Number(workersArg);
  if (!Number.isInteger(workers) || workers < 1) {
    process.stderr.write(`analyze: --workers needs a whole number of at least 1\n${USAGE}`);
    return 2;
  }
  const options: AnalyzeOptions = { records: args.includes('--records') };
  if (args.includes('--jsonl')) {
    await stream(jsonlInputs(process.stdin), workers, options);
    return 0;
  }
  const warc = option('--warc');
  if (warc !== undefined) {
    try {
      await stream(warcInputs(warc), workers, options);
    } catch (err) {
      process.stderr.write(`analyze: cannot read ${warc}: ${(err as Error).message}\n`);
      return 1;
    }
    return 0;
  }
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--workers');
  if (!file) {
    process.stderr.write(USAGE);
    return 2;
  }
  let content: string;
  const html = /\.x?html?$/i.test(file);
  try {
    // A page is decoded by the charset it declares (as a browser does); text as UTF-8.
    content = html ? decodeHtml(readFileSync(file)) : readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(`analyze: cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const input = html ? { id: file, html: content } : { id: file, text: content };
  process.stdout.write(JSON.stringify(analyzeInput(input, options), null, 2) + '\n');
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
