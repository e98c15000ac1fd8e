import { describe, expect, it } from 'vitest';
import { quotes, spans } from './helpers';

describe('which quoted spans are quotations', () => {
  it('keeps words someone is said to have spoken or written', () => {
    expect(spans('“We are ready,” the mayor said.')).toEqual(['We are ready,']);
    expect(spans('Smith wrote that the plan was "a costly failure for everyone."')).toEqual([
      'a costly failure for everyone.',
    ]);
    expect(spans('Smith called the plan "a disaster."')).toEqual(['a disaster.']);
  });

  it('keeps a few words a description verb in the sentence gives to its subject', () => {
    expect(quotes('Maria Vogt heralded the agreement as a “breakthrough.” Officials agreed.')).toEqual([
      ['breakthrough.', 'Maria Vogt'],
    ]);
    expect(quotes('Maria Vogt characterized the agreement as “unworkable” on Tuesday.')).toEqual([
      ['unworkable', 'Maria Vogt'],
    ]);
    expect(quotes('Maria Vogt termed the plan “reckless” on Tuesday.')).toEqual([['reckless', 'Maria Vogt']]);
    // A word used as a term, with no cue, stays out.
    expect(spans('Critics say the so-called “reform” changes little.')).toEqual([]);
  });

  it('reads a pronoun’s contraction before a speech verb as the verb’s subject, not a possessive', () => {
    expect(
      quotes('Tom Hale spoke for an hour. He’s predicting he will do “very, very well” in the next contest.'),
    ).toEqual([['very, very well', 'Tom Hale']]);
    // A possessive before the word still makes it a noun, not a verb: the words are what the
    // promise reports, a quotation of the senator's, with no speaker from a cue.
    expect(quotes('The senator’s promise of “free college” drew cheers in the hall.')).toEqual([
      ['free college', null],
    ]);
  });

  it('keeps a few words a noun for speech reports (promise, claim, chants) and no scare quote', () => {
    expect(spans('Nadia Ortiz repeated her claim that the audit was “politically motivated” and left.')).toEqual([
      'politically motivated',
    ]);
    expect(spans('Crowds at the rally broke into chants of “Lock them up!” as the mayor spoke.')).toEqual([
      'Lock them up!',
    ]);
    expect(spans('Her pledge to be “neutral” in the talks surprised the delegates.')).toEqual(['neutral']);
    // The same words without a noun for speech are the writer's scare quotes or a name.
    expect(spans('The audit was “politically motivated” by most accounts.')).toEqual([]);
    expect(spans('The building is known as the “Glass House.” Tours start at noon.')).toEqual([]);
    // A title stays a title after such a noun.
    expect(spans('Her message of “Hope Over Fear” was printed on every sign.')).toEqual([]);
  });

  it('keeps a short quoted sentence that follows a sentence ending “…,” someone said', () => {
    expect(quotes('“The budget is tight,” Karl Mendes said. “Very tight.”')).toEqual([
      ['The budget is tight,', 'Karl Mendes'],
      ['Very tight.', 'Karl Mendes'],
    ]);
    expect(spans('“We tried everything,” Karl Mendes told reporters on Friday. “Nothing worked.”')).toEqual([
      'We tried everything,',
      'Nothing worked.',
    ]);
    // Not after a sentence that quotes nobody, nor after one without a speech verb.
    expect(spans('The council met on Friday. “Very tight.”')).toEqual([]);
    expect(spans('“The budget,” the report’s title page. “Very tight.”')).not.toContain('Very tight.');
  });

  it('keeps a description of a work that a speech verb gives, but not its title', () => {
    expect(quotes('Radio host Ada Lutz called the show “the best hour on the dial” on Monday.')).toEqual([
      ['the best hour on the dial', 'Ada Lutz'],
    ]);
    expect(spans('Ada Lutz called the show “The Best Hour,” a hit.')).toEqual([]);
    expect(spans('Ada Lutz wrote the book “the best hour on the dial” in 1990.')).toEqual([]);
  });

  it('drops titles of works', () => {
    expect(spans('She starred in "The Long Way Home" and "Rain," both hits.')).toEqual([]);
    expect(spans('He appeared on "Meet the Press" on Sunday.')).toEqual([]);
    expect(spans('He wrote the book "The Art of Winning" in 1990.')).toEqual([]);
    // A title keeps “with” and “from” in lowercase, as it does “of” and “the”.
    expect(spans('Mayor Ada Lutz said on “Mornings with Dan Ruiz” that the roads were open.')).toEqual([]);
    expect(spans('Ada Lutz hosts “Letters from the Valley” on Sundays.')).toEqual([]);
    // A sentence quoted in capitals is still a quotation.
    expect(spans('“We Will Win,” Ada Lutz said.')).toEqual(['We Will Win,']);
  });

  it('reads a capitalised span before “by Name” as a title with its byline, a lowercase one as a passive', () => {
    expect(spans('Lena Park wrote that the senator had been “rocked” by Christie in the debate.')).toEqual(['rocked']);
    expect(spans('Read “The long road home,” by Ada Lutz, in the Sunday edition.')).toEqual([]);
    expect(spans('One of his recent reads, “This Kind of War,” by T.R. Fehrenbach, is on his desk.')).toEqual([]);
  });

  it('keeps a few words a verb casts someone or something as ("portrayed him as “…”")', () => {
    expect(quotes('Nadia Ortiz portrayed her rival as a “career politician” at the debate.')).toEqual([
      ['career politician', 'Nadia Ortiz'],
    ]);
    expect(spans('Karl Mendes later defended his remarks as being “sarcastic.”')).toEqual(['sarcastic.']);
    // "known as" names, and a title after "as" stays a title.
    expect(spans('The bridge, known as the “iron lady,” opened in 1901.')).toEqual([]);
    expect(spans('Critics portrayed the plan as “Operation Clean Slate” in ads.')).toEqual([]);
  });

  it('drops a programme after its broadcaster’s possessive, even of one word', () => {
    expect(spans('Speaking on ABC’s “Sunrise,” Governor Ada Lutz said the roads were open.')).toEqual([]);
    expect(spans('Lutz told the network’s “Tonight” on Monday that the roads were open.')).toEqual([]);
    expect(spans('Lutz told WXYZ’s “Morning Desk” that she would run.')).toEqual([]);
    expect(spans('Governor Ada Lutz’s answer was: “We will see what the voters want.”')).toEqual([
      'We will see what the voters want.',
    ]);
  });

  it('drops nicknames', () => {
    expect(spans('Dwayne "The Rock" Johnson arrived late.')).toEqual([]);
  });

  it('drops scare quotes and words used as words', () => {
    expect(spans('The so-called "reform" passed on Tuesday.')).toEqual([]);
    expect(spans('Critics of the "deal" were loud at the meeting.')).toEqual([]);
    expect(spans('The word "literally" has lost its meaning.')).toEqual([]);
  });

  it('keeps a long quotation that stands alone as its own paragraph', () => {
    const text = 'Smith spoke to the crowd on Monday.\n\n"We have waited too long for this day to come."';
    expect(spans(text)).toEqual(['We have waited too long for this day to come.']);
  });

  it('drops quotes in markup that slipped into the text', () => {
    expect(spans('<tweet tweet-id="677455821534445568"><tweet/>.')).toEqual([]);
  });

  it('handles British single quotes with double quotes inside as one quotation', () => {
    const text = 'Lucy Ward spoke to us.\n\n‘He told me, “Never again,” and then he left,’ she said.';
    expect(quotes(text)).toEqual([['He told me, “Never again,” and then he left,', 'Lucy Ward']]);
  });

  it("reads NYT-style '' marks and guillemets", () => {
    expect(quotes("''It is over,'' Mr. Grant said.")).toEqual([['It is over,', 'Grant']]);
    expect(spans('« Nous devons agir maintenant pour tous », a déclaré le ministre.')).toEqual([
      'Nous devons agir maintenant pour tous',
    ]);
    // The narrow no-break spaces French typesetting puts inside guillemets are not part of the words either.
    expect(spans('\u00ab\u202fNous partirons demain\u202f\u00bb, a-t-il dit.')).toEqual(['Nous partirons demain']);
  });

  it('makes one quotation of a quote over several paragraphs', () => {
    const text = 'Ann Lee spoke.\n\n“We will fight for every vote in every state.\n\n“And we will win,” she said.';
    expect(spans(text)).toEqual(['We will fight for every vote in every state.\n\n“And we will win,']);
  });
});
