/**
 * The quotations' words in memory, for quotation search at every keystroke:
 * a word index (id → words) and every quotation id, newest first. Built once
 * per database, from the records in batches, when the Sources view's first
 * list has painted (`sources:prepare`) or at the first search, which waits
 * for it (reading a common prefix from the database's indexes takes seconds
 * at 100,000 quotations). Writes are followed through
 * Dexie's `storagemutated` event (fired on each committed transaction, in this
 * context and, through a BroadcastChannel, in the others): the quotations it
 * names are read again before the next search; a write that names a range
 * (a bulk write, a clear) rebuilds the whole index.
 */
import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import type { GlossDB } from '../db/database';
import { loadWordIndex, WordIndex } from '../db/word-index';

export type QuoteIndex = {
  words: WordIndex;
  /** Every quotation id in reverse order (ids start with the article's day: newest first). */
  ids: string[];
  /** The word index's number of each of `ids` (`WordIndex.numbers`), made at the first search after a change. */
  numbers: Int32Array | null;
};

type State = {
  db: GlossDB;
  index: QuoteIndex | null;
  building: Promise<void> | null;
  /** Quotations written since the index was read (read again before the next search), or 'all'. */
  dirty: Set<string> | 'all';
};

/** One state per database name (one database per name in a context). */
const states = new Map<string, State>();

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts: ObservabilitySet) => {
    for (const [name, state] of states) {
      const tree = parts[`idb://${name}/sourceQuotes/`];
      if (!tree || state.dirty === 'all') continue;
      for (const range of RangeSet(tree)) {
        if (typeof range.from === 'string' && range.from === range.to) state.dirty.add(range.from);
        else {
          state.dirty = 'all';
          break;
        }
      }
    }
  });
}

/** The first position in `ids` (newest first) not newer than `id`. */
function position(ids: readonly string[], id: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! > id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function build(state: State): void {
  if (state.building) return;
  state.dirty = new Set();
  const ids: string[] = [];
  state.building = loadWordIndex(state.db.sourceQuotes, undefined, (keys) => ids.push(...keys))
    .then((words) => {
      state.index = { words, ids: ids.reverse(), numbers: null };
    })
    .catch(() => {
      // Searched from the database until the next try.
      state.index = null;
    })
    .finally(() => {
      state.building = null;
    });
}

function stateOf(db: GlossDB): State {
  let state = states.get(db.name);
  if (!state || state.db !== db) {
    listen();
    state = { db, index: null, building: null, dirty: 'all' };
    states.set(db.name, state);
  }
  return state;
}

/**
 * The quotation index of `db` when it is ready (with the writes since read
 * applied), else null, and its building started.
 */
export async function quoteIndex(db: GlossDB): Promise<QuoteIndex | null> {
  const state = stateOf(db);
  if (state.dirty === 'all') {
    state.index = null;
    build(state);
    return null;
  }
  const index = state.index;
  if (!index) {
    build(state);
    return null;
  }
  if (state.dirty.size) {
    const changed = [...state.dirty];
    state.dirty.clear();
    index.numbers = null;
    const records = await db.sourceQuotes.bulkGet(changed);
    changed.forEach((id, i) => {
      const q = records[i];
      const at = position(index.ids, id);
      const known = index.ids[at] === id;
      if (q) {
        index.words.set(id, q.words);
        if (!known) index.ids.splice(at, 0, id);
      } else {
        index.words.remove(id);
        if (known) index.ids.splice(at, 1);
      }
    });
  }
  return index;
}

/** Starts building the index of `db` (if it is not built) and waits for it: for the Sources view and benchmarks. */
export async function prepareQuoteIndex(db: GlossDB): Promise<QuoteIndex | null> {
  const state = stateOf(db);
  if (!state.index || state.dirty === 'all') build(state);
  await state.building;
  return quoteIndex(db);
}

/**
 * The ids of the quotations with a word starting with each of `terms`
 * (non-empty), newest first.
 */
export function matchingIds(index: QuoteIndex, terms: string[]): string[] {
  const numbers = (index.numbers ??= index.words.numbers(index.ids));
  const marks = terms.map((t) => index.words.marks(t));
  const found: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i]!;
    if (n >= 0 && marks.every((m) => m[n] === 1)) found.push(index.ids[i]!);
  }
  return found;
}
