/**
 * Entity errors on the tuning parts only (own-written recent passages, own labels of PolNeAR
 * train.jsonl passages): each missed or wrong mention with its passage. Never on the held-back.
 *
 *   npx tsx scripts/entity-errors.ts
 */
import { readFileSync } from 'node:fs';
import { corpusPath } from './lib/corpus';
import { analyzeInput } from './lib/node-analysis';
import { readOwnWritten } from './lib/own-written-entities';
import { RECENT_SETS } from './lib/recent-entities';

type M = { start: number; end: number; type: string };

function show(title: string, text: string, gold: M[], found: M[]): void {
  const key = (m: M) => `${m.start}:${m.end}:${m.type}`;
  const g = new Set(gold.map(key));
  const f = new Set(found.map(key));
  const lines: string[] = [];
  for (const m of gold) if (!f.has(key(m))) lines.push(`  missed ${m.type} "${text.slice(m.start, m.end)}"`);
  for (const m of found) if (!g.has(key(m))) lines.push(`  wrong  ${m.type} "${text.slice(m.start, m.end)}"`);
  if (lines.length) console.log(`${title}\n${lines.join('\n')}`);
}

for (const p of readOwnWritten().filter((p) => p.part === 'tuning'))
  show(`own-written: ${p.text.slice(0, 50)}`, p.text, p.mentions, analyzeInput({ text: p.text }).entities);

const fixture = JSON.parse(readFileSync(RECENT_SETS.tuning.fixture, 'utf8')) as {
  articles: { id: string; end: number; mentions: [number, number, string][] }[];
};
const texts = new Map<string, string>();
for (const line of readFileSync(corpusPath('polnear', RECENT_SETS.tuning.polnear), 'utf8').split('\n'))
  if (line.trim()) {
    const a = JSON.parse(line) as { id: string; text: string };
    texts.set(a.id, a.text);
  }
for (const a of fixture.articles) {
  const text = texts.get(a.id)!;
  const found = analyzeInput({ text }).entities.filter((e: M) => e.end <= a.end);
  show(
    `polnear tuning: ${a.id}`,
    text,
    a.mentions.map(([start, end, type]) => ({ start, end, type })),
    found,
  );
}
