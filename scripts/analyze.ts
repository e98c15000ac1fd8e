/**
 * The analyse command: `npm run -s analyze -- FILE` (one .html or .txt file,
 * prints one JSON object) or `npm run -s analyze -- --jsonl` (JSON lines in on
 * standard input, one JSON line out per input line, in order).
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { analyzeInput } from './lib/node-analysis';

async function main(args: string[]): Promise<number> {
  if (args[0] === '--jsonl') {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      let id: unknown = null;
      let out: string;
      try {
        const input = JSON.parse(line);
        id = input?.id ?? null;
        out = JSON.stringify(analyzeInput(input));
      } catch (err) {
        out = JSON.stringify({ id, error: err instanceof Error ? err.message : String(err) });
      }
      if (!process.stdout.write(out + '\n')) await new Promise((r) => process.stdout.once('drain', r));
    }
    return 0;
  }
  const file = args[0];
  if (!file) {
    process.stderr.write(
      'usage: npm run -s analyze -- FILE.html|FILE.txt\n       npm run -s analyze -- --jsonl < in.jsonl\n',
    );
    return 2;
  }
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(`analyze: cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const input = /\.x?html?$/i.test(file) ? { id: file, html: content } : { id: file, text: content };
  process.stdout.write(JSON.stringify(analyzeInput(input), null, 2) + '\n');
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
