/**
 * `npm run bench -- --only=layer`: what Gloss's page layer costs a page, in
 * headless Chromium with the built extension, over the corpus's `readability/`
 * pages (page scripts stripped, served from 127.0.0.1, every other host
 * refused). Figures, never asserted:
 *   - the script injected into every page (raw, gzip);
 *   - Gloss's own main-thread time from a trace of the page's renderer main
 *     thread (script compile and evaluation, function calls from timers,
 *     listeners, observers and microtasks whose script is a chrome-extension://
 *     URL), on pages that are not articles and on articles;
 *   - DOMContentLoaded → first painted highlight on articles, and content script
 *     start → painted, beside @mozilla/readability's parse of the same page in
 *     the same browser;
 *   - articles with a main-thread task over 50 ms, with and without Gloss (and
 *     those where such a task runs Gloss's code);
 *   - mouseup → toolbar on a page where Gloss had loaded nothing;
 *   - frame times while scrolling a page with thousands of highlight ranges.
 * `--build=DIR` measures another Chrome build (e.g. an older commit's); `--articles=N` and
 * `--not-articles=N` how many pages of each (40 and 42 by default, spread over the corpus's lists).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../../tests/browser/harness/chromium';
import { kb, median, p95 } from './stats';

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: { data?: Record<string, unknown>; fileName?: string; [k: string]: unknown };
};

type PageRun = {
  /** Gloss's main-thread time in the trace, ms (all of it, and its compile part). */
  glossMs: number;
  compileMs: number;
  /** Gloss's main-thread time before the first painted highlight (all of it when none was painted). */
  glossBeforePaintMs: number;
  /** DOMContentLoaded → first painted highlight, ms, or null. */
  dclToPaint: number | null;
  /** DOMContentLoaded → the every-page script's first evaluation, ms, or null. */
  dclToStart: number | null;
  /** Main-thread tasks over 50 ms, and those among them that ran Gloss's code. */
  longTasks: number;
  glossLongTasks: number;
  /** Whether the full layer (page-layer.js) ran on the page. */
  fullLayer: boolean;
};

const EXTENSION = 'chrome-extension://';
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');
const stats = (xs: number[]) => `median ${ms(median(xs))}, p95 ${ms(p95(xs))} (n=${xs.length})`;

/** A page's HTML without the scripts that would run (JSON-LD and other data blocks stay). */
export function stripScripts(html: string): string {
  return html.replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (all, attrs: string) =>
    /type\s*=\s*["']?application\/(ld\+)?json/i.test(attrs) ? all : '',
  );
}

