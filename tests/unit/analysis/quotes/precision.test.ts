import { describe, expect, it } from 'vitest';
import { quotes } from './helpers';

describe('the subject of a sentence', () => {
  it('ends at its verb: a name after the verb is no part of it', () => {
    const text =
      'The debate went badly for Okafor.\n\nOkafor has also criticized Social Democratic voters for not backing ' +
      'Adeyemi, declaring that the party is “a dead end.”';
    expect(quotes(text)).toEqual([['a dead end.', 'Okafor']]);
  });
});

describe('an appositive before the cue', () => {
  it('gives the name in it, not a name further back in the sentence', () => {
    const text =
      'It was Portugal, a country that the former trade minister, Helena Brandt, called “our oldest partner.”';
    expect(quotes(text)).toEqual([['our oldest partner.', 'Helena Brandt']]);
  });
});

describe('an opening subordinate clause', () => {
  it('keeps its quotation apart from the main clause’s cue after it', () => {
    const text = 'When Dimitrov described the plan as “a gift to landlords,” Ferreira replied that it was fair.';
    const [[quote, speaker]] = quotes(text);
    expect(quote).toBe('a gift to landlords,');
    expect(speaker).not.toBe('Ferreira');
  });
});

describe('a description in object position', () => {
  it('is not the speaker of a participle after it', () => {
    const text =
      'The Harbor Alliance on Friday released a mock brochure asking for “a minister for traffic jams” to be appointed.';
    expect(quotes(text)).toEqual([['a minister for traffic jams', 'Harbor Alliance']]);
    const report = 'The county board on Monday published a report describing the plan as “unworkable.”';
    expect(quotes(report)).toEqual([['unworkable.', 'the county board']]);
  });

  it('and a time word after a statement does not hide it', () => {
    const text = 'The village council issued a statement Tuesday saying the closures were “temporary and necessary.”';
    expect(quotes(text)).toEqual([['temporary and necessary.', 'the village council']]);
  });
});

describe('a speech verb that is a noun', () => {
  it('is no cue after "of": the secretary of state', () => {
    const text = 'Prosecutors said “no reasonable jury” would convict the former secretary of state.';
    expect(quotes(text)[0][1]).not.toBe('the former secretary of');
  });

  it('a preposition ends a described speaker', () => {
    const text = 'Frustrated, Okafor said she “cannot buy bread” without reporters asking about the vote.';
    expect(quotes(text)[0][1]).not.toBe('without reporters');
  });
});

describe('pronouns', () => {
  it('take an inverted cue’s name as the paragraph’s speaker, not the word that opens the sentence', () => {
    const text =
      'Specifically, the new rules protect tenants in three ways, said Ingrid Halvorsen. “Rents are capped,” she continued.';
    expect(quotes(text)).toEqual([['Rents are capped,', 'Ingrid Halvorsen']]);
  });

  it('are unsure between a speaker of unknown gender and someone else who fits', () => {
    const text =
      'Spokesman Tomasz Wielgus said Prime Minister Peter Holm would visit the port on Monday.\n\n' +
      '“The visit will be short,” he said.';
    expect(quotes(text)).toEqual([['The visit will be short,', null]]);
  });

  it('still go to the speaker when nobody else fits', () => {
    const text = 'Spokesman Tomasz Wielgus said the port would reopen.\n\n“The visit will be short,” he said.';
    expect(quotes(text)).toEqual([['The visit will be short,', 'Tomasz Wielgus']]);
  });
});

describe('the sentence before a quotation', () => {
  it('skips an adverb that opens it ("Here in …,")', () => {
    const text =
      'Nadia Okafor toured the coast.\n\nHere in Dunmore, Okafor stepped up her attacks on the levy, saying, “We have to end this now.”';
    expect(quotes(text)).toEqual([['We have to end this now.', 'Nadia Okafor']]);
  });

  it('gives a colon introduction to the main clause, not to a cue in the clause before it', () => {
    const text =
      'Budget talks resumed.\n\nWhen Lindqvist suggested that the port would sue the city, Okonkwo fired back forcefully: “If they sue us, they will lose.”';
    expect(quotes(text)).toEqual([['If they sue us, they will lose.', 'Okonkwo']]);
  });
});

describe('a quotation a colon introduces', () => {
  it('is over when it ends its sentence: the next sentence’s subject is not its speaker', () => {
    const text =
      'Nadia Okafor spoke.\n\nOkafor, exasperated, famously responded: “What difference does it make?” Her critics cited it as evidence.';
    expect(quotes(text)).toEqual([['What difference does it make?', 'Nadia Okafor']]);
  });
});
