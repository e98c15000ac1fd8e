import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../../../utils/analysis/quotes';
import type { EntityMention } from '../../../../utils/analysis/types';
import { quotes } from './helpers';

describe('described speakers', () => {
  it('gives a role the one person the article tied to it', () => {
    const text = 'Sen. Ted Cruz spoke in Iowa.\n\n“We will win,” the senator said.';
    expect(quotes(text)).toEqual([['We will win,', 'Ted Cruz']]);
  });

  it('says the description when several people hold the role, unless its words tell which', () => {
    const two = 'Sen. Ted Cruz met Sen. Bernie Sanders.\n\n“We will win,” the senator said.';
    expect(quotes(two)).toEqual([['We will win,', 'the senator']]);
    const told =
      'Sen. Ted Cruz of Texas met Sen. Bernie Sanders of Vermont on Monday.\n\n“We will win,” the Vermont senator said.';
    expect(quotes(told)).toEqual([['We will win,', 'Bernie Sanders']]);
  });

  it('does not take a vice president for the president, nor the description for its own tie', () => {
    const vice = 'Vice President Joe Biden arrived.\n\n“It is over,” the president said.';
    expect(quotes(vice)).toEqual([['It is over,', 'the president']]);
    const itself = 'The hosts were Jane Roe and Mika Smith, the candidate said that “it was a fair debate.”';
    expect(quotes(itself)[0][1]).not.toBe('Mika Smith');
  });

  it('keeps the description when the text was just talking about someone else', () => {
    // The article tied "governor" to one person long before; the paragraph is about another.
    const other =
      'Former Gov. Maria Menon Reyes backed the plan in March.\n\n' +
      'Tom Albrecht defended his endorsement on his radio show.\n\n' +
      '“I have known him for years,” the governor said.';
    expect(quotes(other)).toEqual([['I have known him for years,', 'the governor']]);
    // The same role, with the person tied to it named just before: resolved.
    const same =
      'Former Gov. Maria Menon Reyes backed the plan in March.\n\n' +
      'Maria Menon Reyes defended her endorsement on her radio show.\n\n' +
      '“I have known him for years,” the governor said.';
    expect(quotes(same)).toEqual([['I have known him for years,', 'Maria Menon Reyes']]);
  });

  it('gives no speaker for a description of no one', () => {
    expect(
      quotes('The balloons came down as the crowd cheered “four more years, and then some,” the balloons said.'),
    ).toEqual([['four more years, and then some,', null]]);
    expect(quotes('“We have a plan for the whole state,” a senior official said.')).toEqual([
      ['We have a plan for the whole state,', 'a senior official'],
    ]);
    expect(quotes('“We have a plan for the whole state,” a source familiar with the talks said.')).toEqual([
      ['We have a plan for the whole state,', 'a source familiar'],
    ]);
  });
});

describe('people named after their trade', () => {
  it('resolves "she" to a name after a role word, even one the tagger calls an organisation', () => {
    const text =
      'Amanda Kostro Miller spoke first. "Take it daily," she said.\n\n' +
      'It helps, as noted by registered dietitian Trista Best. "You will be more nourished," she told reporters.';
    const at = text.indexOf('Trista Best');
    const org: EntityMention[] = [{ start: at, end: at + 11, text: 'Trista Best', type: 'ORG' }];
    const found = findQuotes(text, org, []).map((q) => [q.text, q.speaker]);
    expect(found).toEqual([
      ['Take it daily,', 'Amanda Kostro Miller'],
      ['You will be more nourished,', 'Trista Best'],
    ]);
  });
});

describe('words quoted inside a sentence without a cue', () => {
  it('are its named subject’s, not a description’s or a pronoun’s', () => {
    expect(
      quotes('In 2012, Paul Ryan worried that the safety net was becoming “a hammock for the able-bodied.”'),
    ).toEqual([['a hammock for the able-bodied.', 'Paul Ryan']]);
    expect(quotes('The report worried that the safety net was becoming “a hammock for the able-bodied.”')).toEqual([
      ['a hammock for the able-bodied.', null],
    ]);
  });
});
