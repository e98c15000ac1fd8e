/** A worker thread of the analyse command: analyses the inputs it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { analyzeInput, type AnalyzeInput } from './node-analysis';

parentPort!.on('message', ({ seq, input }: { seq: number; input: AnalyzeInput }) => {
  let line: string;
  try {
    line = JSON.stringify(analyzeInput(input));
  } catch (err) {
    line = JSON.stringify({ id: input?.id ?? null, error: err instanceof Error ? err.message : String(err) });
  }
  parentPort!.postMessage({ seq, line });
});
