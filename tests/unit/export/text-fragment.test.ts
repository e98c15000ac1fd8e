import { describe, expect, it } from 'vitest';
import { describe as select } from '../../../utils/anchoring';
import { encodeFragmentText, passageUrl, textDirective } from '../../../utils/export/text-fragment';

const TEXT =
  'The minister said on Tuesday that talks would resume. Critics, however, called it a well-worn promise — and said so.\n\nA second paragraph follows here, with more words in it than the first one had.';

const quote = (exact: string) => {
  const start = TEXT.indexOf(exact);
  return select(TEXT, start, start + exact.length).quote;
};

describe('text fragments', () => {
  it('percent-encodes -, & and , as the spec asks (and parentheses, for Markdown links)', () => {
    expect(encodeFragmentText('well-worn, A&B (x)')).toBe('well%2Dworn%2C%20A%26B%20%28x%29');
  });

  it('links a short passage with whole words of context on each side', () => {
    expect(textDirective(quote('called it a well-worn promise'))).toBe(
      'resume.%20Critics%2C%20however%2C-,called%20it%20a%20well%2Dworn%20promise,-%E2%80%94%20and%20said',
    );
  });

  it('completes a passage that starts or ends inside a word', () => {
    const q = quote('inister said on Tues');
    expect(q.exact).toBe('inister said on Tues');
    expect(textDirective(q)).toMatch(/^(?:[^,]*-,)?minister%20said%20on%20Tuesday(?:,-[^,]*)?$/);
  });

  it('links a long or multi-paragraph passage by its first and last words, each within its paragraph', () => {
    const d = textDirective(
      quote(
        'talks would resume. Critics, however, called it a well-worn promise — and said so.\n\nA second paragraph follows here',
      ),
    );
    const parts = d.split(',');
    expect(parts).toContain('talks%20would%20resume.%20Critics%2C');
    expect(parts).toContain('second%20paragraph%20follows%20here');
    expect(d).not.toContain('%0A');
  });

  it('replaces the URL’s own fragment', () => {
    expect(passageUrl('https://a.example/x#top', { exact: 'word', prefix: '', suffix: '' })).toBe(
      'https://a.example/x#:~:text=word',
    );
  });
});
