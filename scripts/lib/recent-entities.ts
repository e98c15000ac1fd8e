/**
 * Entities on recent news: our own labels (`tests/fixtures/recent-entities.json`,
 * offsets and types only) of the opening passages of ten PolNeAR dev.jsonl articles
 * (2015–16). Each article is analysed whole, as the extension would; the entities
 * found inside the labelled passage are scored by exact span and type (PER, ORG, LOC).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countMatches, prf, type ScoredSpan } from './ner-score';
import { fnv1a } from './splits';

const FIXTURE = fileURLToPath(new URL('../../tests/fixtures/recent-entities.json', import.meta.url));

type Labelled = { id: string; end: number; check: number; mentions: [number, number, string][] };

/** Micro P/R/F1 over PER/ORG/LOC, or a reason why it could not be computed. */
export function scoreRecent(
  polnearDev: string,
  analyse: (text: string) => { start: number; end: number; type: string }[],
): ReturnType<typeof prf> & { articles: number } {
  if (!existsSync(polnearDev)) throw new Error(`${polnearDev} not found`);
  const { articles } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { articles: Labelled[] };
  const texts = new Map<string, string>();
  for (const line of readFileSync(polnearDev, 'utf8').split('\n')) {
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
