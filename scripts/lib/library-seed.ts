/**
 * The made-up library for tests and every `npm run bench` section (the UI
 * bench in Chromium, the data bench in Node): annotations over pages, from a
 * seeded random source, built with the store's own record functions (so
 * sites and shapes are what Gloss writes). Nothing from the corpus.
 */
import { annotationRecord, pageRecord } from '../../utils/db/records';
import type { GlossDB } from '../../utils/db';
import type { Annotation, Page } from '../../utils/db/types';
import { HIGHLIGHT_COLORS } from '../../utils/db/types';
import { rng } from './random';

const SYLLABLES =
  'ba be bi bo bu da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi zu'.split(
    ' ',
  );

/** A vocabulary of `n` made-up words, two to four syllables each. */
function vocabulary(rand: () => number, n: number): string[] {
  const words = new Set<string>();
  while (words.size < n) {
    const count = 2 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < count; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

/** A made-up library: `count` annotations spread over `pageCount` pages on `siteCount` sites. */
export function makeLibrary(
  count: number,
  pageCount: number,
  options: { seed?: number; siteCount?: number; origin?: string; since?: number } = {},
): { annotations: Annotation[]; pages: Page[] } {
  const rand = rng(options.seed ?? 1);
  const words = vocabulary(rand, 5000);
  const pick = () => words[Math.floor(rand() * words.length)];
  const phrase = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, pick).join(' ');
  const tagNames = Array.from({ length: 200 }, pick);
  const siteCount = options.siteCount ?? 500;
  const since = options.since ?? Date.UTC(2024, 0, 1);
  const span = Date.UTC(2026, 10, 1) - since;
  const pages: Page[] = [];
  for (let p = 0; p < pageCount; p++) {
    const site = options.origin ?? `https://news.${words[p % siteCount]}.com`;
    pages.push(
      pageRecord({
        url: `${site}/story/${p}`,
        title: phrase(5, 10),
        byline: null,
        published: null,
        lastVisited: since + Math.floor(rand() * span),
      }),
    );
  }
  const annotations: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const page = pages[i % pageCount];
    const exact = phrase(6, 22);
    const start = Math.floor(rand() * 5000);
    const createdAt = since + Math.floor(rand() * span);
    const hex = (i + 1).toString(16).padStart(12, '0');
    // Spread over the key space as random UUIDs are (readers' ids come from crypto.randomUUID); unique by the tail.
    const head = (Math.imul(i + 1, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0');
    annotations.push(
      annotationRecord({
        id: `${head}-0000-4000-8000-${hex}`,
        url: page.url,
        createdAt,
        updatedAt: createdAt,
        target: {
          source: page.url,
          selectors: {
            quote: { type: 'TextQuoteSelector', exact, prefix: phrase(2, 4), suffix: phrase(2, 4) },
            position: { type: 'TextPositionSelector', start, end: start + exact.length },
          },
        },
        color: HIGHLIGHT_COLORS[Math.floor(rand() * HIGHLIGHT_COLORS.length)],
        note: rand() < 0.3 ? phrase(3, 20) : '',
        tags:
          rand() < 0.5
            ? Array.from({ length: 1 + Math.floor(rand() * 3) }, () => tagNames[Math.floor(rand() * 200)])
            : [],
      }),
    );
  }
  return { annotations, pages };
}

/** Writes a library into `db` (in chunks of 10,000, one transaction each). */
export async function seedDatabase(db: GlossDB, library: { annotations: Annotation[]; pages: Page[] }): Promise<void> {
  const CHUNK = 10_000;
  for (let i = 0; i < library.pages.length; i += CHUNK) await db.pages.bulkPut(library.pages.slice(i, i + CHUNK));
  for (let i = 0; i < library.annotations.length; i += CHUNK) {
    await db.annotations.bulkPut(library.annotations.slice(i, i + CHUNK));
  }
}
