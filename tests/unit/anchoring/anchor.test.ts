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

  it('finds a quote saved near the start of the text after text is inserted before it', () => {
    const text = 'UPDATE: This story has been updated.\n\n' + ARTICLE;
    for (const quote of ['EIJING, Feb. 25', 'Feb. 25 -- Chinese Foreign Minister']) {
      const m = anchor(text, select(quote));
      expect(found(text, m)).toBe(quote);
      expect(m!.start).toBe(text.indexOf(quote));
    }
  });

  it('does not take a copy of a short quote that a small shift brought to the old position', () => {
    // Found by the property tests: the "e" two characters back now sits at the
    // saved position, its context the saved one shifted by two (similarity 0.94).
    const text = 'The minister said on Monday that we went there and here and everywhere else that week.';
    const at = text.indexOf('there') + 4;
    const s = describe(text, at, at + 1);
    expect(text[at - 2]).toBe('e');
    expect(anchor('A ' + text, s)!.start).toBe(at + 2);
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

/** Selectors for `text[start, start + quote.length)`, checking the quote is there. */
function at(text: string, start: number, quote: string) {
  expect(text.slice(start, start + quote.length)).toBe(quote);
  return describe(text, start, start + quote.length);
}

// Counterexamples shrunk by the property tests (properties.test.ts), kept as plain cases.
group('anchor, after the quote was deleted', () => {
  it('does not take a look-alike elsewhere when the context stands joined where the quote was', () => {
    const text = 'international minister market\ninternational minister the';
    const s = at(text, 10, 'nal minister mar');
    expect(anchor('internatioket\ninternational minister the', s)).toBeNull();
    // The same look-alike is taken when the quote was edited in place instead.
    const edited = 'international minister mood\ninternational minister the';
    expect(anchor(edited, s)?.start).toBe(10);
  });

  it('does not take a fragment of the next word for a deleted short quote', () => {
    const text = 'the café ministry ministry the\nthe';
    const s = at(text, 9, 'ministry m');
    expect(anchor('the café inistry the\nthe', s)).toBeNull();
  });

  it('does not take the start of the suffix for a deleted short quote', () => {
    const suffix = 'n\nsession security council said. The talks went on.';
    const s = at('meeting sessio' + suffix, 7, ' sessio');
    expect(anchor('meeting' + suffix, s)).toBeNull();
  });

  it('does not take a near copy of a deleted quote saved at the start of the text elsewhere', () => {
    const text =
      'policy meeting in growth week must," naïve said. policy\nmust," development week report the officials said.';
    const s = at(text, 1, 'olicy me');
    expect(anchor('p' + text.slice(9), s)).toBeNull();
  });

  it('does not take the end of the prefix for a deleted quote that repeated it', () => {
    const before = '😀 policy rights security to (AP) security';
    const after = 'policy in \n      government economy government   the  council rights rights officials';
    const s = at(before + ' security\n \n' + after, before.length, ' security\n ');
    expect(anchor(before + '\n\n' + after, s)).toBeNull();
  });

  it('does not take the remains of a deleted quote that left a space at the join', () => {
    const s = at('it’s reform reform international officials met.', 3, 's reform ');
    expect(anchor('it’ reform international officials met.', s)).toBeNull();
  });
});
