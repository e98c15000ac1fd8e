import { describe, expect, it } from 'vitest';
import { firstKey, gazetteerCodes, listBit, LISTS, nextKey } from '../../../../utils/analysis/ner/gazetteer';
import { capClass } from '../../../../utils/analysis/ner/context';
import { hashString } from '../../../../utils/analysis/ner/hash';

function codes(sentence: string, names: [string, number][]): { words: string[]; codes: Uint32Array } {
  const words = sentence.split(' ');
  const hashes = Uint32Array.from(words.map((w) => hashString(w.toLowerCase())));
  const caps = Uint8Array.from(words.map(capClass));
  const gaz = new Map<number, number>();
  for (const [name, mask] of names) {
    const ws = name.split(' ').map((w) => hashString(w));
    let key = firstKey(ws[0]);
    for (let i = 1; i < ws.length; i++) key = nextKey(key, ws[i]);
    gaz.set(key, mask);
  }
  return { words, codes: gazetteerCodes(hashes, caps, [[0, words.length]], gaz) };
}

describe('gazetteerCodes', () => {
  it('codes the names of the training text and of every list, by position in the name', () => {
    // The last list (cities) stands for any.
    const region = LISTS.length - 1;
    const { codes: c } = codes('Voters in New Brunswick and Tasmania met Lena', [
      ['new brunswick', listBit(region)],
      ['tasmania', listBit(region)],
      ['lena', listBit(0) | 1],
    ]);
    const t = 4 + region;
    // "New Brunswick": first and last word of a listed name; "Tasmania": a whole one.
    expect(c[2]).toBe((1 << (4 * t + 1)) >>> 0);
    expect(c[3]).toBe((1 << (4 * t + 3)) >>> 0);
    expect(c[5]).toBe((1 << (4 * t)) >>> 0);
    // The lists' half of the code, as the features read it.
    expect(c[5] >>> 16).toBe(1 << (4 * region));
    // A given name also known as a person's name from the training text.
    expect(c[7]).toBe(((1 << 16) | 1) >>> 0);
    // Lower-case words start no name.
    expect(c[0] | c[1] | c[4] | c[6]).toBe(0);
  });
});
