import { describe, expect, it } from 'vitest';
import { quotes } from './helpers';

describe('speakers of quotations without a cue', () => {
  it('reads a signature after the quotation on its own line', () => {
    const text =
      'Readers wrote in.\n“The bridge has been closed for a year.” ― Maria Lopez\n“Nobody listens to us.”― Tom Baker, Dayton.';
    expect(quotes(text)).toEqual([
      ['The bridge has been closed for a year.', 'Maria Lopez'],
      ['Nobody listens to us.', 'Tom Baker'],
    ]);
  });

  it('gives every quotation of a signed paragraph the signature', () => {
    const text = 'Readers wrote in.\n“The bridge is closed.” And the mayor is “not listening at all.” ― Ana Ruiz.';
    expect(quotes(text).map(([, s]) => s)).toEqual(['Ana Ruiz', 'Ana Ruiz']);
  });

  it('does not take a dash and a common phrase for a signature', () => {
    const text = 'Some answers follow.\n“The bridge has been closed for a year.” — and nothing has changed since.';
    expect(quotes(text)).toEqual([['The bridge has been closed for a year.', null]]);
  });

  it('gives a quotation paragraph to the person the paragraph before is about', () => {
    const text =
      'The mayor spoke first.\n\nMaria Lopez is hopeful about the vote, in part because the council has changed.\n\n' +
      '“We finally have the numbers to pass the budget this year.”';
    expect(quotes(text)).toEqual([['We finally have the numbers to pass the budget this year.', 'Maria Lopez']]);
  });

  it('names the first name of a label line, not the place after it', () => {
    const text =
      'Voters told us why they came.\n\nMaria Lopez, 34, Phoenix:\n"I came here to vote for change and nothing else."';
    expect(quotes(text)).toEqual([['I came here to vote for change and nothing else.', 'Maria Lopez']]);
  });

  it("does not take a name inside a phrase for the paragraph's subject", () => {
    const text = 'It was the Dayton mayor’s third win in a row.\n\n“Who can count how many races we have won by now?”';
    expect(quotes(text)).toEqual([['Who can count how many races we have won by now?', null]]);
  });

  it('does not take a sub-headline above the quotation for a label or a subject', () => {
    const text =
      'The council met on Monday.\n\nBudget Talks Stall in Springfield\n\n' +
      '“We need more time to finish the work on the budget.”';
    expect(quotes(text)).toEqual([['We need more time to finish the work on the budget.', null]]);
    const after = 'Anna Reed spoke first.\n\nWhat Comes Next\n\n“We need more time to finish the work on the budget.”';
    expect(quotes(after)).toEqual([['We need more time to finish the work on the budget.', null]]);
  });
});

describe('words quoted in a new paragraph’s sentence', () => {
  const said = '“We will win this state and then the next one,” Maria Lopez said on Monday.\n\n';
  it('are not the earlier speaker’s when the sentence has a subject of its own', () => {
    expect(
      quotes(said + 'Florida law makes any such vote “a binding decision for the whole county and its towns.”'),
    ).toEqual([
      ['We will win this state and then the next one,', 'Maria Lopez'],
      ['a binding decision for the whole county and its towns.', null],
    ]);
  });

  it('still continue the earlier speaker when they stand alone', () => {
    expect(quotes(said + '“A binding decision for the whole county and its towns is what we want.”')[1][1]).toBe(
      'Maria Lopez',
    );
  });
});
