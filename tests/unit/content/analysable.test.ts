import { describe, expect, it } from 'vitest';
import { analysableText } from '../../../utils/content/analysable';

describe('analysableText', () => {
  it('keeps a text within the limit whole', () => {
    expect(analysableText('One.\n\nTwo.', 100)).toBe('One.\n\nTwo.');
  });

  it('cuts a longer text at its last paragraph break before the limit', () => {
    const text = 'a'.repeat(95) + '\n\n' + 'b'.repeat(50);
    expect(analysableText(text, 100)).toBe('a'.repeat(95));
  });

  it('cuts at the limit when no paragraph break is near it', () => {
    const text = 'a'.repeat(50) + '\n\n' + 'b'.repeat(100);
    expect(analysableText(text, 100)).toBe('a'.repeat(50) + '\n\n' + 'b'.repeat(48));
  });
});
