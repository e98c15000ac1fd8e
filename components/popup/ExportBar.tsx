import { useState } from 'preact/hooks';
import { allAnnotations, listPages } from '../../utils/db/store';
import { toCsv, toMarkdown, toWebAnnotationJson } from '../../utils/export';
import { sendToBackground } from '../../utils/messaging/client';
import { recordExport } from '../../utils/preferences';
import { popupDb } from './db';

const FORMATS = {
  markdown: { label: 'Markdown', ext: 'md', type: 'text/markdown' },
  json: { label: 'JSON', ext: 'json', type: 'application/ld+json' },
  csv: { label: 'CSV', ext: 'csv', type: 'text/csv' },
} as const;

/** Hands `content` to the reader as a file download. */
function download(content: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export of every note (Markdown, JSON, CSV) and import of Gloss's JSON. */
export function ExportBar() {
  const [message, setMessage] = useState<string | null>(null);
  const exportAs = async (format: keyof typeof FORMATS) => {
    const db = popupDb();
    const [pages, annotations] = await Promise.all([listPages(db), allAnnotations(db)]);
    const content =
      format === 'markdown'
        ? toMarkdown(pages, annotations)
        : format === 'json'
          ? toWebAnnotationJson(pages, annotations)
          : '\uFEFF' + toCsv(pages, annotations); // the byte-order mark tells spreadsheets it is UTF-8
    const date = new Date().toISOString().slice(0, 10);
    download(content, `gloss-notes-${date}.${FORMATS[format].ext}`, FORMATS[format].type);
    await recordExport(); // for the backup reminder on the options page
    setMessage(`Exported ${annotations.length} highlight${annotations.length === 1 ? '' : 's'}.`);
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const { added, updated, skipped } = await sendToBackground('annotations:import', { json: await file.text() });
      const parts = [`${added} new`, `${updated} updated`];
      if (skipped) parts.push(`${skipped} kept as they were (yours are newer)`);
      setMessage(`Imported: ${parts.join(', ')}.`);
    } catch (err) {
      setMessage(`Nothing was imported: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return (
    <footer class="export">
      <span>Export</span>
      {(Object.keys(FORMATS) as (keyof typeof FORMATS)[]).map((f) => (
        <button key={f} data-format={f} onClick={() => void exportAs(f)}>
          {FORMATS[f].label}
        </button>
      ))}
      <label class="import">
        Import…
        <input
          type="file"
          accept=".json,application/json,application/ld+json"
          onChange={(e) => void importFile(e.currentTarget.files?.[0])}
        />
      </label>
      {message && (
        <div class="status" role="status">
          {message}
        </div>
      )}
    </footer>
  );
}
