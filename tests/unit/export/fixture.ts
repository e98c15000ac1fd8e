/** Pages and highlights with every kind of awkward text, for the export tests. */
import { describe as select } from '../../../utils/anchoring';
import { annotationRecord } from '../../../utils/db/records';
import type { Annotation, Page } from '../../../utils/db/types';

export const TEXT =
  'BEIJING -- "China is willing to work with all parties," Wang Yi said, adding, "dialogue, not confrontation" matters.\n\nSecond paragraph: 50% of #hashtags use *stars* and <b>tags</b>.';

const A = 'https://news.example.com/a';
const B = 'https://www.other.org/story';

function make(n: number, url: string, quote: string, extra: Partial<Annotation> = {}): Annotation {
  const start = TEXT.indexOf(quote);
  return annotationRecord({
    id: `00000000-0000-4000-8000-00000000000${n}`,
    url,
    createdAt: Date.UTC(2025, 1, 25, 10, n),
    updatedAt: Date.UTC(2025, 1, 25, 11, n),
    target: { source: url, selectors: select(TEXT, start, start + quote.length) },
    ...extra,
  });
}

export const PAGES: Page[] = [
  {
    url: A,
    title: 'Wang Yi: "dialogue" | talks',
    site: 'example.com',
    byline: 'A. Writer',
    publisher: 'Example News',
    published: '2025-02-25T08:00:00Z',
    lastVisited: Date.UTC(2025, 1, 25, 12),
  },
  {
    url: B,
    title: 'Other story',
    site: 'other.org',
    byline: null,
    publisher: null,
    published: null,
    lastVisited: Date.UTC(2025, 1, 26, 9),
  },
  {
    url: 'https://empty.example.com/',
    title: 'No highlights',
    site: 'example.com',
    byline: null,
    publisher: null,
    published: null,
    lastVisited: Date.UTC(2025, 1, 27),
  },
];

export const ANNOTATIONS: Annotation[] = [
  make(2, A, 'dialogue, not confrontation', {
    note: 'Line one, "quoted"\nline two',
    tags: ['Diplomacy', 'UN talks'],
    color: 'green',
  }),
  make(1, A, '"China is willing to work with all parties,"', { note: '= not a formula' }),
  make(3, B, '50% of #hashtags use *stars* and <b>tags</b>.', { tags: ['markup'], color: 'purple' }),
  make(4, 'https://orphan.example.net/x', 'Wang Yi', { note: 'Zürich — 王毅 😀' }),
];
