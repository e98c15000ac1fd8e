import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeLibrary } from '../../../scripts/lib/library-seed';
import { exportFile, type ExportFormat } from '../../../utils/export';
import { makeExport } from '../../../utils/library/export-job';
import { freshDb } from '../db/helpers';

describe('makeExport', () => {
  it('writes the same file as exportFile in every format, with the highlights written ahead while they are read', async () => {
    const db = freshDb();
    const { pages, annotations } = makeLibrary(600, 40, { seed: 7 });
    await db.pages.bulkPut(pages);
    await db.annotations.bulkPut(annotations);
    const now = new Date(Date.UTC(2026, 11, 3));
    const byDate = [...annotations].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    const byVisit = [...pages].sort((a, b) => b.lastVisited - a.lastVisited);
    for (const format of ['markdown', 'vault', 'jsonld', 'csv'] as ExportFormat[]) {
      const phases = new Set<string>();
      const made = await makeExport(
        db,
        format,
        { kind: 'all' },
        { kind: 'all' },
        {
          now,
          onProgress: (p) => phases.add(p.phase),
        },
      );
      const expected = exportFile(format, byVisit, byDate, { kind: 'all' }, now);
      expect(made.name).toBe(expected.name);
      expect(made.count).toBe(annotations.length);
      const bytes = new Uint8Array(await made.blob.arrayBuffer());
      const want = typeof expected.data === 'string' ? new TextEncoder().encode(expected.data) : expected.data;
      expect(Buffer.from(bytes).equals(Buffer.from(want)), format).toBe(true);
      expect([...phases]).toEqual(['Reading your highlights', 'Writing the file']);
    }
    // A search result of most of the library is read the same way, and only its highlights are written.
    const ids = annotations.slice(0, 500).map((a) => a.id);
    const some = await makeExport(db, 'markdown', { kind: 'search', query: 'x' }, { kind: 'ids', ids }, { now });
    const wanted = new Set(ids);
    const expected = exportFile(
      'markdown',
      byVisit,
      byDate.filter((a) => wanted.has(a.id)),
      { kind: 'search', query: 'x' },
      now,
    );
    expect(await some.blob.text()).toBe(expected.data);
  });
});
