/**
 * The sweep: the built extension over every saved page of the readability
 * corpus, one browser per scripts mode, and per page what Gloss did: errors,
 * changes to the page's DOM, network requests, time to its decision and the
 * highlights it painted. The browsers' drivers (sweep-chromium.ts,
 * sweep-firefox.ts) say how each of those is observed there; this module
 * holds the page loop, the attribution of DOM changes and the summary.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { domShape, highlightCounts, lateMutations } from './page';
import { ROOTS } from './server';

export type BrowserName = 'chromium' | 'firefox';

/** 'off': the pages' scripts are kept from running (CSP `script-src 'none'`); 'on': their own scripts run. */
export type ScriptsMode = 'off' | 'on';

/** Response headers per mode: with scripts off, nothing but Gloss can change the page. */
export const MODE_HEADERS: Record<ScriptsMode, Record<string, string>> = {
  off: { 'content-security-policy': "script-src 'none'" },
  on: {},
};

/** What Gloss did on one page. */
export type PageResult = {
  page: string;
  browser: BrowserName;
  scripts: ScriptsMode;
  /** Gloss's decision ('article', 'not-article', ...), or 'no answer'. */
  status: string;
  /** Time from navigation start to that decision, as Gloss reports it (`PageState.decidedAt`). */
  analysisMs: number | null;
  /** Exceptions and console errors or warnings from Gloss's code, in any of its contexts. */
  errors: string[];
  /**
   * Changes to the page's DOM that are Gloss's: with scripts off, every
   * mutation after DOMContentLoaded; with scripts on, those that can only be
   * Gloss's, and how the page's final shape differs from its shape without
   * Gloss (`shapeDifference`).
   */
  domChanges: string[];
  /** Network requests made by Gloss (its own packaged files are not network). */
  requests: string[];
  quotes: number;
  entities: number;
  /** How long the sweep spent on the page. */
  wallMs: number;
};

/** Decisions after which Gloss does nothing more on a page that does not change. */
const DECIDED = ['article', 'not-article', 'never', 'error'];

/** How long Gloss may take to decide before the page counts as 'no answer'. */
const DECISION_TIMEOUT = 20_000;
/** After the decision, for late console messages and network events to arrive. */
const GRACE = 150;
/**
 * With page scripts on and a page that changes itself: how long it must stay
 * unchanged (Gloss looks again 700 ms after a page settles), and the most the
 * sweep waits for that.
 */
const QUIET = 1_300;
const QUIET_CAP = 8_000;

/** The corpus root (`GLOSS_CORPUS`, default `../shared/corpus`) holds `readability/NAME/source.html`. */
export function corpusPages(root = ROOTS.corpus): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
}

/** One open tab with Gloss, as a browser driver exposes it. */
export type GlossTab = {
  /** Navigates and returns once the document is parsed. */
  goto(url: string): Promise<void>;
  /** Gloss's state for the tab (through its popup page), or null while it cannot answer. */
  state(): Promise<{ status: string; decidedAt?: number } | null>;
  /** Runs `fn` in the page's main world. */
  evaluate<T>(fn: () => T): Promise<T>;
  /** Gloss's errors and requests observed since the last call, anywhere in the browser. */
  drain(): Promise<{ errors: string[]; requests: string[] }>;
};

/** A tab in a browser without Gloss, for the baseline of pages that change themselves. */
export type PlainTab = Pick<GlossTab, 'goto' | 'evaluate'>;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Sweeps `pages` (at `urlOf(page)`) in one tab. With scripts on, pages that
 * changed their own DOM are loaded again in `baseline` (a browser without
 * Gloss) to tell the page's changes from Gloss's.
 */
export async function sweepPages(
  tab: GlossTab,
  baseline: (() => Promise<{ tab: PlainTab; close(): Promise<void> }>) | null,
  pages: string[],
  urlOf: (page: string) => string,
  where: { browser: BrowserName; scripts: ScriptsMode },
  progress: (r: PageResult) => void = () => {},
): Promise<PageResult[]> {
  const results: PageResult[] = [];
  const changed: { result: PageResult; shape: string[]; waited: number }[] = [];
  await tab.drain();
  for (const page of pages) {
    const url = urlOf(page);
    const started = Date.now();
    const errors: string[] = [];
    await tab.goto(url).catch((err) => errors.push(`navigation: ${String(err).split('\n')[0]}`));
    let state: { status: string; decidedAt?: number } | null = null;
    while (Date.now() - started < DECISION_TIMEOUT) {
      state = await tab.state();
      if (state && DECIDED.includes(state.status)) break;
      await sleep(40);
    }
    const decided = state && DECIDED.includes(state.status) ? state : null;
    await sleep(GRACE);
    let log = (await tab.evaluate(lateMutations).catch(() => null)) ?? [];
    if (where.scripts === 'on' && log.length) {
      // The page changes itself: wait until it has been quiet long enough for Gloss to have looked again.
      let quietSince = Date.now();
      for (let seen = log.length; Date.now() - started < DECISION_TIMEOUT + QUIET_CAP;) {
        await sleep(100);
        log = (await tab.evaluate(lateMutations).catch(() => null)) ?? log;
        if (log.length !== seen) [seen, quietSince] = [log.length, Date.now()];
        const now = await tab.state();
        if (now && !DECIDED.includes(now.status)) quietSince = Date.now();
        if (Date.now() - quietSince >= QUIET) break;
      }
    }
    const counts = await tab.evaluate(highlightCounts).catch(() => ({ quotes: 0, entities: 0 }));
    const seen = await tab.drain();
    const result: PageResult = {
      page,
      ...where,
      status: decided?.status ?? state?.status ?? 'no answer',
      analysisMs: decided?.decidedAt !== undefined ? Math.round(decided.decidedAt) : null,
      errors: [...errors, ...seen.errors],
      domChanges: where.scripts === 'off' ? log : log.filter(isGlossShaped),
      requests: seen.requests,
      ...counts,
      wallMs: Date.now() - started,
    };
    if (!decided) result.errors.push(`Gloss did not decide: ${result.status}`);
    else if (decided.status === 'error') result.errors.push('Gloss ended in "error"');
    if (where.scripts === 'on' && log.length) {
      const shape = (await tab.evaluate(domShape).catch(() => null)) ?? [];
      changed.push({ result, shape, waited: Date.now() - started });
    } else progress(result);
    results.push(result);
  }
  if (changed.length && baseline) {
    const plain = await baseline();
    try {
      for (const { result, shape, waited } of changed) {
        const started = Date.now();
        await plain.tab.goto(urlOf(result.page)).catch(() => {});
        await sleep(Math.max(0, waited - (Date.now() - started)));
        const own = (await plain.tab.evaluate(domShape).catch(() => null)) ?? [];
        result.domChanges = [...new Set([...result.domChanges, ...shapeDifference(shape, own)])];
        progress(result);
      }
    } finally {
      await plain.close();
    }
  } else for (const { result } of changed) progress(result);
  return results;
}

