/**
 * The work of an export, apart from the page: read the highlights of a
 * selection in bulk and write the file a slice at a time into a Blob. Runs in
 * the export worker (`export-worker.ts`), or in the page where workers are
 * not available. Imports nothing that needs the extension's APIs.
 */
import type { GlossDB } from '../db';
import { readAllAnnotations } from '../db/read-all';
import type { Annotation, Page } from '../db/types';
import { exportSteps, highlightWriter, type ExportFormat, type ExportScope } from '../export';
import { runInSlices } from '../steps';

/**
 * How far a long export or import has got, for a `<progress>`: what it is
 * doing (a short phrase, for a live region), and `value` of `max` (null
 * while it cannot tell, e.g. while the browser parses the file).
 */
export type TaskProgress = {
  phase: string;
  value: number | null;
  max: number;
  detail: string;
  /** Past the point where it can be cancelled (an import's writes). */
  locked?: boolean;
};

/** Hears a task's progress. */
export type OnProgress = (progress: TaskProgress) => void;

/** How many records one read of an export takes from the database. */
const READ_SLICE = 10_000;

const count = (n: number) => n.toLocaleString('en');

/** Which highlights an export takes: every one, these ids (a search result), or one page's. */
export type ExportSelection = { kind: 'all' } | { kind: 'ids'; ids: string[] } | { kind: 'page'; url: string };

/** Sees each range of highlights read, as it comes (the ones an export keeps). */
type OnSlice = (slice: Annotation[]) => void;

/**
 * Reads every highlight (those whose id `keep` accepts), in one read
 * transaction, in ranges asked for at once (`readAllAnnotations`); `onSlice`
 * sees each range's kept highlights as it comes, `onRead` hears each range.
 * In order of creation.
 */
async function readAll(
  db: GlossDB,
  onRead: (done: number, total: number) => void,
  keep?: (id: string) => boolean,
  onSlice?: OnSlice,
): Promise<Annotation[]> {
  const kept = (slice: Annotation[]) => (keep ? slice.filter((a) => keep(a.id)) : slice);
  const slices = await db.transaction('r', db.annotations, () =>
    readAllAnnotations(db, onRead, onSlice && ((slice) => onSlice(kept(slice)))),
  );
  const annotations = slices.flatMap(kept);
  return annotations.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Reads the highlights of `selection` and their pages, reporting each read. */
async function readSelection(
  db: GlossDB,
  selection: ExportSelection,
  onRead: (done: number, total: number) => void,
  onSlice?: OnSlice,
): Promise<[Page[], Annotation[]]> {
  const pagesOf = async (annotations: Annotation[]) => {
    const pages = (await db.pages.bulkGet([...new Set(annotations.map((a) => a.url))])).filter((p): p is Page => !!p);
    return pages.sort((a, b) => b.lastVisited - a.lastVisited);
  };
  if (selection.kind === 'page') {
    const [page, annotations] = await Promise.all([
      db.pages.get(selection.url),
      db.annotations.where('url').equals(selection.url).toArray(),
    ]);
    onRead(annotations.length, annotations.length);
    return [page ? [page] : [], annotations];
  }
  if (selection.kind === 'all') {
    const [pages, annotations] = await Promise.all([
      db.pages.orderBy('lastVisited').reverse().toArray(),
      readAll(db, onRead, undefined, onSlice),
    ]);
    return [pages, annotations];
  }
  // A search result: a few records by id; most of the library as ranges of it, as a whole export reads them.
  const { ids } = selection;
  if (ids.length > (await db.annotations.count()) / 4) {
    const wanted = new Set(ids);
    const annotations = await readAll(
      db,
      (done, total) => onRead(Math.round((done / total) * ids.length), ids.length),
      (id) => wanted.has(id),
      onSlice,
    );
    return [await pagesOf(annotations), annotations];
  }
  const annotations: Annotation[] = [];
  for (let i = 0; i < ids.length; i += READ_SLICE) {
    for (const a of await db.annotations.bulkGet(ids.slice(i, i + READ_SLICE))) if (a) annotations.push(a);
    onRead(Math.min(i + READ_SLICE, ids.length), ids.length);
  }
  return [await pagesOf(annotations), annotations];
}

/** A finished export: the file and how many highlights it holds. */
export type ExportBlob = { name: string; blob: Blob; count: number };

/**
 * Reads the highlights of `selection` and writes them in `format` as a file
 * named by date and `scope`. `onProgress` hears the reads and the writing
 * (one bar: the records read, then written, of twice their number); `signal`
 * stops it between two slices.
 */
export async function makeExport(
  db: GlossDB,
  format: ExportFormat,
  scope: ExportScope,
  selection: ExportSelection,
  { onProgress, signal, now }: { onProgress?: OnProgress; signal?: AbortSignal; now?: Date } = {},
): Promise<ExportBlob> {
  onProgress?.({ phase: 'Reading your highlights', value: null, max: 1, detail: '' });
  // What each highlight becomes in the file is written as the records come in, while the database reads the next
  // ones (the writing phase then only gathers it); kept by id.
  const writer = highlightWriter(format);
  const prepared = new Map<string, string>();
  const prepare = (slice: Annotation[]) => slice.forEach((a) => prepared.set(a.id, writer(a)));
  const [pages, annotations] = await readSelection(
    db,
    selection,
    (done, total) =>
      onProgress?.({
        phase: 'Reading your highlights',
        value: done,
        max: 2 * total,
        detail: `${count(done)} of ${count(total)} read`,
      }),
    prepare,
  );
  signal?.throwIfAborted();
  const n = annotations.length;
  const writing = (done: number) =>
    onProgress?.({
      phase: 'Writing the file',
      value: n + done,
      max: 2 * n,
      detail: `${count(done)} of ${count(n)} written`,
    });
  writing(0);
  const file = await runInSlices(exportSteps(format, pages, annotations, scope, now, prepared), {
    onProgress: writing,
    signal,
  });
  writing(n);
  return { name: file.name, blob: new Blob(file.parts as BlobPart[], { type: file.type }), count: n };
}
