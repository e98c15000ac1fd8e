import { describe, expect, it } from 'vitest';
import { readAllAnnotations } from '../../../utils/db/read-all';
import { freshDb, newAnnotation } from './helpers';
import { saveAnnotation } from '../../../utils/db/store';

describe('readAllAnnotations', () => {
  it('reads every highlight once, whatever its id, and counts them as it goes', async () => {
    const db = freshDb();
    const ids: string[] = [];
    // Ids starting with every hex digit, and at the edges between the ranges.
    for (const first of [...'0123456789abcdef']) {
      for (const rest of ['0000000-0000-4000-8000-000000000000', 'fffffff-ffff-4fff-bfff-ffffffffffff']) {
        const saved = await saveAnnotation(db, newAnnotation(undefined, { id: `${first}${rest}` }));
        ids.push(saved.id);
      }
    }
    // Keys no UUID has (written directly): upper case, empty-ish, beyond 'f'.
    const odd = ['A0000000-0000-4000-8000-000000000000', 'zz', '1'];
    const template = (await db.annotations.get(ids[0]!))!;
    await db.annotations.bulkPut(odd.map((id) => ({ ...template, id })));
    const heard: [number, number][] = [];
    const slices = await db.transaction('r', db.annotations, () =>
      readAllAnnotations(db, (done, total) => heard.push([done, total])),
    );
    expect(slices).toHaveLength(16);
    const read = slices.flat().map((a) => a.id);
    expect(read.sort()).toEqual([...ids, ...odd].sort());
    expect(heard[0]).toEqual([0, read.length]);
    expect(heard.at(-1)).toEqual([read.length, read.length]);
  });
});
