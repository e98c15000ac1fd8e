/** A worker thread of the analyse command: analyses the inputs it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { analyzeInput, type AnalyzeInput, type AnalyzeOptions } from './node-analysis';

parentPort!.on('message', ({ seq, input, options }: { seq: number; input: AnalyzeInput; options?: AnalyzeOptions }) => {
  let line: string;
  try {
    line = JSON.stringify(analyzeInput(input, options));
  } catch (err) {
    line = JSON.stringify({ id: input?.id ?? null, error: err instanceof Error ? err.message : String(err) });
  }
  parentPort!.postMessage({ seq, line });
});
