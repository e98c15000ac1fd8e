import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordIndex } from '../../../utils/db/word-index';

/** The keys whose words start with `term`, by a plain scan. */
function scan(entries: Map<string, string[]>, term: string): string[] {
  return [...entries].filter(([, words]) => words.some((w) => w.startsWith(term))).map(([k]) => k);
}

const matched = (index: WordIndex, keys: Iterable<string>, term: string) => {
  const test = index.matching(term);
  return [...keys].filter((k) => test(k));
};

describe('the in-memory word index', () => {
  it('answers a prefix with every key holding a word that starts with it', () => {
    const index = WordIndex.of([
      ['a', ['rain', 'zurich', 'wang']],
      ['b', ['rainbow']],
      ['c', ['train', 'ra']],
    ]);
    const keys = ['a', 'b', 'c', 'd'];
    expect(matched(index, keys, 'r')).toEqual(['a', 'b', 'c']);
    expect(matched(index, keys, 'rain')).toEqual(['a', 'b']);
    expect(matched(index, keys, 'rainb')).toEqual(['b']);
    expect(matched(index, keys, 'ain')).toEqual([]);
    expect(matched(index, keys, 'zz')).toEqual([]);
    expect(matched(index, keys, 'w')).toEqual(['a']);
  });

  it('follows edits: new words, changed words, deleted keys', () => {
    const index = WordIndex.of([
      ['a', ['rain']],
      ['b', ['snow']],
    ]);
    index.set('a', ['sun', 'hail']);
    index.set('c', ['rainbow']);
    index.remove('b');
    const keys = ['a', 'b', 'c'];
    expect(matched(index, keys, 'rain')).toEqual(['c']);
    expect(matched(index, keys, 's')).toEqual(['a']);
    expect(matched(index, keys, 'h')).toEqual(['a']);
    expect(index.size).toBe(2);
  });

  it('agrees with a plain scan over random words, batches and edits', () => {
    const word = fc.stringMatching(/^[a-dé权]{1,4}$/);
    const entries = fc.array(
      fc.tuple(fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k6'), fc.array(word, { maxLength: 4 })),
      {
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(entries, entries, fc.array(word, { minLength: 1, maxLength: 6 }), (first, edits, terms) => {
        const truth = new Map<string, string[]>();
        const index = new WordIndex();
        // The first entries in two batches, then one edit at a time.
        const half = Math.floor(first.length / 2);
        for (const batch of [first.slice(0, half), first.slice(half)]) {
          index.addAll(batch);
          for (const [k, w] of batch) truth.set(k, w);
        }
        for (const [k, w] of edits) {
          if (w.length === 0) {
            index.remove(k);
            truth.delete(k);
          } else {
            index.set(k, w);
            truth.set(k, w);
          }
        }
        const keys = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
        for (const term of terms) expect(matched(index, keys, term)).toEqual(scan(truth, term).sort());
      }),
    );
  });
});
