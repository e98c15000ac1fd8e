import { describe, expect, it } from 'vitest';
import { nameKey } from '../../../scripts/lib/ner-lists';
import { addRecentNames, recentNames } from '../../../scripts/lib/ner-recent-names';

const PER = 1;
const ORG = 2;
const LOC = 4;

/**
 * A stand-in tagger over texts written for this test: each text lists its mentions as
 * "Name/TYPE; Name/TYPE" (a part without a type is text the tagger found no name in).
 * The code under test is the counting, not the tagging.
 */
function tag(text: string): { text: string; type: string }[] {
  return text
    .split('; ')
    .filter((m) => m.includes('/'))
    .map((m) => {
      const [name, type] = m.split('/');
      return { text: name, type };
    });
}

const OPTS = { minMentions: 2, minDocs: 2, minShare: 0.7, minTagged: 0.5 };

const key = (name: string) => nameKey(name)!;

describe('recentNames', () => {
  it('keeps a name seen often enough, in several articles, with one clear type', () => {
    const texts = [
      'Odalys Brenner/PER; Brenner/PER',
      'Brenner/PER; Kestrel Fund/ORG',
      'Brenner’s/PER; Kestrel Fund/ORG',
    ];
    const names = recentNames(() => texts, tag, OPTS);
    // The possessive is the same name.
    expect(names.get(key('Brenner'))).toBe(PER);
    expect(names.get(key('Kestrel Fund'))).toBe(ORG);
    // One article only.
    expect(names.has(key('Odalys Brenner'))).toBe(false);
  });

  it('drops a name whose type the articles disagree on, and MISC and unknown types', () => {
    const texts = ['Varnhold/ORG; Varnhold/LOC', 'Varnhold/LOC; Euro Cup/MISC', 'Varnhold/ORG; Euro Cup/MISC'];
    const names = recentNames(() => texts, tag, OPTS);
    expect(names.has(key('Varnhold'))).toBe(false);
    expect(names.get(key('Euro Cup'))).toBe(8);
    const two = recentNames(() => ['Varnhold/LOC', 'Varnhold/LOC; Varnhold/LOC', 'Varnhold/ORG'], tag, OPTS);
    expect(two.get(key('Varnhold'))).toBe(LOC);
  });

  it('needs the minimum of mentions', () => {
    const names = recentNames(() => ['Quillan/PER', 'Quillan/PER'], tag, { ...OPTS, minMentions: 3 });
    expect(names.size).toBe(0);
  });

  it('drops a word the tagger names in fewer than half the places it stands capitalised', () => {
    // "Chirpster" is named twice, but stands capitalised six times more.
    const texts = [
      'Chirpster/PER; Chirpster said; Chirpster posts; On Chirpster',
      'Chirpster/PER; Chirpster users; Chirpster; Chirpster feeds',
    ];
    expect(recentNames(() => texts, tag, OPTS).size).toBe(0);
    // A surname inside a full name counts as named there ("Brenner" in "Odalys Brenner").
    const people = ['Odalys Brenner/PER; Brenner/PER', 'Odalys Brenner/PER; Brenner/PER'];
    expect(recentNames(() => people, tag, OPTS).get(key('Brenner'))).toBe(PER);
  });
});

describe('recentNames and listed places', () => {
  it('learns a listed place as a person only if a full name of a person ends in it', () => {
    const places = new Set([key('Marwick'), key('Tarrant')]);
    const isPlace = (k: number) => places.has(k);
    const texts = [
      'Marwick/PER; Tarrant/PER',
      'Marwick/PER; Tarrant/PER; Lena Tarrant/PER',
      'Marwick/PER; Tarrant/PER',
    ];
    const names = recentNames(() => texts, tag, OPTS, isPlace);
    expect(names.has(key('Marwick'))).toBe(false);
    expect(names.get(key('Tarrant'))).toBe(PER);
    // Without the lists' help, both are learned as they were tagged.
    expect(recentNames(() => texts, tag, OPTS).get(key('Marwick'))).toBe(PER);
  });
});

describe('addRecentNames', () => {
  it('adds to names the training text did not type, keeping the lists’ bits, never retyping a training name', () => {
    const gazetteer = new Map<number, number>([
      [key('Brenner'), ORG],
      [key('Kestrel'), 1 << 6],
    ]);
    const recent = new Map<number, number>([
      [key('Brenner'), PER],
      [key('Kestrel'), LOC],
      [key('Odalys Brenner'), PER],
    ]);
    expect(addRecentNames(gazetteer, recent)).toBe(2);
    expect(gazetteer.get(key('Brenner'))).toBe(ORG);
    expect(gazetteer.get(key('Kestrel'))).toBe((1 << 6) | LOC);
    expect(gazetteer.get(key('Odalys Brenner'))).toBe(PER);
  });
});