/** A long article whose every short paragraph holds a quotation, a person and a place: thousands of ranges. */
export function manyRangesPage(paragraphs: number): string {
  const people = ['Anna Weber', 'John Carter', 'Maria Lopez', 'David Chen', 'Sarah Miller', 'Peter Novak'];
  const places = ['Berlin', 'London', 'Madrid', 'Chicago', 'Paris', 'Toronto', 'Vienna'];
  const said = ['We will keep going', 'Nothing has changed', 'It was a long night', 'The talks went well'];
  const body = Array.from(
    { length: paragraphs },
    (_, i) =>
      `<p>"${said[i % said.length]}," said ${people[i % people.length]} in ${places[i % places.length]} on Monday.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long day of talks</title>
<meta property="og:type" content="article"></head><body><article><h1>A long day of talks</h1>
<p class="byline">By Staff Reporter</p>${body}</article></body></html>`;
}

/** A page with no article on it: a few links and short lines. */
const PLAIN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Settings</title></head>
<body><nav><a href="/a">Home</a> <a href="/b">Account</a></nav><h1>Your settings</h1>
<p>Choose how often we write to you about your account and the things you follow here.</p>
<ul><li>Weekly summary</li><li>Monthly summary</li></ul></body></html>`;

/** Marks (in the page's main world, before any of its scripts) the first frame with a Gloss highlight. */
export const PAINT_PROBE = `(() => {
  const t0 = performance.now();
  const tick = () => {
    let has = false;
    try { CSS.highlights.forEach((_, name) => { if (name.startsWith('gloss-')) has = true; }); } catch {}
    if (has) { performance.mark('gloss-painted'); window.__glossPainted = performance.now(); return; }
    if (performance.now() - t0 < 20000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  addEventListener('mouseup', (e) => { window.__mouseUp = e.timeStamp; }, true);
  // Gloss's UI host goes on <html>, which does not exist yet when this runs.
  document.addEventListener('DOMContentLoaded', () => new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes)
      if (n.nodeName === 'GLOSS-OVERLAY' && !window.__glossUi) {
        const at = performance.now();
        requestAnimationFrame(() => { window.__glossUi = { at, frame: performance.now() }; });
      }
  }).observe(document.documentElement, { childList: true }));
})();`;

type Corpus = { news: string[]; other: string[]; notArticles: string[] };

function readCorpus(dir: string): Corpus {
  const out: Corpus = { news: [], other: [], notArticles: [] };
  const labels = join(dir, 'labels.tsv');
  if (!existsSync(labels)) return out;
  for (const line of readFileSync(labels, 'utf8').trim().split('\n').slice(1)) {
    const [name, cls] = line.split('\t');
    if (!existsSync(join(dir, name, 'source.html'))) continue;
    if (cls === 'news') out.news.push(name);
    else if (cls === 'other-article') out.other.push(name);
    else if (cls === 'not-article') out.notArticles.push(name);
  }
  return out;
}

/** Every `step`-th of `xs`, `n` of them, spread over the list. */
function spread<T>(xs: T[], n: number): T[] {
  if (xs.length <= n) return xs;
  return Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]);
}

async function serveAll(corpus: string, many: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (html: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    if (path === '/many.html') return send(many);
    if (path === '/plain.html') return send(PLAIN_PAGE);
    const m = /^\/corpus\/([\w.-]+)\/$/.exec(path);
    const file = m ? join(corpus, m[1], 'source.html') : '';
    if (file && existsSync(file)) return send(stripScripts(readFileSync(file, 'utf8')));
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

// devtools.timeline holds script evaluation, compilation (v8.compile), function calls, timers and events; toplevel the tasks.
const CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'toplevel'].join(',');

async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = ({ value }: { value: TraceEvent[] }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData as never);
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  try {
    await run();
  } finally {
    const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData as never);
  }
  return events;
}

/** The script URL an event is about, if any. */
function urlOf(e: TraceEvent): string {
  const d = e.args?.data ?? {};
  const u = d.url ?? d.scriptName ?? d.fileName ?? e.args?.fileName ?? '';
  if (typeof u === 'string' && u) return u;
  const stack = d.stackTrace as { url?: string }[] | undefined;
  return stack?.[0]?.url ?? '';
}

/** Total length of the union of intervals [start, end). */
function unionLength(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [s, e] = [-Infinity, -Infinity];
  for (const [a, b] of sorted) {
    if (a > e) {
      if (e > s) total += e - s;
      [s, e] = [a, b];
    } else e = Math.max(e, b);
  }
  if (e > s) total += e - s;
  return total;
}

/** Reads one page's figures from its trace (µs → ms). */
function analyseTrace(events: TraceEvent[], paintedAtMark: boolean): PageRun {
  const dcl = events.find(
    (e) => e.name === 'MarkDOMContent' && (e.args?.data as { isMainFrame?: boolean })?.isMainFrame,
  );
  const empty: PageRun = {
    glossMs: NaN,
    compileMs: NaN,
    glossBeforePaintMs: NaN,
    dclToPaint: null,
    dclToStart: null,
    longTasks: 0,
    glossLongTasks: 0,
    fullLayer: false,
  };
  if (!dcl) return empty;
  const main = (e: TraceEvent) => e.pid === dcl.pid && e.tid === dcl.tid;
  const complete = events.filter((e) => main(e) && e.ph === 'X' && typeof e.dur === 'number');
  const gloss = complete.filter((e) => urlOf(e).startsWith(EXTENSION));
  const painted = paintedAtMark ? events.find((e) => e.name === 'gloss-painted' && e.pid === dcl.pid) : undefined;
  const spans = gloss.map((e): [number, number] => [e.ts, e.ts + e.dur!]);
  const compile = gloss.filter((e) => /compile/i.test(e.name)).map((e): [number, number] => [e.ts, e.ts + e.dur!]);
  const beforePaint = painted
    ? spans.filter(([a]) => a < painted.ts).map(([a, b]): [number, number] => [a, Math.min(b, painted.ts)])
    : spans;
  const start = gloss
    .filter((e) => urlOf(e).includes('/content-scripts/content.js'))
    .reduce((m, e) => Math.min(m, e.ts), Infinity);
  const tasks = complete.filter((e) => /(^|::)RunTask$/.test(e.name) && e.dur! > 50_000);
  const glossTasks = tasks.filter((t) => gloss.some((g) => g.ts >= t.ts && g.ts < t.ts + t.dur!));
  return {
    glossMs: unionLength(spans) / 1000,
    compileMs: unionLength(compile) / 1000,
    glossBeforePaintMs: unionLength(beforePaint) / 1000,
    dclToPaint: painted ? (painted.ts - dcl.ts) / 1000 : null,
    dclToStart: Number.isFinite(start) ? (start - dcl.ts) / 1000 : null,
    longTasks: tasks.length,
    glossLongTasks: glossTasks.length,
    fullLayer: gloss.some((e) => urlOf(e).endsWith('/page-layer.js')),
  };
}

/** Loads `url` in a fresh tab under a trace; waits for a painted highlight (with Gloss) or `settleMs`. */
async function runPage(
  session: ChromiumSession,
  url: string,
  withGloss: boolean,
  settleMs: number,
): Promise<PageRun & { readabilityMs?: number }> {
  const began = Date.now();
  const page = await session.context.newPage();
  await page.addInitScript(PAINT_PROBE);
  const cdp = await page.context().newCDPSession(page);
  let readabilityMs: number | undefined;
  let painted = false;
  const events = await traced(cdp, async () => {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => {});
    if (withGloss) {
      painted = await page
        .waitForFunction(() => (window as unknown as { __glossPainted?: number }).__glossPainted, null, {
          timeout: settleMs,
        })
        .then(
          () => true,
          () => false,
        );
      await page.waitForTimeout(300); // what follows the first paint (the rest of the layers, the notes)
    } else await page.waitForTimeout(settleMs);
  });
  if (!withGloss) readabilityMs = await readabilityParse(page);
  await cdp.detach().catch(() => {});
  await page.close();
  const run = analyseTrace(events, painted);
  process.stderr.write(
    `  ${withGloss ? 'with' : 'without'} Gloss ${url.replace(/.*\/corpus\//, '')}: ${events.length} trace events, ${Date.now() - began} ms; Gloss ${run.glossMs.toFixed(1)} ms${run.fullLayer ? ', full layer' : ''}\n`,
  );
  return { ...run, readabilityMs };
}

