import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../../../utils/analysis/quotes';

const SEED = new URL('../../../fixtures/seed/xinhua-2025-02-25-human-rights.txt', import.meta.url);

describe('the seed article', () => {
  it('has exactly its two direct quotations, both by Wang Yi', () => {
    const text = readFileSync(SEED, 'utf8');
    const found = findQuotes(text, [], []);
    expect(found.map((q) => q.speaker)).toEqual(['Wang Yi', 'Wang Yi']);
    expect(found[0].text).toMatch(/^Fairness and justice must be upheld/);
    expect(found[1].text).toMatch(/^We must insist on exchanges/);
    for (const q of found) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});
