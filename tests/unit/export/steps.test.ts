import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeLibrary } from '../../../scripts/lib/library-seed';
import {
  EXPORT_FORMATS,
  exportFile,
  exportSteps,
  toWebAnnotationCollection,
  toWebAnnotationJson,
  type ExportFormat,
} from '../../../utils/export';
import { concatBytes } from '../../../utils/export/parts';
import { runAll, runInSlices } from '../../../utils/steps';
import { ANNOTATIONS, PAGES } from './fixture';

const FORMATS = Object.keys(EXPORT_FORMATS) as ExportFormat[];
const now = new Date(Date.UTC(2026, 11, 3));

describe('exports written a slice at a time', () => {
  it('writes JSON-LD exactly as JSON.stringify of the collection', () => {
    const big = makeLibrary(2500, 40, { seed: 9 });
    for (const [pages, annotations] of [
      [PAGES, ANNOTATIONS],
      [big.pages, big.annotations],
      [[], []],
    ] as const) {
      expect(toWebAnnotationJson([...pages], [...annotations])).toBe(
        `${JSON.stringify(toWebAnnotationCollection([...pages], [...annotations]))}\n`,
      );
    }
  });

  it('gives the same file in slices (with progress up to every highlight) as at once, in every format', async () => {
    const { pages, annotations } = makeLibrary(3000, 300, { seed: 2 });
    for (const format of FORMATS) {
      const whole = exportFile(format, pages, annotations, { kind: 'all' }, now);
      const seen: number[] = [];
      const sliced = await runInSlices(exportSteps(format, pages, annotations, { kind: 'all' }, now), {
        onProgress: (done) => seen.push(done),
        sliceMs: 0,
      });
      expect(sliced.name).toBe(whole.name);
      expect(sliced.type).toBe(whole.type);
      if (format === 'vault') {
        const a = unzipSync(concatBytes(sliced.parts));
        const b = unzipSync(whole.data as Uint8Array);
        expect(Object.keys(a)).toEqual(Object.keys(b));
        expect(Object.keys(a)).toHaveLength(300);
        for (const name of Object.keys(a)) expect(strFromU8(a[name]!)).toBe(strFromU8(b[name]!));
      } else {
        expect(sliced.parts.join('')).toBe(whole.data);
        // Text is gathered into parts of about a megabyte, not one per highlight.
        expect(sliced.parts.length).toBeLessThan(20);
      }
      expect(seen.length).toBeGreaterThan(2);
      expect(seen).toEqual([...seen].sort((x, y) => x - y));
      expect(seen.at(-1)).toBe(3000);
    }
  });

  it('stops between slices when cancelled', async () => {
    const { pages, annotations } = makeLibrary(2000, 200, { seed: 4 });
    const stop = new AbortController();
    const run = runInSlices(exportSteps('markdown', pages, annotations), {
      onProgress: () => stop.abort(new Error('cancelled')),
      signal: stop.signal,
      sliceMs: 0,
    });
    await expect(run).rejects.toThrow('cancelled');
    expect(runAll(exportSteps('csv', [], [])).parts.join('')).toBe(exportFile('csv', [], []).data);
  });
});
