/** Runs inputs through the analyse command (`tsx scripts/analyze.ts --jsonl`), as a user would. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AnalyzeOutput } from './node-analysis';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** One output line: the analysis, or `{id, error}`. */
export type CommandLine = Partial<AnalyzeOutput> & { id: unknown; error?: string };

/** Sends `inputs` as JSON lines to the analyse command and returns its output lines in order. */
export async function analyseWithCommand(
  inputs: { id: unknown; text?: string; html?: string }[],
): Promise<CommandLine[]> {
  const child = spawn('npx', ['tsx', 'scripts/analyze.ts', '--jsonl'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.on('error', () => {}); // reported through the missing answers
  const out: CommandLine[] = [];
  const reading = (async () => {
    for await (const line of createInterface({ input: child.stdout })) if (line.trim()) out.push(JSON.parse(line));
  })();
  for (const input of inputs) {
    if (!child.stdin.write(JSON.stringify(input) + '\n')) await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  await reading;
  await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('close', r)));
  return out;
}
