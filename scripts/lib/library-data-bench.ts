/**
 * `npm run bench -- --only=library-data`: a library of 100,000 highlights over
 * 10,000 pages (`library-seed.ts`, as the UI bench) in fake-indexeddb under Node; prints the
 * time to export everything in each format (reading the database included)
 * and to import the full JSON-LD file into an empty database. Figures only.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { cpus, loadavg } from 'node:os';
import { allAnnotations, createDb, importFile, listPages } from '../../utils/db';
import { EXPORT_FORMATS, exportFile, type ExportFormat } from '../../utils/export';
import { makeLibrary, seedDatabase } from './library-seed';

const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const size = (data: string | Uint8Array) => (typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength);

/** Runs the section. */
export async function libraryDataBench(annotations = 100_000, pages = 10_000): Promise<void> {
  console.log(
    `\nlibrary data: ${annotations.toLocaleString('en')} highlights over ${pages.toLocaleString('en')} pages, fake-indexeddb under Node ${process.version} (${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(1)})`,
  );
  const source = createDb('bench-library-source', { indexedDB, IDBKeyRange });
  let t = performance.now();
  await seedDatabase(source, makeLibrary(annotations, pages, { seed: 1 }));
  console.log(`  seed (build and write the records)   ${ms(performance.now() - t).padStart(10)}`);

  t = performance.now();
  const [storedPages, stored] = await Promise.all([listPages(source), allAnnotations(source)]);
  const read = performance.now() - t;
  console.log(`  read everything from the database    ${ms(read).padStart(10)}`);

  let jsonld = '';
  for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
    t = performance.now();
    const file = exportFile(format, storedPages, stored, { kind: 'all' });
    const took = performance.now() - t;
    if (format === 'jsonld') jsonld = file.data as string;
    console.log(
      `  export ${format.padEnd(8)} ${file.name.padEnd(28)} ${ms(took).padStart(10)} (+ read ${ms(read)})  ${mb(size(file.data))}`,
    );
  }
  source.close();

  const target = createDb('bench-library-target', { indexedDB, IDBKeyRange });
  t = performance.now();
  // The bench imports the whole file whatever its size; the extension refuses files over MAX_IMPORT_CHARS.
  const report = await importFile(target, jsonld, Number.MAX_SAFE_INTEGER);
  console.log(
    `  import the full JSON-LD (${mb(Buffer.byteLength(jsonld))})     ${ms(performance.now() - t).padStart(10)}  ${report.message}`,
  );
  t = performance.now();
  const again = await importFile(target, jsonld, Number.MAX_SAFE_INTEGER);
  console.log(`  import it again (all unchanged)      ${ms(performance.now() - t).padStart(10)}  ${again.message}`);
  target.close();
}
