/**
 * Every highlight read at once, for a whole export or an import that meets
 * most of the library again. Ids are lower-case UUIDs: their first hex digit
 * splits the key space into 16 ranges of about the same size without reading
 * the keys first (the ranges between them cover any other string too). The
 * 16 `getAll` requests are asked for at once, so that the database reads a
 * range while the caller takes in the one before.
 */
import type { GlossDB } from './database';
import type { Annotation } from './types';

/** Where the ranges of ids meet. */
const SPLITS = [...'123456789abcdef'];

/**
 * Reads every annotation in 16 ranges of ids, in the caller's transaction
 * (or each range in its own, outside one). `onSlice` sees each range as it
 * comes (while the database reads the next), then `onRead` hears how many
 * are read of how many there are. In no particular order.
 */
export async function readAllAnnotations(
  db: GlossDB,
  onRead?: (done: number, total: number) => void,
  onSlice?: (slice: Annotation[]) => void,
): Promise<Annotation[][]> {
  const total = onRead ? await db.annotations.count() : 0;
  onRead?.(0, total);
  let done = 0;
  const byId = () => db.annotations.where(':id');
  const ranges = [
    byId().below(SPLITS[0]!),
    ...SPLITS.slice(1).map((hi, i) => byId().between(SPLITS[i]!, hi, true, false)),
    byId().aboveOrEqual(SPLITS.at(-1)!),
  ];
  return Promise.all(
    ranges.map(async (range) => {
      const slice = await range.toArray();
      onSlice?.(slice);
      done += slice.length;
      onRead?.(done, Math.max(total, done));
      return slice;
    }),
  );
}
