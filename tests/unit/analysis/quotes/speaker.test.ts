import { describe, expect, it } from 'vitest';
import { quotes } from './helpers';

describe('speakers from cues', () => {
  it('reads the cue after the quotation, in either order', () => {
    expect(quotes('“We must act,” Maria Lopez said.')).toEqual([['We must act,', 'Maria Lopez']]);
    expect(quotes('“We must act,” said Maria Lopez.')).toEqual([['We must act,', 'Maria Lopez']]);
    expect(quotes('“We must act,” added Lopez, the mayor.')).toEqual([['We must act,', 'Lopez']]);
  });

  it('gives a titled person after the organisation that qualifies them, not the organisation', () => {
    expect(quotes('"We will appeal," said University of Rivermouth professor Ann Lee.')).toEqual([
      ['We will appeal,', 'Ann Lee'],
    ]);
    expect(quotes('"We will appeal," said Bank of Eastland President Ann Lee.')).toEqual([
      ['We will appeal,', 'Ann Lee'],
    ]);
    expect(quotes('"We will appeal," said Bank of Eastland.')).toEqual([['We will appeal,', 'Bank of Eastland']]);
    expect(quotes('"We will appeal," said a spokesman for the University of Rivermouth.')).toEqual([
      ['We will appeal,', 'a spokesman for the University of Rivermouth'],
    ]);
  });

  it('skips an appositive between the name and the verb', () => {
    expect(quotes('"It is over," Lopez, the city\'s mayor since 2019, told reporters.')).toEqual([
      ['It is over,', 'Lopez'],
    ]);
  });

  it('reads a cue before the quotation, with a colon or a comma', () => {
    expect(quotes('Lopez said: "The budget is balanced."')).toEqual([['The budget is balanced.', 'Lopez']]);
    expect(quotes('Lopez told the council, "The budget is balanced."')).toEqual([['The budget is balanced.', 'Lopez']]);
    expect(quotes('According to Lopez, "the budget is balanced."')).toEqual([['the budget is balanced.', 'Lopez']]);
  });

  it('reads a colon introduction in the paragraph before', () => {
    expect(quotes('Lopez insisted:\n\n"The budget is balanced and the city is safe."')).toEqual([
      ['The budget is balanced and the city is safe.', 'Lopez'],
    ]);
  });

  it('gives both halves of an interrupted quotation the same speaker', () => {
    expect(quotes('"We must," Wang said, "reject it."')).toEqual([
      ['We must,', 'Wang'],
      ['reject it.', 'Wang'],
    ]);
  });

  it('uses the fullest name the article gives', () => {
    const text = 'Foreign Minister Wang Yi spoke on Monday.\n\n"We must cooperate," Wang said.';
    expect(quotes(text)).toEqual([['We must cooperate,', 'Wang Yi']]);
    const mr = 'Benjamin Netanyahu arrived.\n\n"It was a good day," Mr. Netanyahu said.';
    expect(quotes(mr)).toEqual([['It was a good day,', 'Benjamin Netanyahu']]);
  });

  it('keeps a lone party or group word after a determiner as a description', () => {
    expect(quotes('"It was slow," one senior Democrat said.')).toEqual([['It was slow,', 'one senior Democrat']]);
    expect(quotes('"It was slow," said one Republican involved in the talks.')).toEqual([
      ['It was slow,', 'one Republican'],
    ]);
  });

  it('keeps whose spokesman it is, and does not take the object of a preposition for a label', () => {
    expect(
      quotes('A spokesman for Bernie Sanders could only quip: "Christmas Eve was booked, and so was the day after."'),
    ).toEqual([['Christmas Eve was booked, and so was the day after.', 'a spokesman for Bernie Sanders']]);
    expect(quotes('Another user, Roland Zeller, wrote of Ms. Merkel: "Your boss is wrong about this."')).toEqual([
      ['Your boss is wrong about this.', 'Roland Zeller'],
    ]);
  });

  it('keeps a description when no name is given', () => {
    expect(quotes('“The talks failed,” a senior official said.')).toEqual([['The talks failed,', 'a senior official']]);
    expect(quotes('“The talks failed,” said a spokesman for the ministry.')).toEqual([
      ['The talks failed,', 'a spokesman for the ministry'],
    ]);
  });

  it('gives a quotation that stands alone the person the paragraph before reports on', () => {
    const text =
      'Mayor Dana Howard spoke next. Howard said the budget was late.\n\n"We will fix it by the end of the month."';
    expect(quotes(text)).toEqual([['We will fix it by the end of the month.', 'Dana Howard']]);
  });

  it('reads an inverted past verb after a question or an exclamation', () => {
    expect(quotes('"Is Obama profiling?" reacted Donald Trump.')).toEqual([['Is Obama profiling?', 'Donald Trump']]);
  });

  it('gives a quotation that stands alone the speaker of the paragraph before', () => {
    const text = '"We will win this," Lopez said.\n\n"And we will win it fairly, by the rules, for everyone."';
    expect(quotes(text).map((q) => q[1])).toEqual(['Lopez', 'Lopez']);
  });
});

