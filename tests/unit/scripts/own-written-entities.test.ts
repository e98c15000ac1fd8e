import { describe, expect, it } from 'vitest';
import { parseMarked, readOwnWritten } from '../../../scripts/lib/own-written-entities';

describe('own-written recent passages', () => {
  it('turns inline marks into plain text and exact mentions', () => {
    const { text, mentions } = parseMarked('[LOC LAGOS] ([ORG Reuters]) - [PER Ada Obi]’s firm, [MISC Nigerian] too.');
    expect(text).toBe('LAGOS (Reuters) - Ada Obi’s firm, Nigerian too.');
    expect(mentions.map((m) => `${m.type} ${text.slice(m.start, m.end)}`)).toEqual([
      'LOC LAGOS',
      'ORG Reuters',
      'PER Ada Obi',
      'MISC Nigerian',
    ]);
    expect(() => parseMarked('[PER Ada Obi spoke')).toThrow(/broken mark/);
  });

  it('reads the fixture: both parts have passages, every mark is well formed', () => {
    const passages = readOwnWritten();
    expect(passages.filter((p) => p.part === 'tuning').length).toBeGreaterThan(5);
    expect(passages.filter((p) => p.part === 'held-back').length).toBeGreaterThan(5);
    for (const p of passages) for (const m of p.mentions) expect(p.text.slice(m.start, m.end).trim()).not.toBe('');
  });
});
