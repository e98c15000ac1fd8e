import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../../utils/export';
import { escapeMarkdown, hashtag } from '../../../utils/export/markdown';
import { ANNOTATIONS, PAGES } from './fixture';

describe('toMarkdown', () => {
  const md = toMarkdown(PAGES, ANNOTATIONS);

  it('writes one section per page with highlights, most recently read first', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Other story', '## Wang Yi: "dialogue" | talks', '## https://orphan.example.net/x']);
    expect(md).not.toContain('No highlights');
  });

  it('gives each page its link and dates', () => {
    expect(md).toContain(
      '## Wang Yi: "dialogue" | talks\n\n<https://news.example.com/a>\n\nexample.com · A. Writer · published 2025-02-25 · read 2025-02-25\n',
    );
  });

  it('writes highlights in text order as blockquotes with note and tags', () => {
    const section = md.slice(md.indexOf('## Wang Yi'), md.indexOf('## https://orphan'));
    expect(section.indexOf('China is willing')).toBeLessThan(section.indexOf('dialogue, not confrontation'));
    expect(section).toContain(
      '> dialogue, not confrontation\n\nLine one, "quoted"\nline two\n\n#Diplomacy #UN-talks\n',
    );
  });

  it('escapes Markdown in quotes so they read as written', () => {
    expect(md).toContain('> 50% of \\#hashtags use \\*stars\\* and \\<b\\>tags\\</b\\>.\n\n#markup');
  });

  it('is empty without highlights', () => {
    expect(toMarkdown(PAGES, [])).toBe('');
  });
});

describe('escapeMarkdown and hashtag', () => {
  it('escapes markup, list markers and Obsidian highlights', () => {
    expect(escapeMarkdown('- one\n2. two\n==hl== ~~s~~ a = b')).toBe('\\- one\n2\\. two\n\\==hl\\== \\~~s\\~~ a = b');
    expect(escapeMarkdown('Title\n---\n===')).toBe('Title\n\\---\n\\=\\==');
    expect(escapeMarkdown('[link](x) `code` _em_')).toBe('\\[link\\](x) \\`code\\` \\_em\\_');
  });

  it('makes tags into hashtags', () => {
    expect(hashtag('UN talks')).toBe('#UN-talks');
    expect(hashtag('économie/2025')).toBe('#économie/2025');
    expect(hashtag('!!!')).toBe('');
  });
});
