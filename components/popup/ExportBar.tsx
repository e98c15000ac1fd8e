import { useState } from 'preact/hooks';
import type { ExportFormat } from '../../utils/export';
import { exportLibrary } from '../../utils/library/exports';
import { sendToBackground } from '../../utils/messaging/client';
import { MAX_IMPORT_CHARS, tooLarge } from '../../utils/messaging/payloads';
import { TaskProgress, useLongTask, wasCancelled } from '../TaskProgress';
import { popupDb } from './db';

/** The popup's export buttons (the library page offers every format and scope). */
const BUTTONS: [ExportFormat, string][] = [
  ['markdown', 'Markdown'],
  ['vault', 'Zip'],
  ['jsonld', 'JSON'],
  ['csv', 'CSV'],
];

/** Export of every note (Markdown, a zip for vaults, JSON-LD, CSV) and import of Gloss's or Hypothesis's JSON. */
export function ExportBar() {
  const [message, setMessage] = useState<string | null>(null);
  const task = useLongTask();
  // The library's own export of the whole library (it also records the time, for the backup reminder).
  const exportAs = async (format: ExportFormat) => {
    if (task.busy) return;
    setMessage(null);
    try {
      // An empty file and "Exported 0 highlights" would say less than this.
      if ((await popupDb().annotations.count()) === 0) {
        setMessage('Nothing to export yet: select text on a page to keep your first highlight.');
        return;
      }
      const { count } = await task.run((onProgress, signal) =>
        exportLibrary(popupDb(), format, { onProgress, signal }),
      );
      setMessage(`Exported ${count.toLocaleString()} highlight${count === 1 ? '' : 's'}.`);
    } catch (err) {
      setMessage(
        wasCancelled(err)
          ? 'Export cancelled.'
          : `Nothing was exported: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      // Checked here too: the browser carries at most 64 MiB in one message, and says so less clearly.
      const json = file.size > MAX_IMPORT_CHARS * 4 ? null : await file.text();
      if (json === null || json.length > MAX_IMPORT_CHARS) {
        setMessage(`Nothing was imported: ${tooLarge(json?.length ?? file.size)}`);
        return;
      }
      const report = await sendToBackground('annotations:import', { json });
      setMessage(report.message);
    } catch (err) {
      setMessage(`Nothing was imported: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return (
    <footer class="export">
      <span>Export</span>
      {BUTTONS.map(([f, label]) => (
        <button key={f} data-format={f} disabled={task.busy} onClick={() => void exportAs(f)}>
          {label}
        </button>
      ))}
      <label class="import">
        Import…
        <input
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          onChange={(e) => void importFile(e.currentTarget.files?.[0])}
        />
      </label>
      <TaskProgress task={task} id="popup-task" cancellable />
      {message && (
        <div class="status" role="status">
          {message}
        </div>
      )}
    </footer>
  );
}
