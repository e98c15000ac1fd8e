/**
 * A large, realistic library for benchmarks: `annotations` highlights over
 * `pages` pages, deterministic (seeded), every record built and checked by the
 * store's own functions. Used by `npm run bench -- --only=library-data`, and
 * meant for the library page's UI bench too (`seedDatabase` into any GlossDB).
 */
import type { GlossDB } from '../../utils/db';
import { annotationRecord, pageRecord } from '../../utils/db/records';
import { HIGHLIGHT_COLORS, type Annotation, type Page } from '../../utils/db/types';
import { rng } from './random';

/** How big a library to make, and from which seed. */
export type SeedOptions = { annotations?: number; pages?: number; seed?: number; now?: number };

const WORDS = (
  'the minister said on tuesday that talks with the opposition would resume after months of deadlock ' +
  'officials in brussels warned that inflation could rise again as energy prices climbed while ' +
  'economists expect the central bank to hold rates steady critics called the plan a broken promise ' +
  'residents of the city described floods that destroyed homes and roads the company reported record ' +
  'profits despite a slowdown in sales zürich beijing são paulo kyiv nairobi 東京 election climate ' +
  'court ruling vaccine budget strike border refugees parliament coalition research university'
).split(' ');
const SITES = ['example.com', 'news.example.org', 'daily.example.net', 'example.co.uk', 'times.example.de'];
const TAGS = ['politics', 'economy', 'climate', 'c++', 'UN talks', 'follow up', 'quote', 'AT&T', '2025', 'europe/eu'];
const TAG_POOL = [...TAGS, ...Array.from({ length: 190 }, (_, i) => `topic-${i}`)];

/** The library's records, in memory. */
export function seedLibrary(options: SeedOptions = {}): { pages: Page[]; annotations: Annotation[] } {
  const { annotations: count = 100_000, pages: pageCount = 10_000, seed = 1, now = Date.UTC(2026, 11, 1) } = options;
  const rand = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const day = 24 * 3600 * 1000;
  const pages: Page[] = Array.from({ length: pageCount }, (_, i) =>
    pageRecord({
      url: `https://${pick(SITES)}/${2020 + (i % 6)}/${String((i % 12) + 1).padStart(2, '0')}/story-${i}-${words(3).replace(/\s+/g, '-')}`,
      title: words(6 + Math.floor(rand() * 8)).replace(/^./, (c) => c.toUpperCase()),
      byline:
        rand() < 0.7
          ? `${pick(['Ana', 'Wei', 'Kofi', 'Maria', 'John'])} ${pick(['Smith', 'Li', 'Mensah', 'Rossi'])}`
          : null,
      publisher: rand() < 0.8 ? pick(['Example News', 'The Daily Example', 'Example Times']) : null,
      published: rand() < 0.8 ? new Date(now - Math.floor(rand() * 2000) * day).toISOString() : null,
      lastVisited: now - Math.floor(rand() * 1000 * day),
    }),
  );
  const annotations: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const page = pages[i % pageCount]!;
    const start = Math.floor(rand() * 20_000);
    const exact = words(4 + Math.floor(rand() * 30));
    const createdAt = page.lastVisited - Math.floor(rand() * 30 * day);
    const hex = (i + 1).toString(16).padStart(12, '0');
    annotations.push(
      annotationRecord({
        id: `${(seed >>> 0).toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`,
        url: page.url,
        createdAt,
        updatedAt: createdAt + (rand() < 0.3 ? Math.floor(rand() * day) : 0),
        target: {
          source: page.url,
          selectors: {
            quote: { type: 'TextQuoteSelector', exact, prefix: words(6).slice(0, 32), suffix: words(6).slice(0, 32) },
            position: { type: 'TextPositionSelector', start, end: start + exact.length },
          },
        },
        color: pick(HIGHLIGHT_COLORS),
        note:
          rand() < 0.4
            ? `${words(5 + Math.floor(rand() * 40))}${rand() < 0.2 ? ' [[' + pick(WORDS) + ']] **key**' : ''}`
            : '',
        tags: rand() < 0.6 ? Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(TAG_POOL)) : [],
      }),
    );
  }
  return { pages, annotations };
}

/** Writes a seeded library into `db` (in chunks, one transaction each); returns what it wrote. */
export async function seedDatabase(
  db: GlossDB,
  options: SeedOptions = {},
): Promise<{ pages: Page[]; annotations: Annotation[] }> {
  const library = seedLibrary(options);
  const CHUNK = 10_000;
  for (let i = 0; i < library.pages.length; i += CHUNK) await db.pages.bulkPut(library.pages.slice(i, i + CHUNK));
  for (let i = 0; i < library.annotations.length; i += CHUNK) {
    await db.annotations.bulkPut(library.annotations.slice(i, i + CHUNK));
  }
  return library;
}
