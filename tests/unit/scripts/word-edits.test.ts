import { describe, expect, it } from 'vitest';
import { editWords, overlap, passageAfter } from '../../../scripts/lib/word-edits';

const TEXT =
  'The minister said on Tuesday that talks would resume.\nOfficials in Geneva declined to comment on the report.';

describe('editWords (the benchmark of re-anchoring after edits)', () => {
  it('changes nothing at 0%', () => {
    const e = editWords(TEXT, 0, 1);
    expect(e.text).toBe(TEXT);
    expect([...e.moved]).toEqual([...TEXT].map((_, i) => i));
  });

  it('keeps track of every surviving character, in order', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const e = editWords(TEXT, 0.3, seed);
      expect(e.text).not.toBe(TEXT);
      let last = -1;
      for (let i = 0; i < TEXT.length; i++) {
        const j = e.moved[i];
        if (j < 0) continue;
        expect(e.text[j]).toBe(TEXT[i]);
        expect(j).toBeGreaterThan(last);
        last = j;
      }
    }
  });

  it('finds a passage at its new place, with what was inserted inside it, or null when all of it is gone', () => {
    const e = {
      text: 'The new minister said',
      moved: Int32Array.from([0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]),
    };
    const source = 'The minister said';
    expect(source.length).toBe(e.moved.length);
    const [a, b] = passageAfter(e, 0, source.length)!;
    expect(e.text.slice(a, b)).toBe('The new minister said');
    const gone = { text: 'said', moved: Int32Array.from([-1, -1, -1, -1, -1, 0, 1, 2, 3]) };
    expect(passageAfter(gone, 0, 4)).toBeNull();
  });

  it('measures overlap as a share of the union', () => {
    expect(overlap([0, 10], [0, 10])).toBe(1);
    expect(overlap([0, 10], [5, 15])).toBeCloseTo(5 / 15);
    expect(overlap([0, 5], [5, 10])).toBe(0);
  });
});
