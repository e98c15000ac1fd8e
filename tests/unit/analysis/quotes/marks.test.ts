import { describe, expect, it } from 'vitest';
import { pairMarks } from '../../../../utils/analysis/quotes/marks';

const inner = (text: string) => pairMarks(text).map((s) => text.slice(s.start, s.end));

describe('pairMarks', () => {
  it('pairs straight and typographic double quotes', () => {
    expect(inner('She said "yes" and he said “no” twice.')).toEqual(['yes', 'no']);
  });

  it('pairs single quotes used as quotation marks, and quotes inside quotes', () => {
    expect(inner('‘We will not,’ she said.')).toEqual(['We will not,']);
    const text = '"He told me, \'Never again,\' and left," she said.';
    expect(inner(text)).toEqual(["He told me, 'Never again,' and left,", 'Never again,']);
  });

  it("reads '' as a quotation mark and ''' as a double and a single mark", () => {
    expect(inner("''It is over,'' he said.")).toEqual(['It is over,']);
    expect(inner("''She said, 'go home.''' he added.")).toEqual(["She said, 'go home.'", 'go home.']);
  });

  it('pairs guillemets, low-high quotes and CJK corner brackets', () => {
    expect(inner('Il a dit « non » hier.')).toEqual([' non ']);
    expect(inner('Er sagte „nein“ und ‚vielleicht‘.')).toEqual(['nein', 'vielleicht']);
    expect(inner('Sie sagte »ja« dazu.')).toEqual(['ja']);
    expect(inner('Il dit ‹ oui › encore.')).toEqual([' oui ']);
    expect(inner('他说「我们必须合作」。她说『好』。')).toEqual(['我们必须合作', '好']);
  });

  it('does not take apostrophes for quote marks', () => {
    expect(inner("Don't worry: the '90s are back at Jones' place, rock 'n' roll.")).toEqual([]);
    expect(inner("It's the Joneses' car and O'Brien's too.")).toEqual([]);
  });

  it('makes one quotation of a quote that runs over several paragraphs', () => {
    const text = '“We will fight.\n\n“We will win,” he said.';
    expect(inner(text)).toEqual(['We will fight.\n\n“We will win,']);
  });

  it('never lets an unbalanced mark swallow the rest of the article', () => {
    const text = 'He called it "a mistake.\n\nThe next paragraph "has a quote" here.\n\nAnd more text.';
    const spans = pairMarks(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['a mistake.', 'has a quote']);
    expect(spans[0].closed).toBe(false);
  });

  it('finds no quotation where marks open one after another and none closes', () => {
    const marks = ['\u201c', '"', '\u00ab', '\u201e', '\u300c', '\u2018', '\u2039', '\u201a'];
    const words = ['said', 'the', 'minister', 'Anna Berg', 'told', 'reporters'];
    const paragraph = (n: number) => Array.from({ length: n }, (_, i) => marks[i % 8] + words[i % 6]).join(' ');
    expect(pairMarks([paragraph(100), paragraph(20000), paragraph(3)].join('\n\n'))).toEqual([]);
    // Two marks left open in one paragraph are as broken as a hundred.
    expect(inner('He said "we will and «maybe more.\n\nNext.')).toEqual([]);
    // One still ends at the paragraph's end, as before.
    expect(inner('He said "we will win.\n\nNext.')).toEqual(['we will win.']);
  });
});
