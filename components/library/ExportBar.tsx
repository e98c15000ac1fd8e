import { useEffect, useState } from 'preact/hooks';
import type { ImportReport } from '../../utils/db/import';
import type { ExportScope } from '../../utils/export';
import { exportSelection, FORMAT_INFO, importInPage, type ExportSelection } from '../../utils/library/exports';
import { EMPTY_QUERY } from '../../utils/library/query';
import { EXPORT_FORMATS, type ExportFormat } from '../../utils/preferences';
import { TaskProgress, useLongTask, wasCancelled } from '../TaskProgress';
import { libraryDb, type Library } from './use-library';

type Props = {
  lib: Library;
  /** A page whose highlights to export now (the page row's button), or null. */
  pageUrl: string | null;
  onPageDone: () => void;
  defaultFormat: ExportFormat;
  onStatus: (message: string) => void;
  /** After an import that wrote something: the library reads itself again. */
  onImported: (report: ImportReport) => void;
};

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Export of the whole library, of the current search result, or of one page,
 * in the chosen format; import of a backup (Gloss JSON-LD or Hypothesis JSON,
 * up to 500 MB); each with a progress bar and Cancel while it runs.
 */
export function ExportBar({ lib, pageUrl, onPageDone, defaultFormat, onStatus, onImported }: Props) {
  const [format, setFormat] = useState<ExportFormat | null>(null);
  const task = useLongTask();
  const chosen = format ?? defaultFormat;
  const filtered = JSON.stringify(lib.query) !== JSON.stringify(EMPTY_QUERY);
  const run = async (scope: ExportScope, selection: ExportSelection) => {
    if (task.busy) return;
    try {
      onStatus('');
      const { name, count } = await task.run((onProgress, signal) =>
        exportSelection(libraryDb(), chosen, scope, selection, { onProgress, signal }),
      );
      onStatus(`Exported ${count.toLocaleString()} highlight${count === 1 ? '' : 's'} to ${name}.`);
    } catch (e) {
      onStatus(wasCancelled(e) ? 'Export cancelled.' : `Nothing was exported: ${reason(e)}`);
    }
  };
  const all = () => run({ kind: 'all' }, { kind: 'all' });
  const results = () =>
    run(
      { kind: 'search', query: lib.query.text },
      { kind: 'ids', ids: Array.from(lib.matches ?? [], (at) => lib.catalog!.ids[at]!) },
    );
  useEffect(() => {
    if (!pageUrl) return;
    onPageDone();
    void run({ kind: 'page', url: pageUrl }, { kind: 'page', url: pageUrl });
  }, [pageUrl]);
  const importBackup = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file || task.busy) return;
    try {
      onStatus('');
      const report = await task.run((onProgress, signal) => importInPage(libraryDb(), file, { onProgress, signal }));
      onStatus(report.message);
      if (report.imported) onImported(report);
    } catch (e) {
      onStatus(wasCancelled(e) ? 'Import cancelled; nothing was imported.' : `Nothing was imported: ${reason(e)}`);
    } finally {
      input.value = '';
    }
  };
  return (
    <div class="export-bar" role="group" aria-label="Export and import">
      <label>
        Export as
        <select value={chosen} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_INFO[f].label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-scope="library"
        disabled={task.busy || !lib.catalog?.ids.length}
        onClick={() => void all()}
      >
        Whole library
      </button>
      <button
        type="button"
        data-scope="search"
        disabled={task.busy || !filtered || !lib.matches?.length}
        onClick={() => void results()}
      >
        These results{filtered && lib.matches ? ` (${lib.matches.length.toLocaleString()})` : ''}
      </button>
      <label class="import">
        Import a backup…
        <input
          id="library-import"
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          disabled={task.busy}
          onChange={(e) => void importBackup(e.currentTarget)}
        />
      </label>
      <a class="options-link" href="/options.html">
        Options
      </a>
      <TaskProgress task={task} id="library-task" cancellable />
    </div>
  );
}
