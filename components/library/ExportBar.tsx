import { useEffect, useState } from 'preact/hooks';
import { allAnnotations, listAnnotations, listPages } from '../../utils/db/store';
import type { Annotation, Page } from '../../utils/db/types';
import type { ExportScope } from '../../utils/export';
import { exportFile, FORMAT_INFO } from '../../utils/library/exports';
import { EMPTY_QUERY } from '../../utils/library/query';
import { EXPORT_FORMATS, type ExportFormat } from '../../utils/preferences';
import { libraryDb, type Library } from './use-library';

type Props = {
  lib: Library;
  /** A page whose highlights to export now (the page row's button), or null. */
  pageUrl: string | null;
  onPageDone: () => void;
  defaultFormat: ExportFormat;
  onStatus: (message: string) => void;
};

/** The pages of `annotations`, as the database has them. */
async function pagesOf(annotations: Annotation[]): Promise<Page[]> {
  const urls = [...new Set(annotations.map((a) => a.url))];
  return (await libraryDb().pages.bulkGet(urls)).filter((p): p is Page => !!p);
}

/** Export of the whole library, of the current search result, or of one page, in the chosen format. */
export function ExportBar({ lib, pageUrl, onPageDone, defaultFormat, onStatus }: Props) {
  const [format, setFormat] = useState<ExportFormat | null>(null);
  const chosen = format ?? defaultFormat;
  const filtered = JSON.stringify(lib.query) !== JSON.stringify(EMPTY_QUERY);
  const run = async (scope: ExportScope, read: () => Promise<[Page[], Annotation[]]>) => {
    try {
      onStatus('Exporting…');
      const [pages, annotations] = await read();
      const name = await exportFile(chosen, scope, pages, annotations);
      onStatus(
        `Exported ${annotations.length.toLocaleString()} highlight${annotations.length === 1 ? '' : 's'} to ${name}.`,
      );
    } catch (e) {
      onStatus(`Nothing was exported: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const all = () => run({ kind: 'all' }, () => Promise.all([listPages(libraryDb()), allAnnotations(libraryDb())]));
  const results = () =>
    run({ kind: 'search', query: lib.query.text }, async () => {
      const ids = Array.from(lib.matches ?? [], (at) => lib.catalog!.ids[at]);
      const found = (await libraryDb().annotations.bulkGet(ids)).filter((a): a is Annotation => !!a);
      return [await pagesOf(found), found];
    });
  useEffect(() => {
    if (!pageUrl) return;
    onPageDone();
    const page = lib.pages.get(pageUrl);
    void run({ kind: 'page', url: pageUrl }, async () => {
      const found = await listAnnotations(libraryDb(), pageUrl);
      return [page ? [page] : [], found];
    });
  }, [pageUrl]);
  return (
    <div class="export-bar" role="group" aria-label="Export">
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
      <button type="button" data-scope="library" disabled={!lib.catalog?.ids.length} onClick={() => void all()}>
        Whole library
      </button>
      <button
        type="button"
        data-scope="search"
        disabled={!filtered || !lib.matches?.length}
        onClick={() => void results()}
      >
        These results{filtered && lib.matches ? ` (${lib.matches.length.toLocaleString()})` : ''}
      </button>
      <a class="options-link" href="/options.html">
        Options
      </a>
    </div>
  );
}
