/**
 * An in-memory word index: the distinct words in sorted order, each with the
 * keys (highlight ids, page URLs) it belongs to. A search term is answered by
 * a binary search for the first word it starts and a walk over the words that
 * follow while they still start with it, marking their keys: no database
 * read, so a lone letter is as quick as a whole word. It holds the words
 * of each record (derived from the record for highlights and pages, stored
 * for quotations), and is kept up to date by `set` and `remove` after each
 * edit. The library searches highlights and pages with it
 * (`utils/library/query.ts`), the sources their quotations (`utils/sources/queries.ts`).
 */
import type { Table } from 'dexie';

/** Which keys hold a word that starts with the term. */
export type KeyTest = (key: string) => boolean;

export class WordIndex {
  /** Distinct words, sorted by UTF-16 code units (as `<` compares them). */
  private words: string[] = [];
  /** For each word of `words`, the numbers of the keys that hold it. */
  private postings: number[][] = [];
  /** Key → its number, for good (an edit keeps it; a removed key's number is not given again). */
  private numberOf = new Map<string, number>();
  private documents = 0;

  /** Builds the index of `entries` (a key and its words) at once. */
  static of(entries: Iterable<readonly [string, readonly string[]]>): WordIndex {
    const index = new WordIndex();
    index.addAll(entries);
    return index;
  }

  /** How many keys it holds. */
  get size(): number {
    return this.numberOf.size;
  }

  /** How many numbers it has given: `numbers()` of the same keys stays valid while this stays the same. */
  get numbered(): number {
    return this.documents;
  }

  /** Adds or replaces many keys with their words, merging the words in one sort. */
  addAll(entries: Iterable<readonly [string, readonly string[]]>): void {
    const fresh = new Map<string, number[]>();
    const replaced = new Set<number>();
    // A key given twice: the last words count.
    for (const [key, words] of new Map(entries)) {
      let n = this.numberOf.get(key);
      if (n === undefined) {
        n = this.documents++;
        this.numberOf.set(key, n);
      } else replaced.add(n);
      for (const word of words) {
        const list = fresh.get(word);
        if (list) {
          if (list[list.length - 1] !== n) list.push(n);
        } else fresh.set(word, [n]);
      }
    }
    if (replaced.size) this.strip(replaced);
    if (fresh.size === 0) return;
    const added = [...fresh.keys()].sort(compare);
    // Merge the sorted new words into the sorted old ones.
    const words: string[] = [];
    const postings: number[][] = [];
    let i = 0;
    let j = 0;
    while (i < this.words.length || j < added.length) {
      const old = this.words[i];
      const add = added[j];
      if (add === undefined || (old !== undefined && old < add)) {
        words.push(old!);
        postings.push(this.postings[i++]!);
      } else if (old === add) {
        words.push(old);
        postings.push(this.postings[i++]!.concat(fresh.get(add)!));
        j++;
      } else {
        words.push(add);
        postings.push(fresh.get(add)!);
        j++;
      }
    }
    this.words = words;
    this.postings = postings;
  }

  /** Sets the words of one key (a new or edited record). */
  set(key: string, words: readonly string[]): void {
    this.addAll([[key, words]]);
  }

  /** Forgets keys (deleted records). */
  remove(...keys: string[]): void {
    const gone = new Set<number>();
    for (const key of keys) {
      const n = this.numberOf.get(key);
      if (n === undefined) continue;
      gone.add(n);
      this.numberOf.delete(key);
    }
    if (gone.size) this.strip(gone);
  }

  /** Drops `numbers` from every word's list (one pass over the lists); a word left with none stays, matching nothing. */
  private strip(numbers: Set<number>): void {
    for (let i = 0; i < this.postings.length; i++) {
      const list = this.postings[i]!;
      if (list.some((n) => numbers.has(n))) this.postings[i] = list.filter((n) => !numbers.has(n));
    }
  }

  /** The numbers of `keys` (-1 for a key it does not hold), for `marks`. */
  numbers(keys: readonly string[]): Int32Array {
    return Int32Array.from(keys, (key) => this.numberOf.get(key) ?? -1);
  }

  /** Which numbers hold a word that starts with `term` (1), indexed by number. */
  marks(term: string): Uint8Array {
    const marks = new Uint8Array(this.documents);
    for (let at = lowerBound(this.words, term); at < this.words.length; at++) {
      if (!this.words[at]!.startsWith(term)) break;
      for (const n of this.postings[at]!) marks[n] = 1;
    }
    return marks;
  }

  /** The test for keys holding a word that starts with `term`. */
  matching(term: string): KeyTest {
    const marks = this.marks(term);
    return (key) => {
      const n = this.numberOf.get(key);
      return n !== undefined && marks[n] === 1;
    };
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The first position in sorted `words` whose word is not below `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Records read at a time while an index is built (each batch one `getAll` request; the page stays responsive between). */
const BATCH = 5000;

/** Reads every record of a table keyed by a string `id`, in batches in key order, handing each batch to `each`. */
export async function forEachBatch<T extends { id: string }, I>(
  table: Table<T, string, I>,
  each: (records: T[]) => void,
  batch = BATCH,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const records: T[] = await (
      after === null ? table.limit(batch) : table.where(':id').above(after).limit(batch)
    ).toArray();
    each(records);
    if (records.length < batch) return;
    after = records[records.length - 1]!.id;
  }
}

/**
 * The word index of a table keyed by a string `id` (id → the record's words:
 * `wordsOf` of it, by default its stored `words`), read in batches of records
 * in key order. Records are dropped once their words are taken. `onBatch`
 * sees each batch's keys.
 */
export async function loadWordIndex<T extends { id: string }, I>(
  table: Table<T, string, I>,
  batch = BATCH,
  onBatch?: (keys: string[]) => void,
  wordsOf: (record: T) => readonly string[] = (r) => (r as { words?: string[] }).words ?? [],
): Promise<WordIndex> {
  const index = new WordIndex();
  await forEachBatch(
    table,
    (records) => {
      const keys: string[] = records.map((r) => r.id);
      index.addAll(records.map((r, i) => [keys[i]!, wordsOf(r)] as const));
      onBatch?.(keys);
    },
    batch,
  );
  return index;
}
