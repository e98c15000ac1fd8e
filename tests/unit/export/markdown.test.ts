import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../../utils/export';
import { escapeMarkdown, hashtag } from '../../../utils/export/markdown';
import { ANNOTATIONS, PAGES } from './fixture';

describe('toMarkdown', () => {
  const md = toMarkdown(PAGES, ANNOTATIONS);

  it('writes one section per page with highlights, most recently read first', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Other story', '## Wang Yi: "dialogue" \\| talks', '## https://orphan.example.net/x']);
    expect(md).not.toContain('No highlights');
  });

  it('gives each page its link, publisher and dates', () => {
    expect(md).toContain(
      '## Wang Yi: "dialogue" \\| talks\n\n<https://news.example.com/a>\n\nExample News · A. Writer · published 2025-02-25 · read 2025-02-25\n',
    );
    expect(md).toContain('## Other story\n\n<https://www.other.org/story>\n\nother.org · read 2025-02-26\n');
  });

  it('writes highlights in text order as blockquotes with a passage link, note and tags', () => {
    const section = md.slice(md.indexOf('## Wang Yi'), md.indexOf('## https://orphan'));
    expect(section.indexOf('China is willing')).toBeLessThan(section.indexOf('dialogue, not confrontation'));
    expect(section).toContain(
      '> dialogue, not confrontation\n' +
        '> [↗](https://news.example.com/a#:~:text=said%2C%20adding%2C%20%22-,dialogue%2C%20not%20confrontation,-%22%20matters. "Open this passage on the page")\n\n' +
        'Line one, "quoted"\nline two\n\n#Diplomacy #UN-talks\n',
    );
  });

  it('escapes Markdown in quotes so they read as written', () => {
    expect(md).toContain('> 50% of \\#hashtags use \\*stars\\* and \\<b\\>tags\\</b\\>.\n');
  });

  it("keeps the reader's note as they wrote it: it is their Markdown", () => {
    const note =
      '[[Wang Yi]] said **this** before, see #diplomacy\n\n- one\n- two\n1. first\n\n> quoted\n`code` ==marked==';
    const out = toMarkdown(PAGES, [{ ...ANNOTATIONS[0]!, note }]);
    expect(out).toContain(`\n\n${note}\n`);
  });

  it('writes a tag like c++ as one tag Obsidian recognises', () => {
    const out = toMarkdown(PAGES, [
      { ...ANNOTATIONS[0]!, tags: ['c++', 'C#', 'AT&T', '2025', 'UN talks', 'économie/2025'] },
    ]);
    expect(out).toContain('\n#c-plus-plus #C-sharp #AT-and-T #_2025 #UN-talks #économie/2025\n');
  });

  it('is empty without highlights', () => {
    expect(toMarkdown(PAGES, [])).toBe('');
  });
});

describe('escapeMarkdown and hashtag', () => {
  it('escapes markup, list markers and Obsidian highlights', () => {
    expect(escapeMarkdown('- one\n2. two\n==hl== ~~s~~ a = b')).toBe('\\- one\n2\\. two\n\\==hl\\== \\~~s\\~~ a = b');
    expect(escapeMarkdown('Title\n---\n===')).toBe('Title\n\\---\n\\=\\==');
    expect(escapeMarkdown('[link](x) `code` _em_ a|b')).toBe('\\[link\\](x) \\`code\\` \\_em\\_ a\\|b');
  });

  it('makes tags into hashtags of the characters Obsidian allows', () => {
    expect(hashtag('UN talks')).toBe('#UN-talks');
    expect(hashtag('économie/2025')).toBe('#économie/2025');
    expect(hashtag('c++')).toBe('#c-plus-plus');
    expect(hashtag('node.js')).toBe('#node-js');
    expect(hashtag('!!!')).toBe('');
    for (const tag of ['c++', 'C#', 'a&b', 'x@y', '50%', 'ünï côdé', '1984']) {
      // Obsidian: letters, digits, _ - /, and at least one character that is not a digit.
      expect(hashtag(tag)).toMatch(/^#[\p{L}\p{N}\p{M}_/-]*[\p{L}\p{M}_/-][\p{L}\p{N}\p{M}_/-]*$/u);
    }
  });
});
