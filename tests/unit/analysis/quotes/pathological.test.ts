import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../../../utils/analysis/quotes';
import { REACH, work } from '../../../../utils/analysis/quotes/tokens';
import { PATHOLOGICAL } from './pathological';

/** Runs the finder on `text`, returning its quotations and the work its per-quotation scans did. */
function run(text: string) {
  work.steps = 0;
  const quotes = findQuotes(text, [], []);
  return { quotes, steps: work.steps };
}

/** What each input must give: quotation marks alone, or two words nobody says, are no quotations. */
const EXPECTED: Record<string, (n: number) => [string, string | null][]> = {
  'one speaker, many quotations, one paragraph': (n) =>
    Array.from({ length: n }, () => ['we are fine here today,', 'John Smith'] as [string, string | null]),
};

// A page can send any of these; before the scans were bounded some took minutes (a hang fails
// through the test's timeout). The work is counted, not timed: it must grow with the text's
// length, not with its square.
describe('pathological inputs finish, with sane results, in work linear in their size', () => {
  for (const p of PATHOLOGICAL) {
    it(p.name, { timeout: 120_000 }, () => {
      const text = p.make(p.n);
      const { quotes, steps } = run(text);
      expect(quotes.map((q) => [q.text, q.speaker])).toEqual(EXPECTED[p.name]?.(p.n) ?? []);
      for (const q of quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
      // At most a few windows of REACH characters per character of text, whatever its length.
      expect(steps).toBeLessThanOrEqual(4 * REACH * text.length);
      // Four times the text, about four times the work (a quadratic scan would do sixteen).
      const quarter = run(p.make(p.n / 4)).steps;
      if (quarter > 1000) expect(steps / quarter).toBeLessThan(5);
    });
  }
});
