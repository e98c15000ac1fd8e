import { describe, expect, it } from 'vitest';
import { passageUrl } from '../../../utils/library/fragment';

describe('a link to a passage', () => {
  it('adds a text fragment, encoding the characters its syntax uses', () => {
    expect(passageUrl({ url: 'https://a.com/x?y=1', exact: 'self-made, rich & “free”' })).toBe(
      'https://a.com/x?y=1#:~:text=self%2Dmade%2C%20rich%20%26%20%E2%80%9Cfree%E2%80%9D',
    );
  });

  it('keeps a page fragment, and gives a long quote by its first and last words', () => {
    const exact = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen';
    expect(passageUrl({ url: 'https://a.com/x#part', exact })).toBe(
      'https://a.com/x#part:~:text=one%20two%20three%20four%20five,eleven%20twelve%20thirteen%20fourteen%20fifteen',
    );
  });

  it('is the page itself for an empty quote', () => {
    expect(passageUrl({ url: 'https://a.com/', exact: '  ' })).toBe('https://a.com/');
  });
});
