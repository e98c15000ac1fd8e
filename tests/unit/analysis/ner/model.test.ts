import { describe, expect, it } from 'vitest';
import { FEATURE_VERSION } from '../../../../utils/analysis/ner/features';
import { gazetteerCodes, firstKey, nextKey } from '../../../../utils/analysis/ner/gazetteer';
import { hashString } from '../../../../utils/analysis/ner/hash';
import { decodeModel, encodeModel, type Stage } from '../../../../utils/analysis/ner/model';
import { applyTitles, dropArticles, dropVerbs } from '../../../../utils/analysis/ner/rules';

function stage(seed: number): Stage {
  const weights = new Float32Array(16 * 9).map((_, i) => (i % 7 === 0 ? 0 : Math.sin(i * seed) * 3));
  return {
    bits: 4,
    labels: 9,
    weights,
    scale: 1,
    trans: new Float32Array(81).fill(0.5),
    start: new Float32Array(9).fill(-1),
  };
}

describe('model file', () => {
  it('round-trips two stages into one interleaved table, within 8-bit precision', () => {
    const stages = [stage(1), stage(2)];
    const lexicon = {
      known: new Set([1, 2, 3]),
      lower: new Set([2]),
      names: new Map([[42, 5]]),
      clusters: new Map([[7, 12345]]),
    };
    const model = decodeModel(encodeModel(FEATURE_VERSION, { lexicon, stages }), FEATURE_VERSION);
    expect(model.lexicon).toEqual(lexicon);
    expect(model.stages[0].weights).toBe(model.stages[1].weights);
    model.stages.forEach((s, k) => {
      expect(s.rowStride).toBe(18);
      expect(s.offset).toBe(9 * k);
      for (let r = 0; r < 16; r++) {
        for (let l = 0; l < 9; l++) {
          const w = s.weights[r * 18 + 9 * k + l] * s.scale;
          expect(Math.abs(w - stages[k].weights[r * 9 + l])).toBeLessThan(3 / 127);
        }
      }
      expect([...s.trans]).toEqual([...stages[k].trans]);
    });
  });

  it('refuses other files and other feature versions', () => {
    const bytes = encodeModel(FEATURE_VERSION, {
      lexicon: { known: new Set(), lower: new Set(), names: new Map() },
      stages: [stage(1)],
    });
    expect(() => decodeModel(bytes, FEATURE_VERSION + 1)).toThrow(/retrain/);
    expect(() => decodeModel(new Uint8Array(64), FEATURE_VERSION)).toThrow(/not a Gloss NER model/);
  });
});

describe('gazetteer', () => {
  it('marks the words of known names by type and position', () => {
    const words = ['visit', 'new', 'york', 'city'];
    const hashes = Uint32Array.from(words, hashString);
    const gaz = new Map([[nextKey(firstKey(hashes[1]), hashes[2]), 1 << 2]]);
    const codes = gazetteerCodes(hashes, Uint8Array.from([0, 1, 1, 1]), [[0, 4]], gaz);
    // LOC (type 2): "new" first word (bit 9), "york" last word (bit 11).
    expect([...codes]).toEqual([0, 1 << 9, 1 << 11, 0]);
  });
});

describe('rules after tagging', () => {
  // Labels: 0 O, 1/2 B/I-PER, 3/4 B/I-ORG, 5/6 B/I-LOC, 7/8 B/I-MISC.
  it('takes honorifics and titles out of names', () => {
    const labels = Uint8Array.from([1, 2, 0, 3, 4, 0, 0]);
    applyTitles(['Mr.', 'Xi', 'and', 'Governor', 'Pence', 'met', 'Dr.'], labels);
    expect([...labels]).toEqual([0, 1, 0, 0, 1, 0, 0]);
  });

  it('keeps "General Motors" and "Premier League"', () => {
    const labels = Uint8Array.from([3, 4, 0, 7, 8]);
    applyTitles(['General', 'Motors', 'and', 'Premier', 'League'], labels);
    expect([...labels]).toEqual([3, 4, 0, 7, 8]);
  });

  it('drops verbs before "n\'t", "Let\'s", and a leading "The" of organisations', () => {
    const labels = Uint8Array.from([1, 2, 2, 0, 3, 0, 3, 4, 4]);
    dropVerbs(['Gennifer', 'Flowers', 'Wo', "n't", 'Let', "'s", 'The', 'World', 'Bank'], labels);
    dropArticles(['Gennifer', 'Flowers', 'Wo', "n't", 'Let', "'s", 'The', 'World', 'Bank'], labels);
    expect([...labels]).toEqual([1, 2, 0, 0, 0, 0, 0, 3, 4]);
  });
});
