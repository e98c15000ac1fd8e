import { describe, expect, it } from 'vitest';
import { quotes } from './helpers';

// Passages written for these tests: the cases the issue lists, where a wrong speaker is worse than none.
describe('speakers: precision before recall', () => {
  it('gives "he said" after a lawyer’s words to the lawyer, not to the defendant', () => {
    const text =
      'Mark Smith, 41, pleaded not guilty on Monday to fraud charges.\n\n' +
      '“My client has done nothing wrong,” said Smith’s lawyer, Jane Doe. She said the case would collapse.\n\n' +
      'David Reyes, who represents Smith, spoke after her. “We will appeal any verdict,” he said.';
    expect(quotes(text)).toEqual([
      ['My client has done nothing wrong,', 'Jane Doe'],
      ['We will appeal any verdict,', 'David Reyes'],
    ]);
  });

  it('tells she from he when two people of different gender are named', () => {
    const text =
      'Anna Weber and Peter Lang met in Berlin on Tuesday.\n\n' +
      '“The talks went well,” she said.\n\n' +
      '“We are not there yet,” he said.';
    expect(quotes(text).map((q) => q[1])).toEqual(['Anna Weber', 'Peter Lang']);
  });

  it('says nothing when two people could be meant', () => {
    const text =
      'Anna Weber and Maria Lopez met in Berlin on Tuesday.\n\nShe later spoke to reporters. “The talks went well,” she said.';
    expect(quotes(text)).toEqual([['The talks went well,', null]]);
  });

  it('does not reach back over a paragraph that introduced someone else', () => {
    const text =
      'John Carter said the plan was sound.\n\n' +
      'Tom Fisk, a councillor, and Bill Moss, his deputy, disagreed at the meeting.\n\n' +
      '“It will cost too much,” he said.';
    expect(quotes(text)).toEqual([['It will cost too much,', null]]);
  });

  it('never takes a promo line in capitals for the speaker', () => {
    const text =
      'The mayor, Rosa Diaz, spoke on Monday. “We will rebuild,” Diaz said.\n\n' +
      'CLICK HERE TO GET THE NEWS APP\n\n' +
      '“Every street will be open by May.”';
    const found = quotes(text);
    expect(found.map((q) => q[1])).not.toContain('CLICK HERE TO GET THE NEWS APP');
    expect(found[0]).toEqual(['We will rebuild,', 'Rosa Diaz']);
  });

  it('never takes a word that opens the sentence for a speaker', () => {
    const text = 'Lina Velikova and Tom Ruiz wrote the report.\n\nMoreover, “the results are clear,” it said.';
    expect(quotes(text).map((q) => q[1])).not.toContain('Moreover');
  });
});
