import { describe, expect, it } from 'vitest';
import { quotes, spans } from './helpers';

describe('cues in longer sentences', () => {
  it('gives a participle the subject of its sentence', () => {
    const text = 'Hours later, Tom Reyes thanked the volunteers, saying, "You carried this campaign."';
    expect(quotes(text)).toEqual([['You carried this campaign.', 'Tom Reyes']]);
    const after = '"We will appeal," Reyes wrote, adding, "The ruling is wrong."';
    expect(quotes(after).map((q) => q[1])).toEqual(['Reyes', 'Reyes']);
  });

  it('takes the subject of a statement someone issued', () => {
    const text = 'Jane Ortiz issued a statement saying the vote "has no place in our democracy."';
    expect(quotes(text)).toEqual([['has no place in our democracy.', 'Jane Ortiz']]);
  });

  it('skips a party label in parentheses and titles before the name', () => {
    expect(quotes('"We are close," Rep. Ann Lee (D-Ore.) said.')).toEqual([['We are close,', 'Ann Lee']]);
    expect(quotes('"We are close," said former Secretary of State Ann Lee.')).toEqual([['We are close,', 'Ann Lee']]);
    expect(quotes('"We are close," GOP strategist Ann Lee said.')).toEqual([['We are close,', 'Ann Lee']]);
  });

  it('reads a name and a colon as an introduction', () => {
    expect(quotes('Pollster Dana Fox: "The race is tied in every state we measured."')).toEqual([
      ['The race is tied in every state we measured.', 'Dana Fox'],
    ]);
  });

  it('reads any past-tense verb right after a question as its attribution', () => {
    expect(quotes('"Is it over?" Hannity pressed.')).toEqual([['Is it over?', 'Hannity']]);
  });

  it('leaves a new sentence that introduces the next quotation to that one', () => {
    const text = 'Mary Ellis spoke first. "We won the vote." Tom Baker then wrote, "We lost."';
    expect(quotes(text).map((q) => q[1])).toEqual(['Mary Ellis', 'Tom Baker']);
  });

  it('takes the cue of the clause the quotation is in', () => {
    const a =
      'While not everything Trump says is true, Jamieson said Trump is "telling his supporters what they want."';
    expect(quotes(a)).toEqual([['telling his supporters what they want.', 'Jamieson']]);
    const b = 'Rubio said the plan was weak, while Cruz said that the "stakes are too high" for him.';
    expect(quotes(b)).toEqual([['stakes are too high', 'Cruz']]);
  });

  it('does not take a name inside the embedded clause for the speaker', () => {
    const text = 'Carla Diaz said the report by Paul Song "was careless." She added that "it must be redone."';
    expect(quotes(text).map((q) => q[1])).toEqual(['Carla Diaz', 'Carla Diaz']);
  });
});

describe('signatures and labels', () => {
  it('reads a dash signature under a quotation', () => {
    const text = 'From the debate.\n\n"Almost all new income is going to the top."\n\n- Bernie Sanders.';
    expect(quotes(text)).toEqual([['Almost all new income is going to the top.', 'Bernie Sanders']]);
  });

  it('reads a name label above a quotation that stands alone', () => {
    const text =
      'Voices from the rally.\n\nMaria Lopez, 34, Phoenix\n"We came here because nobody else listens to us."';
    expect(quotes(text)).toEqual([['We came here because nobody else listens to us.', 'Maria Lopez']]);
  });
});

describe('headlines and titles', () => {
  it('drops quotes in a short headline line', () => {
    expect(spans("Mayor calls budget 'a disgrace'\n\nThe mayor spoke on Monday.")).toEqual([]);
  });

  it('drops a title followed by a byline', () => {
    expect(spans('Read more: "Why the plan failed and what comes next," by Jane Doe.')).toEqual([]);
  });
});

describe('attribution next to other names', () => {
  it('does not take the person spoken to for the speaker', () => {
    expect(quotes('Lopez told Reuters: "The budget is balanced."')).toEqual([['The budget is balanced.', 'Lopez']]);
  });

  it('gives a participle after "X said," the same speaker', () => {
    const text = 'The vote will come next week, Lopez said, adding, "We are ready for it."';
    expect(quotes(text)).toEqual([['We are ready for it.', 'Lopez']]);
  });

  it('prefers the name before the quotation to a pronoun after it', () => {
    const text = 'Asked about Baker, Lopez said "I have never met the man," she said.';
    expect(quotes(text)).toEqual([['I have never met the man,', 'Lopez']]);
  });

  it('does not read a plural noun after "of" as a speech verb', () => {
    const text = 'We met Lopez on Monday.\n\nLopez sent a series of posts saying Baker was "a disgrace to the city."';
    expect(quotes(text)).toEqual([['a disgrace to the city.', 'Lopez']]);
  });

  it('gives the words to the person shown saying them', () => {
    const text = 'We met Lopez on Monday.\n\nThe ad ends with footage of Lopez saying, "That is how business works."';
    expect(quotes(text)).toEqual([['That is how business works.', 'Lopez']]);
  });

  it('reads "Town, State," as part of the opening phrase', () => {
    const text =
      'We met Maria Lopez and Tom Baker.\n\nAt a rally in Dayton, Ohio, Baker went after Lopez, calling her "a weak leader."';
    expect(quotes(text)).toEqual([['a weak leader.', 'Tom Baker']]);
  });
});
