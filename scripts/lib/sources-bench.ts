/**
 * `npm run bench -- --only=sources`: remembered sources at scale. Seeds
 * fake-indexeddb with synthetic articles (made-up names and words, a fixed
 * seed: the same every run) through the real store, then times the speakers
 * list (first page), quotation search per keystroke, and prints the storage
 * used per 1,000 articles. Figures, never assertions.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { Analysis, EntityType } from '../../utils/analysis/types';
import { createDb } from '../../utils/db/database';
import { listSpeakers, searchQuotes } from '../../utils/sources/queries';
import { prepareQuoteIndex } from '../../utils/sources/quote-index';
import { buildSourceRecord, type SourceInput, type SourceRecord } from '../../utils/sources/record';
import { rememberArticles } from '../../utils/sources/store';
import { rng } from './random';
import { kb, median, p95 } from './stats';

const SYLLABLES = 'ka lo mi ra ten vi su no pe dra gan li or el mar to bre sa qui fen ju ho da ve zo'.split(' ');

/** Made-up words and names, so that no real text or person is involved. */
function made(rand: () => number, parts: number): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

/** An index drawn with a Zipf-like skew: a few are common, most are rare. */
const zipf = (rand: () => number, n: number) => Math.min(n - 1, Math.floor(n * Math.pow(rand(), 2.2)));

const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);

/** `articles` synthetic records of about `quotesEach` quotations and 12 entities each. */
export function syntheticRecords(articles: number, quotesEach = 10): SourceRecord[] {
  return syntheticInputs(articles, quotesEach).map(buildSourceRecord);
}

/** The inputs of `syntheticRecords`: address, metadata, text and its analysis. */
export function syntheticInputs(articles: number, quotesEach = 10): SourceInput[] {
  const rand = rng(13);
  const vocabulary = Array.from({ length: 6000 }, () => made(rand, 1 + Math.floor(rand() * 3)));
  const people = Array.from(
    { length: 3000 },
    () => `${cap(made(rand, 2))} ${cap(made(rand, 2 + Math.floor(rand() * 2)))}`,
  );
  const orgs = Array.from({ length: 800 }, () => `${cap(made(rand, 2))} ${cap(made(rand, 3))}`);
  const places = Array.from({ length: 500 }, () => cap(made(rand, 3)));
  const publishers = Array.from({ length: 60 }, () => `The ${cap(made(rand, 3))} Times`);
  const records: SourceInput[] = [];
  for (let i = 0; i < articles; i++) {
    let text = '';
    const quotes: Analysis['quotes'] = [];
    const groups: Analysis['entityGroups'] = [];
    const add = (name: string, type: EntityType, times: number) => {
      const mentions = [];
      for (let k = 0; k < times; k++) {
        mentions.push({ start: text.length, end: text.length + name.length });
        text += `${name} was there. `;
      }
      groups.push({ type, name, mentions });
    };
    const speakers = Array.from({ length: 4 }, () => people[zipf(rand, people.length)]!);
    for (const s of new Set(speakers)) add(s, 'PER', 1 + Math.floor(rand() * 4));
    for (let k = 0; k < 4; k++) add(orgs[zipf(rand, orgs.length)]!, 'ORG', 1 + Math.floor(rand() * 3));
    for (let k = 0; k < 4; k++) add(places[zipf(rand, places.length)]!, 'LOC', 1 + Math.floor(rand() * 3));
    const n = quotesEach - 3 + Math.floor(rand() * 7);
    for (let q = 0; q < n; q++) {
      const words = Array.from(
        { length: 8 + Math.floor(rand() * 20) },
        () => vocabulary[zipf(rand, vocabulary.length)]!,
      );
      const said = words.join(' ');
      const speaker = rand() < 0.85 ? speakers[Math.floor(rand() * speakers.length)]! : null;
      text += '“';
      quotes.push({ start: text.length, end: text.length + said.length, text: said, speaker });
      text += `${said},” said ${speaker ?? 'an official'}.\n\n`;
    }
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 700) * 86_400_000).toISOString().slice(0, 10);
    records.push({
      url: `https://news${i % 40}.example/${day}/story-${i}`,
      metadata: {
        title: `${cap(vocabulary[zipf(rand, vocabulary.length)]!)} ${vocabulary[zipf(rand, 6000)]} story ${i}`,
        publisher: publishers[i % publishers.length]!,
        byline: null,
        published: day,
        canonicalUrl: null,
        language: 'en',
      },
      text,
      analysis: { quotes, entityGroups: groups },
    });
  }
  return records;
}

