/**
 * Long work in slices: a page with a thousand of the reader's highlights must
 * not freeze while they are found again. The work runs item by item until a
 * slice has used its budget, then gives the page its turn (input, painting)
 * before going on.
 */

/** About how long one slice may run, in ms: half a frame at 60 Hz. */
export const SLICE_MS = 8;

type Scheduler = { yield?: () => Promise<void> };

/** Lets the browser run what waits (input, rendering): `scheduler.yield()` where there is one, else a task. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export type SliceOptions = {
  /** Budget of one slice, in ms ({@link SLICE_MS} by default). */
  budget?: number;
  /** Checked between items: true stops the run (a newer run has started). */
  cancelled?: () => boolean;
  /** Runs after each slice, before yielding (to paint what is done so far). */
  afterSlice?: (done: number) => void;
  /** Seams for tests. */
  now?: () => number;
  pause?: () => Promise<void>;
};

/** Runs `work` on each of `items` in slices; resolves true when all are done, false if cancelled. */
export async function inSlices<T>(
  items: readonly T[],
  work: (item: T) => void,
  options: SliceOptions = {},
): Promise<boolean> {
  const {
    budget = SLICE_MS,
    cancelled = () => false,
    afterSlice,
    now = () => performance.now(),
    pause = yieldToPage,
  } = options;
  let i = 0;
  while (i < items.length) {
    if (cancelled()) return false;
    const start = now();
    do work(items[i++]);
    while (i < items.length && now() - start < budget);
    afterSlice?.(i);
    if (i < items.length) {
      await pause();
    }
  }
  return !cancelled();
}
