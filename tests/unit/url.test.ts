import { describe, expect, it } from 'vitest';
import { isSameSite, siteOf } from '../../utils/site';
import { normalizeUrl, siteKeys } from '../../utils/url';

describe('normalizeUrl', () => {
  it('drops the fragment and tracking parameters, keeps the rest in order', () => {
    expect(
      normalizeUrl('https://News.Example.com/a/b?z=1&utm_source=x&UTM_Medium=y&fbclid=abc&a=2&gclid=q#section'),
    ).toBe('https://news.example.com/a/b?z=1&a=2');
  });

  it('drops the whole query when only tracking remains', () => {
    expect(normalizeUrl('https://example.com/story?mc_cid=1&mc_eid=2&igshid=3&ref_src=twsrc')).toBe(
      'https://example.com/story',
    );
    expect(normalizeUrl('https://example.com/story?#')).toBe('https://example.com/story');
  });

  it('keeps parameters that select content, with their encoding', () => {
    expect(normalizeUrl('https://example.com/view?id=42&q=a+b%20c&ref=main')).toBe(
      'https://example.com/view?id=42&q=a+b%20c&ref=main',
    );
  });

  it('removes default ports and lower-cases the host, not the path', () => {
    expect(normalizeUrl('HTTPS://EXAMPLE.com:443/Path/To')).toBe('https://example.com/Path/To');
  });

  it('prefers a canonical URL on the page’s own origin', () => {
    expect(normalizeUrl('https://example.com/a?utm_source=x', 'https://example.com/a-story')).toBe(
      'https://example.com/a-story',
    );
    expect(normalizeUrl('https://www.bbc.co.uk/x?page=1', 'https://www.bbc.co.uk/news/x#top')).toBe(
      'https://www.bbc.co.uk/news/x',
    );
  });

  it('ignores a canonical URL on another origin, even of the same site', () => {
    // A page may only claim its own origin's key: which notes load is decided by where it really is.
    expect(normalizeUrl('https://m.example.com/a', 'https://www.example.com/a')).toBe('https://m.example.com/a');
    expect(normalizeUrl('https://news.bbc.co.uk/x', 'https://www.bbc.co.uk/news/x')).toBe('https://news.bbc.co.uk/x');
    expect(normalizeUrl('https://example.com/a', 'http://example.com/a')).toBe('https://example.com/a');
    expect(normalizeUrl('https://example.com/a', 'https://example.com:8443/a')).toBe('https://example.com/a');
  });

  it('resolves a relative canonical URL against the page', () => {
    expect(normalizeUrl('https://example.com/a/b?page=2', '/a/b')).toBe('https://example.com/a/b');
  });

  it('ignores a canonical URL on another site or an invalid one', () => {
    expect(normalizeUrl('https://example.com/a', 'https://evil.com/a')).toBe('https://example.com/a');
    expect(normalizeUrl('https://bbc.co.uk/a', 'https://evil.co.uk/a')).toBe('https://bbc.co.uk/a');
    expect(normalizeUrl('https://alice.github.io/a', 'https://bob.github.io/a')).toBe('https://alice.github.io/a');
    expect(normalizeUrl('https://a.netlify.app/a', 'https://b.netlify.app/a')).toBe('https://a.netlify.app/a');
    expect(normalizeUrl('https://example.com/a', 'javascript:alert(1)')).toBe('https://example.com/a');
    expect(normalizeUrl('https://example.com/a', 'http://[bad')).toBe('https://example.com/a');
    expect(normalizeUrl('https://example.com/a', null)).toBe('https://example.com/a');
  });

  it('works for local hosts and returns non-URLs trimmed', () => {
    expect(normalizeUrl('http://127.0.0.1:8080/seed/?utm_campaign=a#p1')).toBe('http://127.0.0.1:8080/seed/');
    expect(normalizeUrl('http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/b')).toBe('http://127.0.0.1:8080/b');
    expect(normalizeUrl('  not a url ')).toBe('not a url');
  });
});

describe('siteOf', () => {
  it('is the registrable domain under the Public Suffix List, private section included', () => {
    expect(siteOf('https://www.Example.com/a')).toBe('example.com');
    expect(siteOf('https://news.example.com/a')).toBe('example.com');
    expect(siteOf('https://news.bbc.co.uk/a')).toBe('bbc.co.uk');
    expect(siteOf('https://www.abc.net.au/news/x')).toBe('abc.net.au');
    for (const host of [
      'a.netlify.app',
      'b.vercel.app',
      'c.herokuapp.com',
      'd.pages.dev',
      'e.blogspot.com',
      'f.github.io',
    ]) {
      expect(siteOf(`https://${host}/post`)).toBe(host);
    }
    expect(siteOf('https://x.a.netlify.app/post')).toBe('a.netlify.app');
  });

  it('falls back to the host where there is no registrable domain', () => {
    expect(siteOf('http://127.0.0.1:8080/a')).toBe('127.0.0.1');
    expect(siteOf('http://localhost:3000/a')).toBe('localhost');
    expect(siteOf('nonsense')).toBe('');
  });
});

describe('isSameSite', () => {
  it('tells shared hosting apart', () => {
    expect(isSameSite('https://a.netlify.app/', 'https://b.netlify.app/')).toBe(false);
    expect(isSameSite('https://alice.blogspot.com/', 'https://bob.blogspot.com/')).toBe(false);
    expect(isSameSite('https://news.bbc.co.uk/', 'https://www.bbc.co.uk/')).toBe(true);
  });
});

describe('siteKeys', () => {
  it('lists the host and its parents, most specific first, so a setting saved for the site is found', () => {
    expect(siteKeys('https://www.news.bbc.co.uk/a')).toEqual(['news.bbc.co.uk', 'bbc.co.uk', 'co.uk', 'uk']);
    expect(siteKeys('http://127.0.0.1:8080/')).toEqual(['127.0.0.1']);
    expect(siteKeys('about:blank')).toEqual([]);
  });
});