describe('pronouns', () => {
  it('resolves "he said" to the latest person the article names', () => {
    const text = 'Senator John Carter met voters in Ohio.\n\n"We are ahead," he said.';
    expect(quotes(text)).toEqual([['We are ahead,', 'John Carter']]);
  });

  it('uses gender when two people are named', () => {
    const text =
      'Mary Ellis, the mayor, met Tom Baker on Friday. She thanked him for his work.\n\n' +
      '"Our city owes him a great deal," she said. "He never gave up," Ellis added.\n\n' +
      '"I only did my job," he said.';
    expect(quotes(text).map((q) => q[1])).toEqual(['Mary Ellis', 'Mary Ellis', 'Tom Baker']);
  });

  it('reads gender from honorifics', () => {
    const text = 'Ms. Ortiz and Mr. Grant debated on Tuesday.\n\n"It was fair," she said.\n\n"I disagree," he said.';
    expect(quotes(text).map((q) => q[1])).toEqual(['Ortiz', 'Grant']);
  });

  it('prefers the subject of its own sentence, then of the sentence before', () => {
    const own = 'Jeb Bush and Donald Trump met. Bush went after Trump, when he called him "unhinged and unfit for it."';
    expect(quotes(own)).toEqual([['unhinged and unfit for it.', 'Jeb Bush']]);
    const before = 'Barack Obama met Tom Lane. Obama thanked Lane on Monday. "It was good," he said.';
    expect(quotes(before)).toEqual([['It was good,', 'Barack Obama']]);
  });

  it('lets the person speaking in the paragraph keep the floor', () => {
    const text =
      'Paul Ryan spoke first.\n\nCarla Diaz said the report by Paul Song was careless. ' +
      'He should redo it, she said, adding that "it must be redone."';
    expect(quotes(text)).toEqual([['it must be redone.', 'Carla Diaz']]);
  });

  it('ignores names inside the quotation', () => {
    const text = 'Tom Lane spoke on Monday.\n\n"I told Bill Evans to wait," he said.';
    expect(quotes(text)).toEqual([['I told Bill Evans to wait,', 'Tom Lane']]);
  });

  it('learns gender from the pronouns the article uses', () => {
    const text =
      'Robin Ashe chairs the board. Ashe said her plan was ready.\n\n' +
      'Kim Ota spoke next. Ota said his team agreed.\n\n"We start Monday," she said.';
    expect(quotes(text)).toEqual([['We start Monday,', 'Robin Ashe']]);
  });
});

describe('speaker phrases', () => {
  it('keeps a title with "of" and a middle initial in the name', () => {
    const text = 'Secretary of State Jane R. Doe said the allies would take "firm measures" soon.';
    expect(quotes(text)).toEqual([['firm measures', 'Jane R. Doe']]);
  });

  it('takes a counted group as the source', () => {
    const text =
      'Asked about the plan, 21 percent said "it will not pass before the winter recess, if ever" and the rest were unsure.';
    expect(quotes(text)).toEqual([['it will not pass before the winter recess, if ever', '21 percent']]);
  });
});

describe('described speakers', () => {
  it('reads an adjective in the past form inside the description', () => {
    const text = 'The clinic will reopen.\n\n"We are ready for patients again," said the retired surgeon.';
    expect(quotes(text)).toEqual([['We are ready for patients again,', 'the retired surgeon']]);
  });

  it('gives a statement the voice of whoever released it', () => {
    const text = 'The city council released a statement saying the plan "does not meet our standards."';
    expect(quotes(text)).toEqual([['does not meet our standards.', 'the city council']]);
  });

  it('gives a statement from someone to its author', () => {
    expect(quotes('"It is over," according to a statement from Maria Lopez.')).toEqual([
      ['It is over,', 'Maria Lopez'],
    ]);
  });
});

describe('a cue after a finished quotation that brings its own quotation', () => {
  it('does not take the next sentence’s speaker when that sentence quotes someone too', () => {
    const text = 'Council member Rosa Diaz called the budget “careless.” Mayor Tom Hale called it “sound.”';
    expect(quotes(text)).toEqual([
      ['careless.', 'Rosa Diaz'],
      ['sound.', 'Tom Hale'],
    ]);
  });

  it('still reads a short attribution after a finished quotation', () => {
    expect(quotes('“The vote is over.” Tom Hale said on Monday.')).toEqual([['The vote is over.', 'Tom Hale']]);
  });
});

describe('a leading subordinate clause', () => {
  it('is not the clause of the quotation: “After X argued …, Y said …”', () => {
    const text =
      'After Nora Blake argued that the plan would pay for itself, Omar Reyes said only that her figures “do not add up.”';
    expect(quotes(text)).toEqual([['do not add up.', 'Omar Reyes']]);
  });
});

