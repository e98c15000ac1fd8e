/**
 * The export worker: reads and writes one export (`export-job.ts`) off the
 * page's main thread, posting its progress, then the file (a Blob, passed by
 * reference) or the error's message.
 */
import { createDb } from '../db';
import type { ExportFormat, ExportScope } from '../export';
import { makeExport, type ExportBlob, type ExportSelection, type TaskProgress } from './export-job';

/** What the page asks for. */
export type ExportRequest = { format: ExportFormat; scope: ExportScope; selection: ExportSelection; now: Date };

/** What the worker answers: progress (any number of times), then the file or an error. */
export type ExportReply = { progress: TaskProgress } | { file: ExportBlob } | { error: string };

const post = (reply: ExportReply) => postMessage(reply);

addEventListener('message', (event: MessageEvent<ExportRequest>) => {
  const { format, scope, selection, now } = event.data;
  const db = createDb();
  let last = 0;
  let phase = '';
  makeExport(db, format, scope, selection, {
    now,
    // At most one message every 50 ms, and every change of phase.
    onProgress: (progress) => {
      const at = performance.now();
      if (progress.phase === phase && progress.value !== progress.max && at - last < 50) return;
      last = at;
      phase = progress.phase;
      post({ progress });
    },
  })
    .then((file) => post({ file }))
    .catch((e: unknown) => post({ error: e instanceof Error ? e.message : String(e) }))
    .finally(() => db.close());
});
