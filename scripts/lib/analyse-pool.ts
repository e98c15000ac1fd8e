/**
 * Runs the analyse command's inputs on worker threads and gives back the
 * output lines in input order. With one worker it runs in this thread.
 */
import { Worker } from 'node:worker_threads';
import { analyzeInput, type AnalyzeOptions } from './node-analysis';
import type { Item } from './analyse-inputs';

/** The output line of one item, analysed here. */
function analyseHere(item: Item, options: AnalyzeOptions): string {
  if (!('input' in item)) return JSON.stringify(item);
  try {
    return JSON.stringify(analyzeInput(item.input, options));
  } catch (err) {
    return JSON.stringify({ id: item.input.id ?? null, error: err instanceof Error ? err.message : String(err) });
  }
}

/** Output lines for `items`, in order; `workers` threads analyse them (at most 4 pages in flight per thread). */
export async function* analyseAll(
  items: AsyncIterable<Item>,
  workers: number,
  options: AnalyzeOptions = {},
): AsyncGenerator<string> {
  if (workers <= 1) {
    for await (const item of items) yield analyseHere(item, options);
    return;
  }
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./analyse-worker.mjs', import.meta.url)));
  const done = new Map<number, string>();
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  for (const w of pool) {
    w.on('message', ({ seq, line }: { seq: number; line: string }) => {
      done.set(seq, line);
      wake?.();
    });
    w.on('error', (err: Error) => {
      failure = err;
      wake?.();
    });
  }
  const wait = () => {
    if (failure) throw failure;
    return new Promise<void>((r) => (wake = r));
  };
  let sent = 0;
  let next = 0;
  /** The lines that are ready, in order. */
  const ready = function* () {
    while (done.has(next)) {
      yield done.get(next)!;
      done.delete(next++);
    }
  };
  try {
    for await (const item of items) {
      const seq = sent++;
      if ('input' in item) pool[seq % workers]!.postMessage({ seq, input: item.input, options });
      else done.set(seq, JSON.stringify(item));
      yield* ready();
      while (sent - next >= workers * 4) {
        await wait();
        yield* ready();
      }
    }
    while (next < sent) {
      await wait();
      yield* ready();
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
