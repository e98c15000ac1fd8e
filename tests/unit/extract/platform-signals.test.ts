import { describe, expect, it } from 'vitest';
import { inWriterSpace, isBlogUrl, isChapterUrl } from '../../../utils/extract/platform-signals';

describe('inWriterSpace', () => {
  it("finds an @handle in the page's address or in its author's profile on the same host", () => {
    expect(inWriterSpace('https://example.com/@ann/a-post-1a2b', [])).toBe(true);
    expect(inWriterSpace('https://example.com/team-blog/a-post-1a2b', ['https://example.com/@ann'])).toBe(true);
    expect(inWriterSpace('https://www.example.com/a-post', ['https://example.com/@ann'])).toBe(true);
    expect(inWriterSpace('https://ann.example.com/p/a-post', ['https://example.com/@ann'])).toBe(true);
  });

  it("leaves news sites' author pages, other hosts and bad addresses alone", () => {
    expect(inWriterSpace('https://news.example/2024/05/01/story', ['https://news.example/by/ann-lee'])).toBe(false);
    expect(inWriterSpace('https://news.example/story', ['https://social.example/@ann'])).toBe(false);
    expect(inWriterSpace('https://news.example/story', ['not a url'])).toBe(false);
    expect(inWriterSpace(null, ['https://news.example/@ann'])).toBe(false);
    expect(inWriterSpace('/relative/@ann/post', [])).toBe(false);
  });
});

describe('isBlogUrl', () => {
  it('knows a blog by a path segment or a host label', () => {
    expect(isBlogUrl('https://example.com/blog/2024/06/25/a-post/')).toBe(true);
    expect(isBlogUrl('https://example.org/team/blogs/a-post')).toBe(true);
    expect(isBlogUrl('https://blog.example.org/2020/12/18/a-post')).toBe(true);
    expect(isBlogUrl('https://someone.blogspot.com/2016/05/a-post.html')).toBe(true);
  });

  it("does not take a story about blogs, or the blog's own front, for a blog post address", () => {
    expect(isBlogUrl('https://news.example/tech/blog-platform-sold')).toBe(false);
    expect(isBlogUrl('https://example.com/blog/')).toBe(false);
    expect(isBlogUrl('https://news.example/story')).toBe(false);
  });
});

describe('isChapterUrl', () => {
  it('knows a chapter by its segment', () => {
    expect(isChapterUrl('https://example.com/fiction/1/a-tale/chapter/2/the-crossing')).toBe(true);
    expect(isChapterUrl('https://example.org/works/1/chapters/2')).toBe(true);
    expect(isChapterUrl('https://example.net/a-tale/chapter-12')).toBe(true);
  });

  it('does not take a story about Chapter 11 bankruptcy for fiction', () => {
    expect(isChapterUrl('https://news.example/business/chapter-11-bankruptcy-filing')).toBe(false);
    expect(isChapterUrl('https://news.example/local/chapter')).toBe(false);
  });
});
