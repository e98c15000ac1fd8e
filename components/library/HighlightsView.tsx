import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Annotation, AnnotationPatch } from '../../utils/db/types';
import { sendToBackground } from '../../utils/messaging/client';
import { DEFAULT_PREFERENCES, getPreferences, watchPreferences, type Preferences } from '../../utils/preferences';
import { EditDialog } from './EditDialog';
import { ExportBar } from './ExportBar';
import { Filters } from './Filters';
import { NOTE_ROW_HEIGHT, NoteRow, PAGE_ROW_HEIGHT, PageRow } from './Rows';
import { useLibrary } from './use-library';
import { VirtualList } from './VirtualList';

/** Every highlight on every page, searched, filtered, edited, exported. */
export function HighlightsView({ tabs }: { tabs: ComponentChildren }) {
  const lib = useLibrary();
  const { catalog, rows } = lib;
  const [prefs, setPrefs] = useState<Preferences>(DEFAULT_PREFERENCES);
  const [editing, setEditing] = useState<Annotation | null>(null);
  const [undo, setUndo] = useState<Annotation | null>(null);
  const [status, setStatus] = useState('');
  const [exportPage, setExportPage] = useState<string | null>(null);
  useEffect(() => {
    void getPreferences().then(setPrefs);
    return watchPreferences(setPrefs);
  }, []);

  const remove = async (a: Annotation) => {
    try {
      await sendToBackground('annotation:delete', { id: a.id });
      setEditing(null);
      lib.removed(a.id);
      setUndo(a);
      setStatus('');
    } catch (e) {
      setStatus(`Not deleted: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const restore = async () => {
    if (!undo) return;
    try {
      lib.restored(await sendToBackground('annotation:restore', { annotation: undo }));
      setUndo(null);
      setStatus('Highlight restored.');
    } catch (e) {
      setStatus(`Could not undo: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const save = async (a: Annotation, patch: AnnotationPatch) => {
    lib.updated(await sendToBackground('annotation:update', { id: a.id, patch }));
    setEditing(null);
    setStatus('Saved.');
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // 'Z' too: Caps Lock on (with Shift it is Redo, left to the browser).
      const z = e.key.toLowerCase() === 'z' && !e.shiftKey;
      if ((e.ctrlKey || e.metaKey) && z && undo && !(e.target instanceof HTMLInputElement)) {
        e.preventDefault();
        void restore();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const height = useCallback((i: number) => (rows[i]?.kind === 'page' ? PAGE_ROW_HEIGHT : NOTE_ROW_HEIGHT), [rows]);
  const noteOf = (i: number) => {
    const r = rows[i];
    return r?.kind === 'note' && catalog ? lib.record(catalog.ids[r.at]) : undefined;
  };
  const onRowKey = (i: number, e: KeyboardEvent) => {
    const row = (e.target as HTMLElement).closest('[data-row]');
    const a = noteOf(i);
    if (e.key === 'Enter') row?.querySelector<HTMLAnchorElement>('a')?.click();
    else if (a && ((e.key.toLowerCase() === 'e' && !e.ctrlKey && !e.metaKey && !e.altKey) || e.key === 'F2'))
      setEditing(a); // 'E' too: Caps Lock on; Ctrl+E and the like stay the browser's
    else if (a && e.key === 'Delete') void remove(a);
    else return;
    e.preventDefault();
  };
  const sites = useMemo(() => [...new Set([...lib.pages.values()].map((p) => p.site))].sort(), [lib.pages]);
  const pageCount = rows.length - (lib.matches?.length ?? 0);
  const searching = lib.query !== lib.answered;

  return (
    <div class="library">
      <header class="library-head">
        <h1>Gloss library</h1>
        {tabs}
        <Filters query={lib.query} onChange={lib.setQuery} tags={lib.tags} sites={sites} />
      </header>
      <ExportBar
        lib={lib}
        pageUrl={exportPage}
        onPageDone={() => setExportPage(null)}
        defaultFormat={prefs.exportFormat}
        onStatus={setStatus}
        onImported={lib.reload}
      />
      <p class="summary" aria-live="polite">
        {lib.problem
          ? lib.problem
          : !catalog
            ? 'Loading your library…'
            : catalog.ids.length === 0
              ? ''
              : !lib.complete
                ? 'Your newest highlights; loading the others…'
                : `${lib.matches?.length.toLocaleString() ?? '…'} of ${catalog.ids.length.toLocaleString()} highlights, on ${pageCount.toLocaleString()} page${pageCount === 1 ? '' : 's'}${searching ? ' (searching…)' : ''}`}
      </p>
      <main
        id="library-view"
        class="results"
        data-results-for={lib.answered?.text ?? ''}
        data-complete={lib.complete}
        data-indexed={lib.indexed}
        aria-busy={searching}
      >
        {catalog && catalog.ids.length === 0 ? (
          <div class="empty">
            <p>No highlights yet.</p>
            <p>
              On a news article, select some words and choose a colour in Gloss’s toolbar (or press Alt+Shift+H). Every
              highlight you keep appears here, grouped by page.
            </p>
          </div>
        ) : catalog && lib.matches && rows.length === 0 ? (
          <div class="empty">
            <p>No highlight matches {lib.query.text.trim() ? `“${lib.query.text.trim()}”` : 'these filters'}.</p>
            <button type="button" onClick={() => lib.setQuery({ text: '', tag: '', site: '', from: '', to: '' })}>
              Show every highlight
            </button>
          </div>
        ) : (
          <VirtualList
            count={rows.length}
            height={height}
            label="Highlights, grouped by page"
            onRange={lib.load}
            onRowKey={onRowKey}
            resetKey={JSON.stringify(lib.answered)}
            row={(i, focused) => {
              const r = rows[i];
              if (r.kind === 'page') {
                return (
                  <PageRow
                    url={r.url}
                    page={lib.pages.get(r.url)}
                    site={lib.siteOfUrl(r.url)}
                    count={r.count}
                    focused={focused}
                    onExport={() => setExportPage(r.url)}
                  />
                );
              }
              const a = noteOf(i);
              return (
                <NoteRow
                  annotation={a}
                  prefs={prefs}
                  focused={focused}
                  onEdit={() => a && setEditing(a)}
                  onDelete={() => a && void remove(a)}
                />
              );
            }}
          />
        )}
      </main>
      <p class="keys" aria-hidden="true">
        ↑ ↓ move · Enter opens the passage · E edits · Delete deletes · Ctrl+Z undoes
      </p>
      <div class="snackbar-area" role="status" aria-live="polite">
        {undo ? (
          <div class="snackbar">
            <span>Highlight deleted.</span>
            <button type="button" onClick={() => void restore()}>
              Undo
            </button>
            <button type="button" aria-label="Dismiss" onClick={() => setUndo(null)}>
              ×
            </button>
          </div>
        ) : (
          status && <div class="snackbar">{status}</div>
        )}
      </div>
      {editing && (
        <EditDialog
          key={editing.id}
          annotation={editing}
          onSave={(patch) => save(editing, patch)}
          onDelete={() => void remove(editing)}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
