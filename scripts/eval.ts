/**
 * `npm run eval [-- --only entities,quotes,pronouns,articles,snippets]`: every figure of the
 * quality table that the corpus allows, for the tuning part and the held-back part side by side.
 * Corpus: `$GLOSS_CORPUS`, else `../shared/corpus`. The analysis runs in this process through
 * `analyzeInput`, the analyse command's own function.
 *
 * Splits (fixed once, deterministic; see `scripts/lib/splits.ts`). Study errors on the tuning
 * part only; the held-back part is for judging a change, never for finding what to change.
 * - Entities: CoNLL-2003 eng.testa documents, by an FNV-1a hash of the document's text (odd =
 *   held back). The tagger trains on eng.train only. Exact-span micro F1 over PER/ORG/LOC.
 * - Quotations and speakers: PolNeAR train.jsonl (840 articles) for tuning, dev.jsonl (84)
 *   held back. Scoring in `scripts/lib/quote-scores.ts`:
 *   - quotation F1: spans inside quotation marks of direct and mixed attributions, matched one
 *     to one at an overlap of at least half their union;
 *   - speaker accuracy: over matched quotations whose gold source is a name or a description
 *     ("named sources": not a bare pronoun), the share whose speaker shares a content word
 *     with the source (titles and small words set aside);
 *   - confidently wrong speaker: over the same quotations, the share given a speaker (not
 *     null) that does not name the source. A null speaker ("speaker unclear") is not wrong.
 * - Pronoun quotations ("…,” he said): our own labels in `tests/fixtures/pronoun-quotes.json`
 *   (quotations from corpus news pages whose cue subject is a pronoun, with the person meant),
 *   split by the page's hash like the pages themselves. Right, wrong (a different person) and
 *   null are counted over the labelled quotations the analysis finds.
 * - Article bodies: Readability pages of class `news`, by a hash of the folder's name; body
 *   P/R/F1 by word 4-shingles (mean per page, as `npm run eval:articles`), and how many of
 *   them are recognised as articles.
 * - Main-text snippets: `snippets/` pages by a hash of the page id, scored as the corpus
 *   README says (pooled over all snippets), with the number of pages left empty.
 * - Entities on recent text: our own labels of the opening passages of seventeen PolNeAR dev.jsonl
 *   articles (2015–16; `tests/fixtures/recent-entities.json`, `scripts/lib/recent-entities.ts`),
 *   held back (the word clusters and recent names are learned without dev.jsonl). Small: 273
 *   mentions. For tuning, fourteen train.jsonl articles (`recent-entities-tuning.json`, 188
 *   mentions), left out of the text the recent names are learned from.
 * - Entities on own-written recent news: short passages we wrote ourselves in the style of
 *   2019–2021 wire news and labelled (`tests/fixtures/own-written-recent.txt`,
 *   `scripts/lib/own-written-entities.ts`), split by a hash of each passage's text. Self-written
 *   and small: a check on recent vocabulary, not the 2020 set of the table.
 * The 2020 entity row of the table needs labelled 2020 text, which the corpus does not have.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { analyzeText } from '../utils/analysis/analyze';
import { extractArticle } from '../utils/extract';
import { evaluatePage, type PageRow } from './lib/article-scores';
import { corpusPath } from './lib/corpus';
import { analyzeInput, nodeTagger } from './lib/node-analysis';
import { readConll, type ConllDoc } from './lib/ner-conll';
import { RECENT_SETS, scoreRecent } from './lib/recent-entities';
import { readOwnWritten, scoreOwnWritten } from './lib/own-written-entities';
import { layout, scoreEntities } from './lib/ner-eval';
import { prf } from './lib/ner-score';
import { scorePronouns, type PronounCounts } from './lib/pronoun-scores';
import { quotePrf, scoreQuotes, type PolnearArticle, type PredQuote, type QuoteCounts } from './lib/quote-scores';
import {
  addSnippetPage,
  emptySnippetCounts,
  readSnippetLabels,
  snippetPage,
  snippetPrf,
  type SnippetCounts,
} from './lib/snippet-scores';
import { partOf, type Part } from './lib/splits';

const MODEL = fileURLToPath(new URL('../public/models/ner.bin', import.meta.url));
const PARTS: Part[] = ['tuning', 'held-back'];

type Row = { measure: string; cells: Record<Part, string>; target: string };
const rows: Row[] = [];
const notes: string[] = [];

function add(measure: string, cells: Record<Part, string>, target = ''): void {
  rows.push({ measure, cells, target });
}

const f3 = (x: number) => x.toFixed(3);

function entities(): void {
  const file = corpusPath('conll2003', 'eng.testa');
  if (!existsSync(file)) return void notes.push(`entities: ${file} not found`);
  const docs = readConll(file);
  const layouts = docs.map(layout);
  const byPart = { tuning: [] as number[], 'held-back': [] as number[] };
  layouts.forEach((l, d) => byPart[partOf(l.text)].push(d));
  const cells = {} as Record<Part, string>;
  for (const part of PARTS) {
    const ids = byPart[part];
    const ds: ConllDoc[] = ids.map((d) => docs[d]);
    const ls = ids.map((d) => layouts[d]);
    const found = ls.map((l) => analyzeInput({ text: l.text }).entities);
    const s = prf(scoreEntities(ds, ls, found).counts, ['PER', 'ORG', 'LOC']);
    const tokens = ds.reduce((n, d) => n + d.words.length, 0);
    cells[part] = `${f3(s.f)} (P ${f3(s.p)} R ${f3(s.r)}; ${ids.length} docs, ${tokens} tokens)`;
  }
  add('entity micro F1 PER/ORG/LOC, CoNLL eng.testa', cells, '≥ 0.905 unseen');
  const recent = {} as Record<Part, string>;
  for (const part of PARTS) {
    const set = RECENT_SETS[part];
    try {
      const r = scoreRecent(corpusPath('polnear', set.polnear), (text) => analyzeInput({ text }).entities, set.fixture);
      recent[part] = `${f3(r.f)} (P ${f3(r.p)} R ${f3(r.r)}; ${r.articles} passages, ${r.gold} mentions)`;
    } catch (e) {
      recent[part] = '—';
      notes.push(`recent entities (${part}): ${(e as Error).message}`);
    }
  }
  add('entity micro F1, 2015–16 news, own labels', recent, '(small)');
  const own = {} as Record<Part, string>;
  const passages = readOwnWritten();
  for (const part of PARTS) {
    const r = scoreOwnWritten(part, (text) => analyzeInput({ text }).entities, passages);
    own[part] = `${f3(r.f)} (P ${f3(r.p)} R ${f3(r.r)}; ${r.passages} passages, ${r.gold} mentions)`;
  }
  add('entity micro F1, own-written 2019–21 style', own, '(self-written)');
  add('entity micro F1, 2020 news', { tuning: '—', 'held-back': '— (no labelled 2020 text)' }, '≥ 0.88 unseen');
  // Speed: warm, in process, per CPU second, over the whole of eng.testa.
  const tagger = nodeTagger();
  const texts = layouts.map((l) => l.text);
  const tokens = docs.reduce((n, d) => n + d.words.length, 0);
  for (const t of texts) analyzeText(t, tagger);
  const c0 = process.cpuUsage();
  for (const t of texts) analyzeText(t, tagger);
  const c = process.cpuUsage(c0);
  const rate = Math.round(tokens / ((c.user + c.system) / 1e6));
  notes.push(
    `speed: ${rate.toLocaleString('en')} tokens/s for analyzeText (warm, per CPU second, eng.testa); model ${statSync(MODEL).size.toLocaleString('en')} bytes`,
  );
}

function readJsonl(file: string): PolnearArticle[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

function quotes(): void {
  const files: Record<Part, string> = {
    tuning: corpusPath('polnear', 'train.jsonl'),
    'held-back': corpusPath('polnear', 'dev.jsonl'),
  };
  if (!existsSync(files.tuning) || !existsSync(files['held-back']))
    return void notes.push(`quotations: ${corpusPath('polnear')} not found`);
  const counts = {} as Record<Part, QuoteCounts>;
  for (const part of PARTS) {
    const articles = readJsonl(files[part]);
    const preds = new Map<string, PredQuote[]>();
    for (const a of articles) preds.set(a.id, analyzeInput({ text: a.text }).quotes);
    counts[part] = scoreQuotes(articles, preds);
  }
  const cell = (f: (c: QuoteCounts) => string) => ({ tuning: f(counts.tuning), 'held-back': f(counts['held-back']) });
  add(
    'quotation F1, PolNeAR (train / dev)',
    cell((c) => {
      const q = quotePrf(c);
      return `${f3(q.f)} (P ${f3(q.p)} R ${f3(q.r)}; ${c.gold} gold)`;
    }),
    '≥ 0.955',
  );
  add(
    'speaker accuracy, named sources',
    cell((c) => `${f3(c.namedRight / (c.named || 1))} (${c.namedRight}/${c.named})`),
    '≥ 0.92',
  );
  add(
    'confidently wrong speaker',
    cell((c) => `${f3(c.namedWrong / (c.named || 1))} (${c.namedWrong}/${c.named}; null ${c.namedNull})`),
    '≤ 0.03',
  );
  add(
    'pronoun sources given a name (PolNeAR)',
    cell((c) => `${c.pronounNamed}/${c.pronoun}`),
  );
}

function pronouns(): void {
  const counts = scorePronouns(corpusPath());
  if (!counts) return void notes.push('pronoun quotations: the labelled pages are not in the corpus');
  const cell = (c: PronounCounts) =>
    `${f3(c.right / (c.labelled || 1))} right, ${f3(c.wrong / (c.labelled || 1))} wrong (${c.right}/${c.wrong}/${c.none} of ${c.labelled}; ${c.unfound} not found)`;
  add(
    'pronoun quotations, own labels: right, wrong',
    { tuning: cell(counts.tuning), 'held-back': cell(counts['held-back']) },
    'wrong ≤ 0.03',
  );
}

function articles(): void {
  const dir = corpusPath('readability');
  if (!existsSync(dir)) return void notes.push(`articles: ${dir} not found`);
  const labels = readFileSync(`${dir}/labels.tsv`, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
  const byPart: Record<Part, PageRow[]> = { tuning: [], 'held-back': [] };
  for (const [name, cls, reason = ''] of labels) {
    if (cls === 'not-article' || !readdirSync(`${dir}/${name}`).includes('source.html')) continue;
    byPart[partOf(name)].push(evaluatePage(name, cls, /borderline/i.test(reason), `${dir}/${name}/`));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
  const cell = (cls: string[]) => (part: Part) => {
    const rs = byPart[part].filter((r) => cls.includes(r.cls));
    return `${f3(mean(rs.map((r) => r.f1)))} (P ${f3(mean(rs.map((r) => r.p)))} R ${f3(mean(rs.map((r) => r.r)))}; ${rs.length} pages)`;
  };
  const recognised = (cls: string[]) => (part: Part) => {
    const rs = byPart[part].filter((r) => cls.includes(r.cls));
    return `${rs.filter((r) => r.isArticle).length}/${rs.length}`;
  };
  const both = (f: (p: Part) => string) => ({ tuning: f('tuning'), 'held-back': f('held-back') });
  add('article body F1, Readability news pages', both(cell(['news'])), '≥ 0.970 unseen');
  add('news pages recognised as articles', both(recognised(['news'])), 'all');
  add('article body F1, all Readability articles', both(cell(['news', 'other-article'])));
  add('all articles recognised as articles', both(recognised(['news', 'other-article'])));
}

function snippets(): void {
  const dir = corpusPath('snippets');
  if (!existsSync(dir)) return void notes.push(`snippets: ${dir} not found`);
  const counts: Record<Part, SnippetCounts> = { tuning: emptySnippetCounts(), 'held-back': emptySnippetCounts() };
  for (const [id, labels] of [...readSnippetLabels(dir)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const { document } = parseHTML(snippetPage(dir, id));
    const text = extractArticle(document as unknown as Document).map.text;
    addSnippetPage(counts[partOf(id)], labels, text);
  }
  const cell = (c: SnippetCounts) => {
    const s = snippetPrf(c);
    return `${f3(s.f)} (P ${f3(s.p)} R ${f3(s.r)}; ${c.empty}/${c.pages} empty)`;
  };
  add(
    'main-text snippets F1',
    { tuning: cell(counts.tuning), 'held-back': cell(counts['held-back']) },
    '≥ 0.90 unseen',
  );
}

const SECTIONS: Record<string, () => void> = { articles, snippets, entities, quotes, pronouns };

function main(args: string[]): number {
  const i = args.indexOf('--only');
  const only = i >= 0 ? (args[i + 1] ?? '').split(',') : Object.keys(SECTIONS);
  const unknown = only.filter((s) => !SECTIONS[s]);
  if (unknown.length) {
    process.stderr.write(`eval: unknown part ${unknown.join(', ')}; parts are ${Object.keys(SECTIONS).join(', ')}\n`);
    return 2;
  }
  if (!existsSync(corpusPath())) {
    process.stderr.write(`eval: corpus not found at ${corpusPath()} (set GLOSS_CORPUS)\n`);
    return 1;
  }
  for (const name of Object.keys(SECTIONS)) {
    if (!only.includes(name)) continue;
    const t0 = performance.now();
    SECTIONS[name]();
    process.stderr.write(`eval: ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
  const w = [
    Math.max(7, ...rows.map((r) => r.measure.length)),
    ...PARTS.map((p) => Math.max(p.length, ...rows.map((r) => r.cells[p].length))),
  ];
  const line = (cols: string[]) =>
    cols
      .map((c, k) => (k < w.length ? c.padEnd(w[k]) : c))
      .join('  ')
      .trimEnd();
  console.log(`corpus: ${corpusPath()}`);
  console.log(line(['measure', ...PARTS, 'target']));
  for (const r of rows) console.log(line([r.measure, r.cells.tuning, r.cells['held-back'], r.target]));
  for (const n of notes) console.log(n);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
