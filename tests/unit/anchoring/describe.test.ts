import { describe as group, expect, it } from 'vitest';
import { describe, CONTEXT_LENGTH } from '../../../utils/anchoring';
import { ARTICLE } from './fixture';

group('describe', () => {
  it('saves the quote with 32 characters of context and the position', () => {
    const start = ARTICLE.indexOf('Wang Yi');
    const s = describe(ARTICLE, start, start + 7);
    expect(s.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Wang Yi',
      prefix: ARTICLE.slice(start - CONTEXT_LENGTH, start),
      suffix: ARTICLE.slice(start + 7, start + 7 + CONTEXT_LENGTH),
    });
    expect(s.quote.prefix).toHaveLength(32);
    expect(s.position).toEqual({ type: 'TextPositionSelector', start, end: start + 7 });
  });

  it('shortens the context at the edges of the text', () => {
    const s = describe('Hello world', 0, 5);
    expect(s.quote.prefix).toBe('');
    expect(s.quote.suffix).toBe(' world');
  });

  it('does not split a surrogate pair in the context', () => {
    const text = 'x'.repeat(10) + '😀' + 'y'.repeat(31) + 'QUOTE' + 'z'.repeat(31) + '😀' + 'w';
    const start = text.indexOf('QUOTE');
    const s = describe(text, start, start + 5);
    expect(s.quote.prefix).toBe('y'.repeat(31));
    expect(s.quote.suffix).toBe('z'.repeat(31));
  });

  it('rejects empty or out-of-range ranges', () => {
    expect(() => describe('abc', 1, 1)).toThrow(RangeError);
    expect(() => describe('abc', 2, 5)).toThrow(RangeError);
    expect(() => describe('abc', -1, 2)).toThrow(RangeError);
  });
});
