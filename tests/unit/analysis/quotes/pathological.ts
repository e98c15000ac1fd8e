/**
 * Texts a hostile or broken page can send to the quotation finder: many quotation marks in
 * one paragraph, or a huge paragraph with none. Shared by the unit test (which counts the
 * work) and `npm run bench` (which prints the time).
 */

/** One pathological input: `make(n)` builds it at size `n` (`n` is the default size). */
export type Pathological = { name: string; n: number; make: (n: number) => string };

export const PATHOLOGICAL: Pathological[] = [
  { name: 'short straight-quote pairs ("a b," c)', n: 50_000, make: (n) => '"a b," c '.repeat(n) },
  { name: "a run of '' (NYT double marks)", n: 100_000, make: (n) => "''".repeat(n) },
  { name: 'a run of «', n: 100_000, make: (n) => '«'.repeat(n) },
  { name: 'alternating “”', n: 100_000, make: (n) => '“”'.repeat(n) },
  { name: 'alternating “” around a word', n: 30_000, make: (n) => '“a”'.repeat(n) },
  { name: '20,000 apostrophes', n: 20_000, make: (n) => "'".repeat(n) },
  {
    name: '1 MB paragraph without a mark',
    n: 1_000_000,
    make: (n) => 'The council met on Monday and the minister spoke at length about trade. '.repeat(n / 73 + 1),
  },
  {
    name: 'one speaker, many quotations, one paragraph',
    n: 10_000,
    make: (n) => 'John Smith said, “we are fine here today,” and he said it again. '.repeat(n),
  },
];
