import { describe as group, expect, it } from 'vitest';
import { anchor, describe } from '../../../utils/anchoring';
import { longText, random } from './fixture';

/** `count` random one-character edits to `s`, away from its first and last `margin` characters. */
function edit(s: string, count: number, seed: number, margin = 0): string {
  const rnd = random(seed);
  let out = s;
  for (let i = 0; i < count; i++) {
    const at = margin + Math.floor(rnd() * (out.length - 2 * margin));
    out = out.slice(0, at) + 'Q' + out.slice(at + 1);
  }
  return out;
}

const TEXT = longText(200_000);

group('anchor, long quotes and long texts', () => {
  it('finds a 3,000-character quote with a few edits', () => {
    const at = 120_000;
    const s = describe(TEXT, at, at + 3000);
    const quote = TEXT.slice(at, at + 3000);
    const text = TEXT.slice(0, at) + edit(quote, 20, 3) + TEXT.slice(at + 3000);
    const m = anchor(text, s);
    expect(m).not.toBeNull();
    expect(m!.start).toBe(at);
    expect(m!.end).toBe(at + 3000);
  });

  it('finds a 4,000-character quote edited beyond a whole-text search (300 edits), by its ends', () => {
    const at = 50_000;
    const quote = TEXT.slice(at, at + 4000);
    const s = describe(TEXT, at, at + 4000);
    const text = TEXT.slice(0, at) + edit(quote, 300, 5, 80) + TEXT.slice(at + 4000);
    const m = anchor(text, s);
    expect(m).not.toBeNull();
    expect(Math.abs(m!.start - at)).toBeLessThanOrEqual(2);
    expect(Math.abs(m!.end - (at + 4000))).toBeLessThanOrEqual(2);
  });

  it('returns null for a long quote that was deleted', () => {
    const at = 80_000;
    const s = describe(TEXT, at, at + 1500);
    const text = TEXT.slice(0, at) + TEXT.slice(at + 1500);
    expect(anchor(text, s)).toBeNull();
  });

  it('anchors exact, moved, edited and deleted passages of a 200k-character text correctly', () => {
    const at = 150_000;
    const base = describe(TEXT, at, at + 80);
    const inserted = 'Inserted paragraph. '.repeat(10);
    const shift = inserted.length;
    const hit = (text: string, s: ReturnType<typeof describe>) => {
      const m = anchor(text, s);
      return m && [m.start, m.end];
    };
    expect(hit(TEXT, base)).toEqual([at, at + 80]);
    expect(hit(inserted + TEXT, base)).toEqual([at + shift, at + 80 + shift]);
    expect(hit(TEXT.slice(0, at + 10) + 'XYZ' + TEXT.slice(at + 13), base)).toEqual([at, at + 80]);
    expect(hit(TEXT.slice(0, at) + TEXT.slice(at + 80), base)).toBeNull();
    expect(hit(TEXT.slice(0, 20_000) + TEXT.slice(25_000), describe(TEXT, 20_000, 25_000))).toBeNull();
    // A common word and a single letter: found at their own place by position and context, not at the first match.
    const word = TEXT.indexOf(' the ', at) + 1;
    expect(hit(inserted + TEXT, describe(TEXT, word, word + 3))).toEqual([word + shift, word + 3 + shift]);
    const letter = TEXT.indexOf('e', at);
    expect(hit(inserted + TEXT, describe(TEXT, letter, letter + 1))).toEqual([letter + shift, letter + 1 + shift]);
  });
});