/** A mutation that can only be Gloss's: one of its elements (`<gloss-…>`) or attributes. */
export function isGlossShaped(line: string): boolean {
  return /gloss/i.test(line);
}

/**
 * How the shape of a page with Gloss differs from its shape without Gloss
 * after the same time (see `domShape`): each line as many times as it is
 * there beyond the other's count, as `extra …` or `missing …`.
 */
export function shapeDifference(withGloss: string[], without: string[]): string[] {
  const count = (lines: string[]) => {
    const m = new Map<string, number>();
    for (const l of lines) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const [a, b] = [count(withGloss), count(without)];
  const out: string[] = [];
  for (const [line, n] of a) for (let i = b.get(line) ?? 0; i < n; i++) out.push(`extra ${line}`);
  for (const [line, n] of b) for (let i = a.get(line) ?? 0; i < n; i++) out.push(`missing ${line}`);
  return out;
}

/** Whether a page result shows anything wrong. */
export const failed = (r: PageResult): boolean => r.errors.length + r.domChanges.length + r.requests.length > 0;

/** The value at quantile `q` (nearest rank) of `xs`, or null when empty. */
export function quantile(xs: number[], q: number): number | null {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export type Summary = {
  browser: BrowserName;
  scripts: ScriptsMode;
  pages: number;
  articles: number;
  errors: number;
  domChanges: number;
  requests: number;
  medianMs: number | null;
  p95Ms: number | null;
  quotes: number;
  entities: number;
  failing: string[];
};

export function summarise(results: PageResult[]): Summary[] {
  const groups = new Map<string, PageResult[]>();
  for (const r of results)
    groups.set(`${r.browser} ${r.scripts}`, [...(groups.get(`${r.browser} ${r.scripts}`) ?? []), r]);
  return [...groups.values()].map((rs) => {
    const times = rs.map((r) => r.analysisMs).filter((t): t is number => t !== null);
    const sum = (f: (r: PageResult) => number) => rs.reduce((a, r) => a + f(r), 0);
    return {
      browser: rs[0].browser,
      scripts: rs[0].scripts,
      pages: rs.length,
      articles: rs.filter((r) => r.status === 'article').length,
      errors: sum((r) => r.errors.length),
      domChanges: sum((r) => r.domChanges.length),
      requests: sum((r) => r.requests.length),
      medianMs: quantile(times, 0.5),
      p95Ms: quantile(times, 0.95),
      quotes: sum((r) => r.quotes),
      entities: sum((r) => r.entities),
      failing: rs.filter(failed).map((r) => r.page),
    };
  });
}

/** The summary as a plain-text table, one row per browser × scripts mode. */
export function formatTable(summaries: Summary[]): string {
  const head = [
    'browser',
    'scripts',
    'pages',
    'articles',
    'errors',
    'DOM changes',
    'requests',
    'analysis median ms',
    'p95 ms',
    'quotes',
    'entities',
  ];
  const rows = summaries.map((s) =>
    [
      s.browser,
      s.scripts,
      s.pages,
      s.articles,
      s.errors,
      s.domChanges,
      s.requests,
      s.medianMs ?? '-',
      s.p95Ms ?? '-',
      s.quotes,
      s.entities,
    ].map(String),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** What went wrong on each failing page, a few lines each. */
export function formatFailures(results: PageResult[]): string {
  return results
    .filter(failed)
    .map((r) => {
      const lines = [
        ...r.errors.map((e) => `error: ${e}`),
        ...r.domChanges.map((m) => `DOM change: ${m}`),
        ...r.requests.map((q) => `request: ${q}`),
      ];
      const shown = lines.slice(0, 5).map((l) => `    ${l.slice(0, 200)}`);
      if (lines.length > 5) shown.push(`    … and ${lines.length - 5} more`);
      return `  ${r.browser}, scripts ${r.scripts}: ${r.page}\n${shown.join('\n')}`;
    })
    .join('\n');
}
