/**
 * Error breakdown of quotations and speakers on the TUNING part only (PolNeAR train.jsonl):
 * `npx tsx scripts/quote-errors.ts [--list KIND] [--corpus DIR]`. Prints how many wrong and
 * null speakers, misses and false alarms fall into each category, and with `--list KIND` the
 * cases of one category. Never run it on dev.jsonl: that part is held back for judging.
 */
import { readFileSync } from 'node:fs';
import { corpusPath } from './lib/corpus';
import { quoteTrace } from '../utils/analysis/quotes';
import { analyzeInput } from './lib/node-analysis';
import { goldQuotes, isPronoun, matchQuotes, sameSpeaker, type PolnearArticle } from './lib/quote-scores';

const args = process.argv.slice(2);
const list = args.includes('--list') ? args[args.indexOf('--list') + 1] : null;
const articles: PolnearArticle[] = readFileSync(corpusPath('polnear', 'train.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

const tally = new Map<string, number>();
const cases = new Map<string, string[]>();
function note(kind: string, line: string): void {
  tally.set(kind, (tally.get(kind) ?? 0) + 1);
  if (list && kind.startsWith(list)) (cases.get(kind) ?? cases.set(kind, []).get(kind)!).push(line);
}

function show(text: string, s: number, e: number, before = 160, after = 120): string {
  const inner = e - s > 90 ? text.slice(s, s + 40) + ' … ' + text.slice(e - 40, e) : text.slice(s, e);
  return JSON.stringify(text.slice(Math.max(0, s - before), s) + '[[' + inner + ']]' + text.slice(e, e + after));
}

/** Where the gold source phrase closest to the quotation is, relative to it. */
function sourceWhere(a: PolnearArticle, gs: number, ge: number, source: string): string {
  const at = a.attributions.find(
    (x) =>
      x.source
        .map((s) => s.text)
        .join(' ')
        .trim() === source && x.content.some((c) => c.start < ge && c.end > gs),
  );
  const s = at?.source[0];
  if (!s) return 'nosrc';
  const para = (p: number) => a.text.slice(0, p).split('\n').length;
  if (s.start >= gs && s.end <= ge) return 'inside';
  const same = para(s.start) === para(gs);
  return (s.start < gs ? 'before' : 'after') + (same ? '' : '-otherpara');
}

/**
 * Annotation coverage: PolNeAR's annotators stopped before the end of many articles; quotations
 * found after an article's last annotated attribution can only count as false alarms.
 */
const cover = { gold: 0, pred: 0, matched: 0, predIn: 0, matchedIn: 0 };
const byRoute = new Map<string, { right: number; wrong: number; none: number; false: number }>();
const named = (s: string) => /\p{Lu}/u.test(s.replace(/^(?:The|A|An)\s/, ''));
for (const a of articles) {
  const gold = goldQuotes(a);
  quoteTrace.routes = [];
  const pred = analyzeInput({ text: a.text }).quotes;
  const routes = quoteTrace.routes;
  const pairs = matchQuotes(a.text, gold, pred);
  const lastAttribution = Math.max(
    0,
    ...a.attributions.flatMap((x) => [...x.content, ...x.source, ...x.cue].map((f) => f.end)),
  );
  const predIn = pred.filter((p) => p.start < lastAttribution);
  cover.gold += gold.length;
  cover.pred += pred.length;
  cover.matched += pairs.length;
  cover.predIn += predIn.length;
  cover.matchedIn += matchQuotes(a.text, gold, predIn).length;
  for (const [i, j] of pairs) {
    const g = gold[i],
      p = pred[j];
    if (g.source && isPronoun(g.source)) {
      // Silver check: the last gold source before it that is a name (the person "he" most often means).
      const prior = gold
        .slice(0, i)
        .reverse()
        .find((x) => x.source && !isPronoun(x.source) && /^\p{Lu}/u.test(x.source));
      const paraGap = prior
        ? a.text
            .slice(prior.end, g.start)
            .split('\n')
            .filter((l) => l.trim()).length
        : 99;
      const v = !p.speaker
        ? 'none'
        : prior && paraGap <= 2 && sameSpeaker(p.speaker, prior.source)
          ? 'agree'
          : prior && paraGap <= 2
            ? 'differ'
            : 'noprior';
      note(
        `PRON ${v} via-${routes[j]}`,
        `${a.id} prior=${JSON.stringify(prior?.source)} pred=${JSON.stringify(p.speaker)} ${show(a.text, g.start, g.end, 300, 60)}`,
      );
      continue;
    }
    if (!g.source) continue;
    const r = `${routes[j]} ${p.text.split(/\s+/).length <= 5 ? 'short' : 'long'}`;
    const row = byRoute.get(r) ?? byRoute.set(r, { right: 0, wrong: 0, none: 0, false: 0 }).get(r)!;
    if (sameSpeaker(p.speaker, g.source)) {
      row.right++;
      continue;
    }
    if (p.speaker) row.wrong++;
    else row.none++;
    const where = sourceWhere(a, g.start, g.end, g.source);
    const gkind = named(g.source) ? 'goldName' : 'goldDesc';
    const pkind = p.speaker === null ? 'null' : named(p.speaker) ? 'predName' : 'predDesc';
    const kind = `${p.speaker === null ? 'NULL' : 'WRONG'} ${gkind} ${pkind} src-${where} via-${r}`;
    if (p.speaker) {
      // Conventions of the gold where the speaker given may still be the person who spoke.
      const around = a.text.slice(Math.max(0, g.start - 300), g.end + 300);
      const convention = /^(?:said|says|asked|told|added|wrote|according)\b/i.test(g.source)
        ? 'gold-is-cue'
        : new RegExp(
              `according to[^.\n]{0,40}${g.source
                .split(' ')
                .pop()!
                .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|${g.source
                .split(' ')
                .pop()!
                .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^.\n]{0,20}report`,
              'i',
            ).test(around)
          ? 'gold-is-reporter'
          : gkind === 'goldDesc' && pkind === 'predName'
            ? 'gold-desc-pred-name'
            : 'other';
      note(
        `CONV ${convention}`,
        `${a.id} gold=${JSON.stringify(g.source)} pred=${JSON.stringify(p.speaker)} ${show(a.text, g.start, g.end)}`,
      );
    }
    note(
      kind,
      `${a.id} gold=${JSON.stringify(g.source)} pred=${JSON.stringify(p.speaker)} ${show(a.text, g.start, g.end)}`,
    );
  }
  const gi = new Set(pairs.map((x) => x[0])),
    pj = new Set(pairs.map((x) => x[1]));
  gold.forEach((g, i) => {
    if (gi.has(i)) return;
    const over = pred.find((p) => p.start < g.end && p.end > g.start);
    const words = a.text.slice(g.start, g.end).split(/\s+/).length;
    const kind = `MISS ${over ? 'overlap' : 'none'} ${words <= 3 ? 'short' : 'long'}`;
    note(
      kind,
      `${a.id} ${over ? `pred=${JSON.stringify(a.text.slice(over.start, over.end).slice(0, 80))} ` : ''}${show(a.text, g.start, g.end, 100, 80)}`,
    );
  });
  pred.forEach((p, j) => {
    if (pj.has(j)) return;
    const over = gold.find((g) => p.start < g.end && p.end > g.start);
    const words = p.text.split(/\s+/).length;
    const rk = `${routes[j]} ${p.text.split(/\s+/).length <= 5 ? 'short' : 'long'}`;
    const row = byRoute.get(rk) ?? byRoute.set(rk, { right: 0, wrong: 0, none: 0, false: 0 }).get(rk)!;
    row.false++;
    const kind = `FALSE ${over ? 'overlap' : 'none'} ${words <= 3 ? 'short' : 'long'} ${p.speaker ? 'spk' : 'nospk'}`;
    note(kind, `${a.id} (${p.speaker}) ${show(a.text, p.start, p.end, 100, 80)}`);
  });
}
const prf = (m: number, p: number) =>
  `F1 ${((2 * m) / (cover.gold + p)).toFixed(3)} (P ${(m / p).toFixed(3)} R ${(m / cover.gold).toFixed(3)})`;
console.log(
  `quotations: ${prf(cover.matched, cover.pred)}; up to each article's last annotated attribution: ` +
    `${prf(cover.matchedIn, cover.predIn)} (${cover.pred - cover.predIn} of ${cover.pred} found after it)`,
);
console.log('route: right wrong none false');
for (const [k, v] of [...byRoute].sort((x, y) => y[1].wrong - x[1].wrong))
  console.log(k.padEnd(36), v.right, v.wrong, v.none, v.false);
for (const [k, n] of [...tally].sort((x, y) => y[1] - x[1])) console.log(String(n).padStart(5), k);
for (const [k, ls] of cases) {
  console.log(`\n== ${k}`);
  for (const l of ls) console.log(l);
}