const ms = (x: number) => `${x.toFixed(2)} ms`;

/** Seeds `articles` remembered articles and prints the figures. */
export async function sourcesBench(articles = 10_000): Promise<void> {
  console.log(`\nremembered sources: ${articles.toLocaleString('en')} synthetic articles in fake-indexeddb (Node)`);
  const records = syntheticRecords(articles);
  const quotes = records.reduce((n, r) => n + r.quotes.length, 0);
  const db = createDb(`gloss-bench-sources-${Date.now()}`, { indexedDB, IDBKeyRange });
  let t = performance.now();
  for (let i = 0; i < records.length; i += 250)
    await rememberArticles(db, records.slice(i, i + 250), Date.UTC(2026, 0, 1));
  const seeding = performance.now() - t;
  const speakers = await db.identities.where('quoteCount').above(0).count();
  console.log(
    `  seeded ${quotes.toLocaleString('en')} quotations, ${speakers.toLocaleString('en')} speakers, ` +
      `${(await db.identities.count()).toLocaleString('en')} identities in ${(seeding / 1000).toFixed(1)} s (250 articles a transaction)`,
  );
  const timed = async (run: () => Promise<unknown>, times: number) => {
    const runs: number[] = [];
    for (let i = 0; i < times; i++) {
      t = performance.now();
      await run();
      runs.push(performance.now() - t);
    }
    return runs;
  };
  const first = await timed(() => listSpeakers(db, 0, 50), 1);
  const list = await timed(() => listSpeakers(db, 0, 50), 10);
  console.log(`  speakers list, first page of 50: first ${ms(first[0]!)}, then median ${ms(median(list))} (10 runs)`);
  // The quotation index in memory (the view asks for it once its first list has painted); until it is built, the
  // search reads the database.
  t = performance.now();
  const heap = process.memoryUsage().heapUsed;
  const index = await prepareQuoteIndex(db);
  console.log(
    `  quotation index in memory: ${index?.ids.length.toLocaleString('en')} quotations, ready ${ms(performance.now() - t)} after it was asked for; ` +
      `heap grew ${((process.memoryUsage().heapUsed - heap) / 2 ** 20).toFixed(1)} MiB (rough, no forced GC)`,
  );
  // Per keystroke: every prefix of some query words, as the reader types them (a word, two words).
  const sample = records[Math.floor(records.length / 2)]!.quotes[0]!.text.split(' ');
  const typed = [sample[0]!, `${sample[1]} ${sample[2]}`, sample.slice(3, 6).join(' ')];
  const keystrokes: number[] = [];
  let matches = 0;
  for (const query of typed) {
    for (let k = 1; k <= query.length; k++) {
      if (query[k - 1] === ' ') continue;
      t = performance.now();
      const found = await searchQuotes(db, query.slice(0, k), { limit: 50 });
      keystrokes.push(performance.now() - t);
      matches = found.total;
    }
  }
  console.log(
    `  quotation search per keystroke (${keystrokes.length} keystrokes of ${typed.length} queries, first page of 50): ` +
      `median ${ms(median(keystrokes))}, p95 ${ms(p95(keystrokes))}, max ${ms(Math.max(...keystrokes))}; last query ${matches} matches`,
  );
  const top = (await listSpeakers(db, 0, 1)).items[0]!;
  const bySpeaker = await timed(() => searchQuotes(db, '', { speakerId: top.id, limit: 50 }), 5);
  console.log(`  the top speaker's quotations (${top.quoteCount}), first 50: median ${ms(median(bySpeaker))}`);
  const recordBytes = records.reduce((n, r) => n + JSON.stringify(r).length, 0);
  let stored = 0;
  for (const table of [db.sourceArticles, db.sourceQuotes, db.sourceMentions, db.identities, db.sourceCorrections]) {
    await table.each((row) => (stored += JSON.stringify(row).length));
  }
  const per = 1000 / articles;
  console.log(
    `  storage per 1,000 articles: records as built ${kb(recordBytes * per)}; stored rows (JSON, without index entries) ${kb(stored * per)}`,
  );
  db.close();
}
