import { useRef, useState } from 'preact/hooks';
import type { OnProgress, TaskProgress as Progress } from '../utils/library/exports';

/** A long task (an export, an import) with its progress and a way to cancel it. */
export type LongTask = ReturnType<typeof useLongTask>;

/**
 * Runs one long task at a time: its progress for `<TaskProgress>`, and
 * `cancel`, which aborts its signal (the task stops between two slices).
 */
export function useLongTask() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const abort = useRef<AbortController | null>(null);
  const run = async <T,>(job: (onProgress: OnProgress, signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ phase: 'Starting', value: null, max: 1, detail: '' });
    try {
      return await job(setProgress, controller.signal);
    } finally {
      if (abort.current === controller) abort.current = null;
      setProgress(null);
    }
  };
  return {
    progress,
    busy: progress !== null,
    run,
    cancel: () => abort.current?.abort(new DOMException('Cancelled.', 'AbortError')),
  };
}

/** Whether an error is a task's cancellation. */
export const wasCancelled = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

/**
 * A task's progress: what it is doing (announced once per phase, in a live
 * region), a `<progress>` bar labelled by it (indeterminate while the task
 * cannot count), the counts, and a Cancel button when the task can stop.
 */
export function TaskProgress({ task, id, cancellable }: { task: LongTask; id: string; cancellable: boolean }) {
  const p = task.progress;
  return (
    <div class="task-progress" data-busy={!!p}>
      <span id={`${id}-phase`} role="status" aria-live="polite">
        {p ? `${p.phase}…` : ''}
      </span>
      {p &&
        (p.value === null ? (
          <progress key="busy" id={id} aria-labelledby={`${id}-phase`} />
        ) : (
          <progress key="counted" id={id} aria-labelledby={`${id}-phase`} max={p.max} value={p.value} />
        ))}
      {p && <span class="task-detail">{p.detail}</span>}
      {p && cancellable && !p.locked && (
        <button type="button" onClick={task.cancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
