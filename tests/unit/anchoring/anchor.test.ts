import { describe as group, expect, it } from 'vitest';
import { anchor, describe } from '../../../utils/anchoring';
import { ARTICLE } from './fixture';

/** Selectors for the first occurrence of `quote` in ARTICLE. */
function select(quote: string, text = ARTICLE) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in text: ${quote}`);
  return describe(text, start, start + quote.length);
}

function found(text: string, m: { start: number; end: number } | null): string | null {
  return m ? text.slice(m.start, m.end) : null;
}

const QUOTE = 'promote the healthy development of the international human rights cause';

group('anchor', () => {
  it('finds an unchanged quote at its position with full score', () => {
    const s = select(QUOTE);
    const m = anchor(ARTICLE, s);
    expect(m).toEqual({ start: s.position.start, end: s.position.end, score: 1 });
  });

  it('finds a quote moved by text inserted before it', () => {
    const s = select(QUOTE);
    const text = 'UPDATE: This story has been updated with new comments.\n\n' + ARTICLE;
    const m = anchor(text, s);
    expect(m).not.toBeNull();
    expect(m!.start).toBe(s.position.start + 56);
    expect(found(text, m)).toBe(QUOTE);
  });

  it('finds a quote whose paragraph moved elsewhere with new surroundings', () => {
    const s = select(QUOTE);
    const paragraphs = ARTICLE.split('\n\n');
    const moved = paragraphs[1]!.replace('Wang said, adding', 'the minister stressed, noting');
    const text = [
      paragraphs[0],
      paragraphs[2],
      paragraphs[3],
      moved.replace('"China is willing to work with all parties to ', 'He vowed to '),
      paragraphs[4],
    ].join('\n\n');
    expect(found(text, anchor(text, s))).toBe(QUOTE);
  });

  it('finds an edited quote and covers the edited text', () => {
    const s = select(QUOTE);
    const text = ARTICLE.replace('healthy development', 'sound development');
    const m = anchor(text, s);
    expect(found(text, m)).toBe('promote the sound development of the international human rights cause');
    expect(m!.score).toBeLessThan(1);
    expect(m!.score).toBeGreaterThan(0.8);
  });

  it('finds a quote when the text around it changed', () => {
    const s = select('oppose the politicisation of human rights issues');
    const text = ARTICLE.replace('uphold fairness and objectivity, and', 'stay fair and objective and must');
    expect(found(text, anchor(text, s))).toBe('oppose the politicisation of human rights issues');
  });

  it('returns null when the quoted text was deleted', () => {
    const s = select(QUOTE);
    const text = ARTICLE.replace(ARTICLE.split('\n\n')[1]!, 'The minister spoke about other matters.');
    expect(anchor(text, s)).toBeNull();
  });

  it('returns null when a short quote survives only in another place', () => {
    // "human rights" occurs several times; deleting the sentence it was saved in
    // must not paint one of the others.
    const sentence = 'He also called for more attention to the right to development.';
    const text0 = ARTICLE.replace(sentence, 'He also called for more attention to human rights in practice.');
    const at = text0.indexOf('human rights in practice');
    const s = describe(text0, at, at + 'human rights'.length);
    const text = text0.replace(' He also called for more attention to human rights in practice.', '');
    expect(anchor(text, s)).toBeNull();
  });

  it('returns null when a short quote was edited beyond recognition', () => {
    const s = select('Wang Yi');
    expect(anchor(ARTICLE.replace('Wang Yi', 'Li Qiang'), s)).toBeNull();
  });

  it('tells repeated quotes apart by their context', () => {
    const text = ARTICLE;
    const all: number[] = [];
    for (let at = text.indexOf('human rights'); at >= 0; at = text.indexOf('human rights', at + 1)) all.push(at);
    expect(all.length).toBeGreaterThan(1);
    for (const at of all) {
      const s = describe(text, at, at + 12);
      const shifted = 'A new first line.\n\n' + text;
      expect(anchor(shifted, s)!.start).toBe(at + 19);
    }
  });

  it('picks the repeated quote nearest the old position when contexts tie', () => {
    const unit = 'Yes. We agree. ';
    const text = unit.repeat(20);
    const at = unit.length * 12 + 5;
    const s = describe(text, at, at + 8);
    expect(anchor(text, s)!.start).toBe(at);
    expect(anchor('Intro. ' + text, s)!.start).toBe(at + 7);
  });

  it('prefers the edited quote in place to an exact copy in foreign context', () => {
    const s = select(QUOTE);
    const text =
      ARTICLE.replace('healthy development', 'healthy and steady development') +
      '\n\nUnrelated summary: ' +
      QUOTE +
      ' was a phrase used often.';
    const m = anchor(text, s);
    expect(m!.start).toBe(s.position.start);
    expect(found(text, m)).toBe('promote the healthy and steady development of the international human rights cause');
  });

  it('returns null for an empty quote or an empty text', () => {
    const s = select(QUOTE);
    expect(anchor('', s)).toBeNull();
    expect(anchor(ARTICLE, { ...s, quote: { ...s.quote, exact: '' } })).toBeNull();
  });

  it('survives a position outside the text', () => {
    const s = select(QUOTE);
    const moved = { ...s, position: { ...s.position, start: 1e6, end: 1e6 + 10 } };
    expect(found(ARTICLE, anchor(ARTICLE, moved))).toBe(QUOTE);
  });
});
