import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../utils/analysis/ner/sentences';
import { tokenize } from '../../../../utils/analysis/ner/tokenize';

const words = (text: string) => tokenize(text).tokens.map((t) => text.slice(t.start, t.end));
const norms = (text: string) => tokenize(text).tokens.map((t) => t.norm);

describe('tokenize', () => {
  it('splits punctuation, possessives and contractions as CoNLL does', () => {
    expect(words('Wang\'s view, he said, "wasn\'t new."')).toEqual([
      'Wang',
      "'s",
      'view',
      ',',
      'he',
      'said',
      ',',
      '"',
      'was',
      "n't",
      'new',
      '.',
      '"',
    ]);
  });

  it('maps typographic quotes, apostrophes and dashes to ASCII but keeps offsets', () => {
    const text = '“We agree,” Wang’s aide said—and left.';
    const { tokens } = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual([
      '"',
      'We',
      'agree',
      ',',
      '"',
      'Wang',
      "'s",
      'aide',
      'said',
      '-',
      'and',
      'left',
      '.',
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end).length).toBe(t.end - t.start);
    expect(text.slice(tokens[5].start, tokens[5].end)).toBe('Wang');
    expect(text.slice(tokens[6].start, tokens[6].end)).toBe('’s');
  });

  it('keeps abbreviations and initials whole', () => {
    expect(norms('Mr. Xi met U.S. officials on Feb. 24 in Washington, D.C. today.')).toEqual([
      'Mr.',
      'Xi',
      'met',
      'U.S.',
      'officials',
      'on',
      'Feb.',
      '24',
      'in',
      'Washington',
      ',',
      'D.C.',
      'today',
      '.',
    ]);
  });

  it('splits a plural possessive apostrophe', () => {
    expect(norms("the ministers' talks")).toEqual(['the', 'ministers', "'", 'talks']);
  });
});

describe('splitSentences', () => {
  const sentences = (text: string) => {
    const { tokens, lineBreakBefore } = tokenize(text);
    return splitSentences(tokens, lineBreakBefore).map(([a, b]) => text.slice(tokens[a].start, tokens[b - 1].end));
  };

  it('does not end a sentence at an abbreviation', () => {
    expect(
      sentences('BEIJING, Feb. 24 (Xinhua) -- Mr. Wang spoke. The U.S. delegation left. He said "no." Then he left.'),
    ).toEqual([
      'BEIJING, Feb. 24 (Xinhua) -- Mr. Wang spoke.',
      'The U.S. delegation left.',
      'He said "no."',
      'Then he left.',
    ]);
  });

  it('ends sentences at line breaks and paragraphs', () => {
    expect(sentences('A Headline Without a Stop\n\nFirst paragraph here')).toEqual([
      'A Headline Without a Stop',
      'First paragraph here',
    ]);
  });

  it('does not split before a lower-case word', () => {
    expect(sentences('It cost $5 million. and more')).toEqual(['It cost $5 million. and more']);
  });
});
