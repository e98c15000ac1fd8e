/**
 * Own-written recent news (`tests/fixtures/own-written-recent.txt`): short passages we wrote
 * ourselves in the style of 2019–2021 wire news and labelled in the CoNLL-2003 convention
 * with inline marks ("[PER Joe Biden]"). Self-written, so a check on recent vocabulary, not a
 * public evaluation set. Each passage is in the tuning or the held-back part by the FNV-1a
 * hash of its plain text (odd = held back, as `splits.ts`), is analysed whole, and is scored by
 * exact span and type over PER/ORG/LOC.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countMatches, prf, type ScoredSpan } from './ner-score';
import { partOf, type Part } from './splits';

export const OWN_WRITTEN = fileURLToPath(new URL('../../tests/fixtures/own-written-recent.txt', import.meta.url));

/** One passage: its plain text and its labelled mentions (character offsets). */
export type OwnPassage = { text: string; mentions: { start: number; end: number; type: string }[]; part: Part };

const MARK = /\[(PER|ORG|LOC|MISC) ([^\]]+)\]/g;

/** Plain text and mentions of one marked passage. */
export function parseMarked(marked: string): Omit<OwnPassage, 'part'> {
  let text = '';
  let last = 0;
  const mentions: OwnPassage['mentions'] = [];
  for (const m of marked.matchAll(MARK)) {
    text += marked.slice(last, m.index);
    const start = text.length;
    text += m[2];
    mentions.push({ start, end: text.length, type: m[1] });
    last = m.index + m[0].length;
  }
  text += marked.slice(last);
  if (/[[\]]/.test(text)) throw new Error(`own-written passage has a broken mark: ${marked.slice(0, 60)}`);
  return { text, mentions };
}

/** The passages of the fixture (blank-line separated; '#' lines are comments). */
export function readOwnWritten(file = OWN_WRITTEN): OwnPassage[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => {
      const p = parseMarked(b);
      return { ...p, part: partOf(p.text) };
    });
}

/** Micro P/R/F1 over PER/ORG/LOC of `analyse` on the passages of one part. */
export function scoreOwnWritten(
  part: Part,
  analyse: (text: string) => { start: number; end: number; type: string }[],
  passages: OwnPassage[] = readOwnWritten(),
): ReturnType<typeof prf> & { passages: number } {
  const gold: ScoredSpan[] = [];
  const pred: ScoredSpan[] = [];
  const mine = passages.filter((p) => p.part === part);
  mine.forEach((p, doc) => {
    for (const m of p.mentions) gold.push({ doc, ...m });
    for (const e of analyse(p.text)) pred.push({ doc, start: e.start, end: e.end, type: e.type });
  });
  return { ...prf(countMatches(gold, pred), ['PER', 'ORG', 'LOC']), passages: mine.length };
}