let readabilitySource: string | null = null;
/** @mozilla/readability's parse of the page, in the page (a clone of its document), ms. */
async function readabilityParse(page: Page): Promise<number | undefined> {
  readabilitySource ??= readFileSync(
    createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'),
    'utf8',
  );
  return page
    .evaluate(
      `(() => { ${readabilitySource}
        const doc = document.cloneNode(true);
        const t = performance.now();
        new Readability(doc).parse();
        return performance.now() - t; })()`,
    )
    .then((x) => x as number)
    .catch(() => undefined);
}

/** mouseup → toolbar (host in the DOM, and the next frame) on a page where Gloss had loaded nothing; `runs` fresh loads. */
async function toolbarLatency(
  session: ChromiumSession,
  origin: string,
  runs: number,
): Promise<{ dom: number[]; frame: number[] }> {
  const dom: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await session.context.newPage();
    await page.addInitScript(PAINT_PROBE);
    await page.goto(`${origin}/plain.html`, { waitUntil: 'load' });
    await page.waitForTimeout(800); // Gloss has looked at the page and loaded nothing
    const ends = await page.evaluate(() => {
      const p = document.querySelector('p')!;
      const r = document.createRange();
      r.selectNodeContents(p.firstChild!);
      const b = r.getClientRects();
      const first = b[0];
      return { x0: first.left + 2, y: first.top + first.height / 2, x1: first.right - 2 };
    });
    await page.mouse.move(ends.x0, ends.y);
    await page.mouse.down();
    await page.mouse.move(ends.x1, ends.y, { steps: 4 });
    await page.mouse.up();
    const ui = await page
      .waitForFunction(
        () => {
          const w = window as unknown as { __glossUi?: { at: number; frame: number }; __mouseUp?: number };
          return w.__glossUi && w.__mouseUp
            ? { at: w.__glossUi.at - w.__mouseUp, frame: w.__glossUi.frame - w.__mouseUp }
            : null;
        },
        null,
        { timeout: 10_000 },
      )
      .then((h) => h.jsonValue())
      .catch((err: unknown) => {
        console.error(`  (mouseup → toolbar: no toolbar: ${String(err).split('\n')[0]})`);
        return null;
      });
    if (ui) {
      dom.push(ui.at);
      frame.push(ui.frame);
    }
    await page.close();
  }
  return { dom, frame };
}

