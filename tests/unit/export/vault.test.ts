import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportFile, exportFileName, toVaultZip } from '../../../utils/export';
import { ANNOTATIONS, PAGES } from './fixture';
import { splitNote } from './front-matter';

describe('toVaultZip', () => {
  const files = unzipSync(toVaultZip(PAGES, ANNOTATIONS, new Date(Date.UTC(2026, 11, 3))));

  it('holds one Markdown file per page with highlights, named by title', () => {
    expect(Object.keys(files).sort()).toEqual([
      'Other story.md',
      'Wang Yi dialogue talks.md',
      'orphan.example.net x.md',
    ]);
  });

  it('starts each file with YAML front matter: title, url, publisher, published, tags', () => {
    const { meta, body } = splitNote(strFromU8(files['Wang Yi dialogue talks.md']!));
    expect(meta).toEqual({
      title: 'Wang Yi: "dialogue" | talks',
      url: 'https://news.example.com/a',
      publisher: 'Example News',
      published: '2025-02-25T08:00:00Z',
      tags: ['Diplomacy', 'UN-talks'],
    });
    expect(body).toContain('> dialogue, not confrontation\n');
    expect(body).toContain('\nLine one, "quoted"\nline two\n');
    expect(splitNote(strFromU8(files['Other story.md']!)).meta).toMatchObject({ publisher: null, tags: ['markup'] });
  });

  it('gives pages with the same title distinct names', () => {
    const twin = { ...PAGES[1]!, url: 'https://www.other.org/story-2' };
    const extra = { ...ANNOTATIONS[2]!, id: '00000000-0000-4000-8000-000000000009', url: twin.url };
    const names = Object.keys(unzipSync(toVaultZip([...PAGES, twin], [...ANNOTATIONS, extra])));
    expect(names.filter((n) => n.startsWith('Other story')).sort()).toEqual(['Other story 2.md', 'Other story.md']);
  });
});

describe('exportFile', () => {
  const now = new Date(2026, 11, 3, 9, 30);

  it('names files by date and scope', () => {
    expect(exportFileName('markdown', { kind: 'all' }, now)).toBe('gloss-2026-12-03-all.md');
    expect(exportFileName('vault', { kind: 'page', url: 'https://www.example.com/a/b' }, now)).toBe(
      'gloss-2026-12-03-example.com.zip',
    );
    expect(exportFileName('csv', { kind: 'search', query: 'Wang Yi / talks?' }, now)).toBe(
      'gloss-2026-12-03-search-wang-yi-talks.csv',
    );
    expect(exportFileName('jsonld', { kind: 'all' }, now)).toBe('gloss-2026-12-03-all.jsonld');
  });

  it('exports any scope: only the pages of the given highlights', () => {
    const onePage = ANNOTATIONS.filter((a) => a.url === PAGES[0]!.url);
    const file = exportFile('jsonld', PAGES, onePage, { kind: 'page', url: PAGES[0]!.url }, now);
    const doc = JSON.parse(file.data as string);
    expect(doc['gloss:pages'].map((p: { id: string }) => p.id)).toEqual([PAGES[0]!.url]);
    expect(doc.total).toBe(2);
    expect(file).toMatchObject({
      name: 'gloss-2026-12-03-example.com.jsonld',
      type: 'application/ld+json;charset=utf-8',
    });
  });

  it('starts CSV with a byte-order mark', () => {
    const csv = exportFile('csv', PAGES, ANNOTATIONS, { kind: 'all' }, now).data as string;
    expect(csv.startsWith('\uFEFFid,url,title,site,byline,publisher,published,')).toBe(true);
  });
});