describe('a surname two people of the article share', () => {
  it('stays the surname when nothing says which of them spoke', () => {
    const text = 'Mark Hill sued his brother, Paul Hill, in May.\n\n“He owes me money,” Hill said.';
    expect(quotes(text)).toEqual([['He owes me money,', 'Hill']]);
  });

  it('is the one an honorific points to', () => {
    const text = 'Mark Hill sued his sister, Jane Hill, in May.\n\n“He owes me money,” Mr. Hill said.';
    expect(quotes(text)).toEqual([['He owes me money,', 'Mark Hill']]);
    const her = 'Mark Hill sued his sister, Jane Hill, in May.\n\n“He owes me money,” Ms. Hill said.';
    expect(quotes(her)).toEqual([['He owes me money,', 'Jane Hill']]);
  });

  it('still gives a surname one person has its full name', () => {
    const text = 'Mark Hill sued his sister, Jane Ross, in May.\n\n“She owes me money,” Hill said.';
    expect(quotes(text)).toEqual([['She owes me money,', 'Mark Hill']]);
  });
});

describe('grammar of the cue', () => {
  it('gives a passive cue’s words to the agent after “by”', () => {
    const text = 'Mayor Ruth Lane was asked by reporter Sam Ortiz whether the plan would “cost the city a fortune.”';
    expect(quotes(text)).toEqual([['cost the city a fortune.', 'Sam Ortiz']]);
  });

  it('does not take a cue inside a clause after the quotation (“until …”) for its own', () => {
    const text =
      'Dan Price, a voter, says he was “sitting on the fence” until Governor Ellen Ward said she would back the bill.';
    expect(quotes(text)).toEqual([['sitting on the fence', 'Dan Price']]);
  });
});

describe('a role word capitalised at the start of a sentence', () => {
  it('is not part of the speaker’s name', () => {
    expect(quotes('Voter Dan Price said the plan was “a waste of money.”')).toEqual([
      ['a waste of money.', 'Dan Price'],
    ]);
    expect(quotes('Resident Ana Ruiz Gomez added: “We were never asked.”')).toEqual([
      ['We were never asked.', 'Ana Ruiz Gomez'],
    ]);
  });
});

describe('readers’ reports: what is never a speaker', () => {
  it('gives a lawyer’s “he said” to the lawyer speaking, not to the client he talks about', () => {
    expect(
      quotes(
        'Defense attorney Mark Stevens said his client, John Parker, was at home that night.\n\n' +
          '“He never touched the money,” he said.',
      ),
    ).toEqual([['He never touched the money,', 'Mark Stevens']]);
    expect(
      quotes(
        'The victim, Sarah Lang, testified on Monday.\n\n' +
          'Defense attorney Paula Grant said the account did not hold up. “Her story has changed three times,” she said.',
      ),
    ).toEqual([['Her story has changed three times,', 'Paula Grant']]);
  });

  it('takes no promo line or kicker above a quotation for its speaker', () => {
    expect(quotes('WATCH: Senator explains vote\n\n“It will be a long night.”')).toEqual([
      ['It will be a long night.', null],
    ]);
    expect(quotes('Dana Ortiz spoke.\n\nRELATED: Trump Rallies In Ohio\n\n“It will be a long night.”')).toEqual([
      ['It will be a long night.', null],
    ]);
    expect(quotes('Mayor Ann Cole spoke.\n\nCLICK HERE TO GET THE NEWS APP\n\n“We will not back down.”')).toEqual([
      ['We will not back down.', null],
    ]);
    // A label line above still names the speaker.
    expect(quotes('Jane Doe, 34, Phoenix:\n\n“We will not back down.”')).toEqual([
      ['We will not back down.', 'Jane Doe'],
    ]);
  });

  it('takes no title cut off from its name (“Col.”) for a speaker', () => {
    expect(quotes('“We held the line,” said Col.\nSteve Warren.')).toEqual([['We held the line,', null]]);
    expect(quotes('Army Col.: “We held the line.”')).toEqual([['We held the line.', null]]);
    expect(quotes('“We held the line for three days,” said Col. John Reed.')).toEqual([
      ['We held the line for three days,', 'John Reed'],
    ]);
  });

  it('takes no book title for a speaker, but keeps an institution named with “of”', () => {
    expect(quotes('The Art of the Deal says: “Sometimes you win by losing.”')).toEqual([
      ['Sometimes you win by losing.', null],
    ]);
    expect(quotes('Bank of America said in a statement: “Rates will rise.”')).toEqual([
      ['Rates will rise.', 'Bank of America'],
    ]);
  });
});

describe('a name after an inverted speech verb', () => {
  it('is the speaker only when it ends the clause, not the subject of what was said', () => {
    const text =
      'For now, Dale Hoskins, at the Institute for Trade, said China and Russia had reached a truce.\n\n' +
      '"I used to believe the region would become a place of conflict between them," he said.';
    expect(quotes(text)).toEqual([
      ['I used to believe the region would become a place of conflict between them,', 'Dale Hoskins'],
    ]);
    const plain =
      'Hoskins, at the Institute for Trade, said Ortega had won. "I used to believe the region would turn," he said.';
    expect(quotes(plain)[0][1]).toBe('Hoskins');
  });
});
