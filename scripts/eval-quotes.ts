/**
 * Quotation evaluation: `npm run eval:quotes [-- FILE] [--dump]` over PolNeAR JSON lines
 * (default `../shared/corpus/polnear/dev.jsonl`), through the analyse command's contract.
 *
 * Gold quotations are the spans inside quotation marks that belong to the content of a
 * `direct` or `mixed` attribution, each with the attribution's source as its speaker.
 * `--dump` prints every miss, false alarm and wrong speaker, for error analysis.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { corpusFile } from './lib/corpus';

type Frag = { start: number; end: number; text: string };
type Attribution = { id: string; kind: string; content: Frag[]; source: Frag[]; cue: Frag[] };
type Article = { id: string; publisher: string; text: string; attributions: Attribution[] };
type Gold = { start: number; end: number; source: string };
type Pred = { start: number; end: number; text: string; speaker: string | null };

const args = process.argv.slice(2);
const dump = args.includes('--dump');
const file =
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--corpus') ?? corpusFile('polnear/dev.jsonl', args);

/** Quotation marks the gold extraction pairs (double marks; NYT writes '' for both). */
const MARK = /''|[\u0022\u201c\u201d\u201e\u00ab\u00bb]/g;

/** The span without its quotation marks and outer spaces. */
function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  const s = text.slice(start, end);
  const lead =
    s.length -
    s.replace(/^[\s"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f]+/, '').length;
  const tail =
    s.length -
    s.replace(/[\s"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f]+$/, '').length;
  return lead >= s.length ? { start, end: start } : { start: start + lead, end: end - tail };
}

/** The quoted spans of one attribution's content (fragments joined across white space). */
function goldOf(text: string, at: Attribution): Gold[] {
  const source = at.source
    .map((s) => s.text)
    .join(' ')
    .trim();
  const frags = [...at.content].sort((a, b) => a.start - b.start);
  const regions: { start: number; end: number }[] = [];
  for (const f of frags) {
    const last = regions[regions.length - 1];
    if (last && /^\s*$/.test(text.slice(last.end, f.start))) last.end = Math.max(last.end, f.end);
    else regions.push({ start: f.start, end: f.end });
  }
  const out: Gold[] = [];
  for (const r of regions) {
    // Take in a mark just outside the region (annotators differ on whether marks belong).
    let { start, end } = r;
    const before = /(?:''|["\u201c\u201e\u00ab])\s*$/.exec(text.slice(Math.max(0, start - 3), start));
    if (before) start -= before[0].length;
    const after = /^[,.?!]?(?:''|["\u201d\u00bb])/.exec(text.slice(end, end + 3));
    if (after) end += after[0].length;
    const marks: { pos: number; len: number; open: boolean }[] = [];
    for (const m of text.slice(start, end).matchAll(MARK)) {
      const pos = start + (m.index ?? 0);
      const prev = text[pos - 1] ?? ' ';
      const ch = m[0];
      const open =
        ch === '\u201c' || ch === '\u201e' || ch === '\u00ab'
          ? true
          : ch === '\u201d' || ch === '\u00bb'
            ? false
            : pos === start || /[\s([\u2014\u2013-]/.test(prev);
      marks.push({ pos, len: ch.length, open });
    }
    if (marks.length === 0) {
      if (at.kind === 'direct') out.push({ ...trimSpan(text, start, end), source });
      continue;
    }
    let openAt: number | null = marks[0].open ? null : start;
    for (const m of marks) {
      if (m.open) {
        // A second opening mark at a paragraph start continues a multi-paragraph quote.
        if (openAt !== null && /\n\s*$/.test(text.slice(openAt, m.pos))) continue;
        openAt = m.pos;
      } else if (openAt !== null) {
        out.push({ ...trimSpan(text, openAt, m.pos + m.len), source });
        openAt = null;
      }
    }
    if (openAt !== null) out.push({ ...trimSpan(text, openAt, end), source });
  }
  return out.filter((g) => g.end > g.start);
}

/** All gold quotations of an article, without duplicates. */
function goldQuotes(a: Article): Gold[] {
  const seen = new Map<string, Gold>();
  for (const at of a.attributions) {
    if (at.kind !== 'direct' && at.kind !== 'mixed') continue;
    for (const g of goldOf(a.text, at)) if (!seen.has(`${g.start}:${g.end}`)) seen.set(`${g.start}:${g.end}`, g);
  }
  return [...seen.values()].sort((x, y) => x.start - y.start);
}

const SMALL = new Set(
  'the a an of and or in on at to for from by with his her their its s jr sr mr mrs ms dr'.split(' '),
);
const TITLES = new Set(
  (
    'president presidential candidate nominee senator sen rep representative gov governor minister secretary ' +
    'spokesman spokeswoman spokesperson former vice chief chairman chairwoman director leader speaker ' +
    'republican democratic democrat gop general gen attorney mayor state foreign prime u.s us sen. rep. gov.'
  ).split(' '),
);
const PRONOUNS = new Set(
  'he she they it i we you who his her him them their its our my me us this that which'.split(' '),
);

function words(s: string): string[] {
  return (
    s
      .toLowerCase()
      .replace(/’/g, "'")
      .match(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu) ?? []
  ).map((w) => w.replace(/['’]s$|\.$/, ''));
}

/** Content words of a speaker: titles and small words aside (unless nothing else is left). */
function contentWords(s: string): Set<string> {
  const ws = words(s).filter((w) => !SMALL.has(w));
  const core = ws.filter((w) => !TITLES.has(w));
  return new Set(core.length ? core : ws);
}

function isPronoun(source: string): boolean {
  const ws = words(source);
  return ws.length > 0 && ws.every((w) => PRONOUNS.has(w));
}

/** Pairs predicted and gold spans one to one, best overlap first, at ≥ half their union. */
function match(text: string, gold: Gold[], pred: Pred[]): [number, number][] {
  const p = pred.map((q) => trimSpan(text, q.start, q.end));
  const cands: [number, number, number][] = [];
  for (let i = 0; i < gold.length; i++) {
    for (let j = 0; j < p.length; j++) {
      const inter = Math.min(gold[i].end, p[j].end) - Math.max(gold[i].start, p[j].start);
      if (inter <= 0) continue;
      const union = Math.max(gold[i].end, p[j].end) - Math.min(gold[i].start, p[j].start);
      if (inter / union >= 0.5) cands.push([inter / union, i, j]);
    }
  }
  cands.sort((x, y) => y[0] - x[0]);
  const gi = new Set<number>(),
    pj = new Set<number>(),
    pairs: [number, number][] = [];
  for (const [, i, j] of cands) {
    if (gi.has(i) || pj.has(j)) continue;
    gi.add(i);
    pj.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

const errors: string[] = [];
let analysisMs = 0;

/** Sends every article through `scripts/analyze.ts --jsonl` and collects the quotes. */
async function analyseAll(articles: Article[]): Promise<Map<string, Pred[]>> {
  const child = spawn('npx', ['tsx', 'scripts/analyze.ts', '--jsonl'], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.on('error', () => {}); // reported through the missing answers below
  const out = new Map<string, Pred[]>();
  const done = (async () => {
    for await (const line of createInterface({ input: child.stdout })) {
      const r = JSON.parse(line);
      // An article the analysis fails on counts as one without quotations, and is reported.
      if (r.error) errors.push(`${r.id}: ${r.error}`);
      out.set(String(r.id), r.error ? [] : (r.quotes as Pred[]));
      if (typeof r.timingMs === 'number') analysisMs += r.timingMs;
    }
  })();
  for (const a of articles) {
    if (!child.stdin.write(JSON.stringify({ id: a.id, text: a.text }) + '\n')) {
      await new Promise((r) => child.stdin.once('drain', r));
    }
  }
  child.stdin.end();
  await done;
  return out;
}

function show(text: string, s: number, e: number): string {
  const inner = e - s > 90 ? text.slice(s, s + 40) + ' … ' + text.slice(e - 40, e) : text.slice(s, e);
  return JSON.stringify(text.slice(Math.max(0, s - 70), s) + '[[' + inner + ']]' + text.slice(e, e + 80));
}

async function main(): Promise<void> {
  const articles: Article[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const t0 = performance.now();
  const preds = await analyseAll(articles);
  const seconds = (performance.now() - t0) / 1000;
  let tp = 0,
    np = 0,
    ng = 0,
    named = 0,
    namedRight = 0,
    pron = 0,
    pronNamed = 0;
  for (const a of articles) {
    const gold = goldQuotes(a);
    const pred = preds.get(a.id) ?? [];
    const pairs = match(a.text, gold, pred);
    tp += pairs.length;
    np += pred.length;
    ng += gold.length;
    for (const [i, j] of pairs) {
      const g = gold[i],
        p = pred[j];
      if (!g.source) continue;
      if (isPronoun(g.source)) {
        pron++;
        if (p.speaker && /^\p{Lu}/u.test(p.speaker) && !isPronoun(p.speaker)) pronNamed++;
        else if (dump)
          console.log(
            `PRONOUN ${a.id} gold=${JSON.stringify(g.source)} pred=${JSON.stringify(p.speaker)} ${show(a.text, g.start, g.end)}`,
          );
        continue;
      }
      named++;
      const gw = contentWords(g.source);
      const ok = !!p.speaker && [...contentWords(p.speaker)].some((w) => gw.has(w));
      if (ok) namedRight++;
      else if (dump)
        console.log(
          `SPEAKER ${a.id} gold=${JSON.stringify(g.source)} pred=${JSON.stringify(p.speaker)} ${show(a.text, g.start, g.end)}`,
        );
    }
    if (dump) {
      const gi = new Set(pairs.map((x) => x[0])),
        pj = new Set(pairs.map((x) => x[1]));
      gold.forEach((g, i) => gi.has(i) || console.log(`MISS ${a.id} ${show(a.text, g.start, g.end)}`));
      pred.forEach((p, j) => pj.has(j) || console.log(`FALSE ${a.id} (${p.speaker}) ${show(a.text, p.start, p.end)}`));
    }
  }
  const P = tp / (np || 1),
    R = tp / (ng || 1),
    F = (2 * P * R) / (P + R || 1);
  console.log(`file: ${file} (${articles.length} articles)`);
  console.log(`quotations: gold ${ng}, predicted ${np}, matched ${tp}`);
  console.log(`precision ${P.toFixed(3)}  recall ${R.toFixed(3)}  F1 ${F.toFixed(3)}`);
  console.log(
    `speaker accuracy (named or described sources): ${(namedRight / (named || 1)).toFixed(3)} (${namedRight}/${named})`,
  );
  console.log(`pronoun sources given a named speaker: ${pronNamed}/${pron}`);
  console.log(
    `speed: ${(articles.length / (analysisMs / 1000)).toFixed(1)} articles/s in the analysis (entities + quotations, ` +
      `${(analysisMs / articles.length).toFixed(1)} ms each); ${(articles.length / seconds).toFixed(1)} articles/s ` +
      `through the command, start-up included (${seconds.toFixed(2)} s)`,
  );
  if (errors.length) console.log(`analysis failed on ${errors.length} articles, e.g. ${errors[0]}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
