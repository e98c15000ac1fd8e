/**
 * Evaluates article detection, body extraction and metadata against the
 * Readability corpus (`../shared/corpus/readability/*`): per labelled class,
 * how many pages are judged articles and news; body precision/recall/F1 by
 * word 4-shingles against `expected.html`; metadata agreement with
 * `expected-metadata.json`; time per page. Uses the analyse command's path
 * (linkedom parse + `extractArticle`).
 *
 *   npm run eval:articles [-- --verbose] [-- --page NAME]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { corpusPath } from './lib/corpus';
import { evaluatePage, type PageRow as Row } from './lib/article-scores';

const CORPUS = corpusPath('readability') + '/';
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.includes('--page') ? args[args.indexOf('--page') + 1] : null;

function main(): number {
  if (!existsSync(CORPUS)) {
    console.error(`corpus not found at ${CORPUS}`);
    return 1;
  }
  const labels = readFileSync(CORPUS + 'labels.tsv', 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
  const rows: Row[] = [];
  for (const [name, cls, reason = ''] of labels) {
    if (only && name !== only) continue;
    const dir = `${CORPUS}${name}/`;
    if (!readdirSync(dir).includes('source.html')) continue;
    rows.push(evaluatePage(name, cls, /borderline/i.test(reason), dir));
  }
  report(rows);
  return 0;
}

function pct(n: number, d: number): string {
  return d ? `${n}/${d}` : '-';
}

function quantile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

function report(rows: Row[]): void {
  if (verbose || rows.length === 1) {
    for (const r of rows) {
      const meta = r.fields.map((f) => `${f.field}:${f.status}`).join(' ');
      console.log(
        `${r.name.padEnd(40)} ${r.cls.padEnd(14)}${r.borderline ? '*' : ' '} art=${+r.isArticle} news=${+r.isNews} P=${r.p.toFixed(3)} R=${r.r.toFixed(3)} F1=${r.f1.toFixed(3)} ${r.ms.toFixed(1)}ms ${meta}`,
      );
      if (rows.length === 1 || verbose) console.log(`    ${r.reasons.join('; ')}`);
    }
    console.log('');
  }
  console.log('class           pages  article  news   bodyP  bodyR  bodyF1  F1<0.9');
  for (const cls of ['news', 'other-article', 'not-article']) {
    const rs = rows.filter((r) => r.cls === cls);
    if (!rs.length) continue;
    const scored = cls === 'not-article' ? [] : rs;
    const line = [
      cls.padEnd(15),
      String(rs.length).padStart(5),
      pct(rs.filter((r) => r.isArticle).length, rs.length).padStart(8),
      pct(rs.filter((r) => r.isNews).length, rs.length).padStart(6),
      scored.length
        ? mean(scored.map((r) => r.p))
            .toFixed(3)
            .padStart(7)
        : '      -',
      scored.length
        ? mean(scored.map((r) => r.r))
            .toFixed(3)
            .padStart(6)
        : '     -',
      scored.length
        ? mean(scored.map((r) => r.f1))
            .toFixed(3)
            .padStart(7)
        : '      -',
      scored.length ? String(scored.filter((r) => r.f1 < 0.9).length).padStart(7) : '      -',
    ];
    console.log(line.join(' '));
  }
  const articles = rows.filter((r) => r.cls !== 'not-article');
  console.log(
    `all articles: mean F1 ${mean(articles.map((r) => r.f1)).toFixed(3)}, median F1 ${quantile(
      articles.map((r) => r.f1),
      0.5,
    ).toFixed(3)}`,
  );
  const bl = rows.filter((r) => r.borderline);
  console.log(`borderline: ${bl.map((r) => `${r.name}(${r.cls}) news=${+r.isNews}`).join(', ')}`);
  console.log(
    '\nmetadata (article pages, where expected has a value): exact / loose / missing / wrong; extra = we give one where expected has none',
  );
  for (const field of ['title', 'byline', 'publisher', 'published']) {
    const fs = articles.flatMap((r) => r.fields.filter((f) => f.field === field));
    const c = (s: string): number => fs.filter((f) => f.status === s).length;
    const total = c('exact') + c('loose') + c('missing') + c('wrong');
    console.log(
      `${field.padEnd(10)} ${c('exact')}+${c('loose')} of ${total} agree (missing ${c('missing')}, wrong ${c('wrong')}, extra ${c('extra')})`,
    );
  }
  const ms = rows.map((r) => r.ms);
  const det = rows.map((r) => r.detectMs);
  const nonArt = rows.filter((r) => !r.isArticle).map((r) => r.detectMs);
  const labelled = rows.filter((r) => r.cls === 'not-article').map((r) => r.detectMs);
  console.log(
    `\ntime per page (extractArticle, force): median ${quantile(ms, 0.5).toFixed(1)} ms, p95 ${quantile(ms, 0.95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`,
  );
  console.log(
    `detectArticle alone: median ${quantile(det, 0.5).toFixed(2)} ms, p95 ${quantile(det, 0.95).toFixed(2)} ms; on pages judged not articles: median ${quantile(nonArt, 0.5).toFixed(2)} ms`,
  );
  console.log(
    `detectArticle on not-article pages: median ${quantile(labelled, 0.5).toFixed(2)} ms, p95 ${quantile(labelled, 0.95).toFixed(2)} ms, max ${Math.max(0, ...labelled).toFixed(2)} ms`,
  );
}

process.exitCode = main();
