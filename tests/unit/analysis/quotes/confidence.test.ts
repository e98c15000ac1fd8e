import { describe, expect, it } from 'vitest';
import { confidence, MIN_CONFIDENCE, unsure, type Evidence } from '../../../../utils/analysis/quotes/confidence';
import { quotes, spans } from './helpers';

/** Evidence of a cue right after a long quotation, naming its speaker; `over` changes some of it. */
function evidence(over: Partial<Evidence> = {}): Evidence {
  return {
    route: 'tail-cue:name',
    subject: 'name',
    words: 12,
    gap: 2,
    paras: 0,
    rivals: 0,
    between: 0,
    standalone: false,
    type: 'PER',
    ...over,
  };
}

describe('confidence in a speaker', () => {
  it('is highest for a cue right next to a long quotation', () => {
    expect(confidence(evidence(), 'Maria Alvarez')).toBeGreaterThan(0.97);
    expect(unsure(evidence(), 'Maria Alvarez')).toBe(false);
  });

  it('falls with the distance to the cue, other people named around, and a short quotation', () => {
    const base = evidence({ route: 'lead-strong:name' });
    const c = confidence(base, 'Maria Alvarez');
    expect(confidence({ ...base, gap: 180 }, 'Maria Alvarez')).toBeLessThan(c);
    expect(confidence({ ...base, rivals: 2 }, 'Maria Alvarez')).toBeLessThan(c);
    expect(confidence({ ...base, words: 2 }, 'Maria Alvarez')).toBeLessThan(c);
  });

  it('weighs a cue in the sentence less than one next to the quotation', () => {
    const next = confidence(evidence(), 'Maria Alvarez');
    expect(confidence(evidence({ route: 'lead-weak:name', gap: 60 }), 'Maria Alvarez')).toBeLessThan(next);
  });

  it('doubts a place or a people’s adjective taken for a speaker, unless a cue right after names it', () => {
    const place = evidence({ route: 'lead-strong:name', type: 'LOC', words: 3, gap: 90 });
    expect(unsure(place, 'Marlow County')).toBe(true);
    expect(unsure({ ...place, type: 'PER' }, 'Marlow Jones')).toBe(false);
    expect(unsure(evidence({ route: 'tail-cue:name', type: 'LOC' }), 'Marlow County')).toBe(false);
  });

  it('leaves pronouns to their own rules', () => {
    const pronoun = evidence({ route: 'lead-strong:pronoun', subject: 'pronoun', words: 2, gap: 150, rivals: 3 });
    expect(confidence(pronoun, 'Maria Alvarez')).toBeLessThan(MIN_CONFIDENCE);
    expect(unsure(pronoun, 'Maria Alvarez')).toBe(false);
  });
});

describe('speaker unclear where the evidence is weak', () => {
  it('keeps the speaker a cue right after the quotation names', () => {
    expect(quotes('“The bridge will be closed until May,” said Maria Alvarez, the city treasurer.')).toEqual([
      ['The bridge will be closed until May,', 'Maria Alvarez'],
    ]);
  });

  it('keeps a quotation paragraph that goes on with the last speaker’s words', () => {
    const text = '"We will win this race," Lopez said.\n\n"And we will win it fairly, by the rules, for everyone."';
    expect(quotes(text).map((q) => q[1])).toEqual(['Lopez', 'Lopez']);
  });

  it('does not give words quoted inside a later sentence without a cue to the last speaker', () => {
    const text =
      '"We will win this race," Lopez said.\n\n' +
      'The committee will look next week at what it calls "a fair and open process for every candidate" in the county.';
    expect(quotes(text)).toEqual([
      ['We will win this race,', 'Lopez'],
      ['a fair and open process for every candidate', null],
    ]);
  });

  it('gives no speaker either to the words that go on from a quotation whose speaker was unsure', () => {
    const text =
      '"We will win this race," Lopez said.\n\n' +
      'The committee will look next week at what it calls "a fair and open process for every candidate" in the county. ' +
      '"Every vote will be counted twice, by hand."';
    expect(quotes(text).map((q) => q[1])).toEqual(['Lopez', null, null]);
  });

  it('does not take the subject of the next sentence, with a weak cue, for the speaker', () => {
    const text =
      'The march ended outside city hall: "No more cuts to the schools!" Teachers still praise the organisers for it.';
    expect(quotes(text)).toEqual([['No more cuts to the schools!', null]]);
  });

  it('names no promo line, sub-headline or line in capitals as a speaker', () => {
    expect(quotes('CLICK HERE TO GET THE DAILY LEDGER APP\n\n“Nobody saw this coming, not even the bank.”')).toEqual([
      ['Nobody saw this coming, not even the bank.', null],
    ]);
    expect(quotes('Budget Talks Stall in Springfield\n\n“We are further apart than ever before this week.”')).toEqual([
      ['We are further apart than ever before this week.', null],
    ]);
    expect(quotes('THE MAYOR SPEAKS OUT\n\n“We will rebuild the pier by summer,” THE HARBOR BOARD said.')).toEqual([
      ['We will rebuild the pier by summer,', null],
    ]);
  });

  it('takes the title of a book before its author’s cue for a title, not a quotation', () => {
    const text =
      'In her memoir, “Notes From the Back Bench,” Alma Ruiz writes that the chamber was “a club with no rules.”';
    expect(spans(text)).toEqual(['a club with no rules.']);
    expect(quotes(text)[0][1]).toBe('Alma Ruiz');
  });
});
