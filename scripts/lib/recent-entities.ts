/**
 * Entities on recent news: our own labels (offsets and types only) of the opening
 * passages of PolNeAR articles (2015–16): `tests/fixtures/recent-entities.json`, seventeen
 * dev.jsonl articles, held back; `tests/fixtures/recent-entities-tuning.json`, fourteen
 * train.jsonl articles, for tuning. Each article is analysed whole, as the extension
 * would; the entities found inside the labelled passage are scored by exact span and
 * type (PER, ORG, LOC).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countMatches, prf, type ScoredSpan } from './ner-score';
import { fnv1a } from './splits';

const fixture = (name: string) => fileURLToPath(new URL(`../../tests/fixtures/${name}`, import.meta.url));

/** The labelled sets: held back (PolNeAR dev.jsonl) and for tuning (PolNeAR train.jsonl). */
export const RECENT_SETS = {
  'held-back': { fixture: fixture('recent-entities.json'), polnear: 'dev.jsonl' },
  tuning: { fixture: fixture('recent-entities-tuning.json'), polnear: 'train.jsonl' },
} as const;

/** Ids of the articles a fixture labels. */
export function labelledIds(fixtureFile: string): Set<string> {
  if (!existsSync(fixtureFile)) return new Set();
  const { articles } = JSON.parse(readFileSync(fixtureFile, 'utf8')) as { articles: Labelled[] };
  return new Set(articles.map((a) => a.id));
}

type Labelled = { id: string; end: number; check: number; mentions: [number, number, string][] };

/** Micro P/R/F1 over PER/ORG/LOC, or a reason why it could not be computed. */
export function scoreRecent(
  polnearFile: string,
  analyse: (text: string) => { start: number; end: number; type: string }[],
  fixtureFile: string = RECENT_SETS['held-back'].fixture,
): ReturnType<typeof prf> & { articles: number } {
  if (!existsSync(polnearFile)) throw new Error(`${polnearFile} not found`);
  const { articles } = JSON.parse(readFileSync(fixtureFile, 'utf8')) as { articles: Labelled[] };
  const texts = new Map<string, string>();
  for (const line of readFileSync(polnearFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { id: string; text: string };
    texts.set(a.id, a.text);
  }
  const gold: ScoredSpan[] = [];
  const pred: ScoredSpan[] = [];
  articles.forEach((a, doc) => {
    const text = texts.get(a.id);
    if (text === undefined || fnv1a(text.slice(0, a.end)) !== a.check)
      throw new Error(`recent entities: article ${a.id} is not the one labelled`);
    for (const [start, end, type] of a.mentions) gold.push({ doc, start, end, type });
    for (const e of analyse(text)) if (e.end <= a.end) pred.push({ doc, start: e.start, end: e.end, type: e.type });
  });
  return { ...prf(countMatches(gold, pred), ['PER', 'ORG', 'LOC']), articles: articles.length };
}