/** Frame intervals while scrolling the many-ranges page for `frames` frames; and how many ranges Gloss painted. */
async function scrollFrames(
  session: ChromiumSession,
  origin: string,
  withGloss: boolean,
): Promise<{ ranges: number; intervals: number[] }> {
  const page = await session.context.newPage();
  await page.addInitScript(PAINT_PROBE);
  await page.goto(`${origin}/many.html`, { waitUntil: 'load' });
  if (withGloss)
    await page.waitForFunction(() => (window as unknown as { __glossPainted?: number }).__glossPainted, null, {
      timeout: 60_000,
    });
  await page.waitForTimeout(1500); // every layer painted, the page quiet
  const ranges = await page.evaluate(() => {
    let n = 0;
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('gloss-')) n += h.size;
    });
    return n;
  });
  const intervals = (await page.evaluate(`new Promise((done) => {
    const out = [];
    let last = 0;
    let n = 0;
    const step = (t) => {
      if (last) out.push(t - last);
      last = t;
      window.scrollBy(0, 60);
      if (++n < 240) requestAnimationFrame(step);
      else done(out);
    };
    requestAnimationFrame(step);
  })`)) as number[];
  await page.close();
  return { ranges, intervals };
}

export async function layerBench(corpusRoot: string, argv: string[]): Promise<void> {
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const build = resolve(arg('build') ?? '.output/chrome-mv3');
  const articlesWanted = Number(arg('articles') ?? 40);
  const othersWanted = Number(arg('not-articles') ?? 42);
  console.log(`\npage layer (headless Chromium, build ${build})`);
  if (!existsSync(join(build, 'manifest.json'))) {
    console.log('  not built (npm run build)');
    return;
  }
  const content = readFileSync(join(build, 'content-scripts/content.js'));
  console.log(`  script injected into every page: ${kb(content.length)} raw, ${kb(gzipSync(content).length)} gzip`);
  const layer = join(build, 'page-layer.js');
  if (existsSync(layer)) {
    const raw = readFileSync(layer);
    console.log(`  full layer, loaded where needed: ${kb(raw.length)} raw, ${kb(gzipSync(raw).length)} gzip`);
  }
  const corpus = join(corpusRoot, 'readability');
  const pages = readCorpus(corpus);
  if (!pages.news.length) console.log(`  corpus not found at ${corpus}: the corpus figures are skipped`);
  const articles = spread([...pages.news, ...pages.other], articlesWanted);
  const server = await serveAll(corpus, manyRangesPage(1800));
  const gloss = await launchChromium({ extension: build, localOnly: true });
  const plain = await launchChromium({ extension: null, localOnly: true });
  try {
    if (pages.news.length) {
      const non: PageRun[] = [];
      for (const name of spread(pages.notArticles, othersWanted))
        non.push(await runPage(gloss, `${server.origin}/corpus/${name}/`, true, 1500));
      const art: PageRun[] = [];
      const bare: (PageRun & { readabilityMs?: number })[] = [];
      for (const name of articles) {
        art.push(await runPage(gloss, `${server.origin}/corpus/${name}/`, true, 10_000));
        bare.push(await runPage(plain, `${server.origin}/corpus/${name}/`, false, 1000));
      }
      const ok = (xs: number[]) => xs.filter(Number.isFinite);
      console.log(`  not articles: the full layer loaded on ${non.filter((r) => r.fullLayer).length} of ${non.length}`);
      console.log(
        `  not articles (${non.length} pages): Gloss's main-thread time ${stats(ok(non.map((r) => r.glossMs)))}; compiling ${stats(ok(non.map((r) => r.compileMs)))}`,
      );
      console.log(
        `  articles (${art.length} pages): Gloss's main-thread time ${stats(ok(art.map((r) => r.glossMs)))}; before the first painted highlight ${stats(ok(art.map((r) => r.glossBeforePaintMs)))}; compiling ${stats(ok(art.map((r) => r.compileMs)))}`,
      );
      const paintedRuns = art.filter((r) => r.dclToPaint !== null);
      console.log(`  articles painted: ${paintedRuns.length} of ${art.length}`);
      console.log(`  DOMContentLoaded → first painted highlight: ${stats(paintedRuns.map((r) => r.dclToPaint!))}`);
      console.log(
        `  DOMContentLoaded → content script start: ${stats(paintedRuns.filter((r) => r.dclToStart !== null).map((r) => r.dclToStart!))}`,
      );
      const startToPaint = paintedRuns.filter((r) => r.dclToStart !== null).map((r) => r.dclToPaint! - r.dclToStart!);
      const parse = bare.map((r) => r.readabilityMs).filter((x): x is number => x !== undefined);
      console.log(`  content script start → painted highlights: ${stats(startToPaint)}`);
      console.log(
        `  @mozilla/readability parse of the same pages (same browser, no Gloss): ${stats(parse)}; ratio of medians ${(median(startToPaint) / median(parse)).toFixed(1)}×`,
      );
      console.log(
        `  articles with a main-thread task > 50 ms: ${art.filter((r) => r.longTasks > 0).length} of ${art.length} with Gloss (${art.filter((r) => r.glossLongTasks > 0).length} running Gloss's code), ${bare.filter((r) => r.longTasks > 0).length} of ${bare.length} without`,
      );
      console.log(
        `  not articles with a main-thread task > 50 ms running Gloss's code: ${non.filter((r) => r.glossLongTasks > 0).length} of ${non.length}`,
      );
    }
    const toolbar = await toolbarLatency(gloss, server.origin, 7);
    console.log(
      `  mouseup → toolbar on a page where nothing was loaded: in the DOM ${stats(toolbar.dom)}; next frame ${stats(toolbar.frame)}; first run ${ms(toolbar.frame[0])}`,
    );
    for (const [who, session] of [
      ['with Gloss', gloss],
      ['without Gloss', plain],
    ] as const) {
      const { ranges, intervals } = await scrollFrames(session, server.origin, who === 'with Gloss');
      console.log(
        `  scrolling a page with ${ranges} highlight ranges (${who}): frame ${stats(intervals)}, max ${ms(Math.max(...intervals))}, frames over 33 ms: ${intervals.filter((x) => x > 33.4).length}`,
      );
    }
  } finally {
    await gloss.close();
    await plain.close();
    await server.close();
  }
}
