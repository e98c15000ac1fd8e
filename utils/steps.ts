/**
 * Long jobs (an export of the whole library, the check of an import file's
 * records) written once, as generators that yield how many records they have
 * done so far, and run two ways: at once (`runAll`: tests, Node, small
 * scopes) or in slices of a few tens of milliseconds (`runInSlices`), giving
 * the event loop a turn between slices so that a page paints its progress,
 * stays responsive, and can cancel.
 */

/** A job that yields the number of records done so far and returns its result. */
export type Steps<T> = Generator<number, T, void>;

/** Runs a job to its end without pausing. */
export function runAll<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Gives the event loop a turn (a new task, so the page can paint and handle input). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** How a sliced run reports and stops. */
export type SliceOptions = {
  /** Called between slices with the records done so far. */
  onProgress?: (done: number) => void;
  /** Cancels the job between two slices (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
  /** The longest slice, in ms, before the event loop gets a turn (40 by default). */
  sliceMs?: number;
};

/** Runs a job a slice at a time, reporting its progress between slices. */
export async function runInSlices<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T> {
  const slice = options.sliceMs ?? 40;
  let start = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - start >= slice) {
      options.onProgress?.(step.value);
      await nextTask();
      options.signal?.throwIfAborted();
      start = performance.now();
    }
  }
}
