/**
 * `npm run bench -- --only=library-ui`: the library at scale, in headless
 * Chromium with the built extension. Seeds 100,000 annotations over 10,000
 * pages into the extension's own IndexedDB (through its library page, in
 * batches), then prints: popup open to first paint for a page with 50
 * annotations, library first paint, search latency per keystroke (median,
 * p95), and frame times while the list scrolls. Figures, never asserted.
 * `LIBRARY_UI_SIZE=N` seeds N annotations over N/10 pages instead (a quick look).
 */
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import { fcp, openGlossPage, typeAndTime } from './bench-browser';
import { seed, type Evaluate } from '../../tests/browser/harness/library';
import { otherTabId, pageStateOf } from '../../tests/browser/harness/page';
import { ROOTS, serve } from '../../tests/browser/harness/server';
import { pageRecord } from '../../utils/db/records';
import { normalizeUrl } from '../../utils/url';
import { makeLibrary } from './library-seed';
import { rng } from './random';
import { median, p95 } from './stats';

const ms = (x: number) => `${x.toFixed(1)} ms`;

// The functions run in the page avoid `const f = () => ...`: tsx keeps function names by wrapping
// those in a helper the page lacks. Object methods and inline callbacks are left alone.

/** The library's search, for `typeAndTime`. */
const SEARCH = { input: '#library-search', results: 'main.results' };

/** Run in the library: scrolls the list `steps` times by `by` pixels, one step a frame; the frame intervals in ms. */
function scrollAndTime([steps, by]: [number, number]): Promise<number[]> {
  const list = document.querySelector('.virtual') as HTMLElement;
  const frames: number[] = [];
  return new Promise((resolve) => {
    const h = {
      last: performance.now(),
      n: 0,
      step(): void {
        const now = performance.now();
        frames.push(now - h.last);
        h.last = now;
        list.scrollTop += by;
        if (++h.n < steps) requestAnimationFrame(() => h.step());
        else resolve(frames.slice(1));
      },
    };
    requestAnimationFrame(() => h.step());
  });
}

/** Installed before the library loads: when the first highlight row appears, and when the whole catalog is loaded, in ms since navigation. */
function recordFirstRow(): void {
  const w = window as unknown as { __firstRow?: number; __complete?: number };
  new MutationObserver((_, observer) => {
    if (w.__firstRow === undefined && document.querySelector('.note-row[data-id]')) w.__firstRow = performance.now();
    if (document.querySelector('main[data-complete="true"]')) {
      w.__complete = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

/** Run in the library: until the export's status says it is done, notes whether a progress bar is shown and when each phase began. */
function watchProgress(): void {
  const w = window as unknown as { __progressSeen?: number; __phases?: [string, number][] };
  w.__progressSeen = 0;
  w.__phases = [['start', performance.now()]];
  new MutationObserver((_, observer) => {
    if (document.querySelector('.export-bar progress')) w.__progressSeen! += 1;
    const phase = document.getElementById('library-task-phase')?.textContent ?? '';
    if (phase && w.__phases!.at(-1)![0] !== phase) w.__phases!.push([phase, performance.now()]);
    if (/^(Exported|Nothing was exported)/.test(document.querySelector('.snackbar-area')?.textContent ?? '')) {
      w.__phases!.push(['done', performance.now()]);
      observer.disconnect();
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** "reading 1200 ms, writing 900 ms": how long each phase of a task lasted. */
function phaseTimes(phases: [string, number][]): string {
  const out: string[] = [];
  for (let i = 1; i + 1 < phases.length; i++) {
    out.push(`${phases[i]![0].replace(/…$/, '').toLowerCase()} ${ms(phases[i + 1]![1] - phases[i]![1])}`);
  }
  return out.join(', ');
}

/**
 * Exports the whole library in each format from the library page: ms from the click to the file handed to the
 * browser (its download event), the file's size. Two rounds, the second in the reverse order: the first export
 * after seeding shares the disk with the database's compaction. Returns the JSON-LD file's path (for the import).
 */
async function timeExports(lib: PwPage, total: number): Promise<string> {
  let jsonld = '';
  const formats = ['markdown', 'vault', 'jsonld', 'csv'];
  // Where each export ran: the export worker (a dedicated worker of the page), or the page when it failed.
  let workers = 0;
  let fellBack = '';
  lib.on('worker', () => (workers += 1));
  lib.on('console', (message) => {
    if (message.text().includes('export worker failed')) fellBack = message.text();
  });
  for (const [round, format] of [
    ...formats.map((f) => [1, f] as const),
    ...[...formats].reverse().map((f) => [2, f] as const),
  ]) {
    await lib.getByLabel('Export as').selectOption(format);
    await lib.evaluate(() => {
      const area = document.querySelector('.snackbar-area');
      if (area) area.textContent = '';
    });
    await lib.evaluate(watchProgress);
    workers = 0;
    fellBack = '';
    const t = performance.now();
    const [download] = await Promise.all([
      lib.waitForEvent('download', { timeout: 180_000 }),
      lib.click('button[data-scope="library"]'),
    ]);
    const took = performance.now() - t;
    const path = (await download.path())!;
    const bytes = statSync(path).size;
    await lib.waitForFunction(() => (window as unknown as { __phases: [string][] }).__phases.at(-1)![0] === 'done');
    const { progress, phases } = await lib.evaluate(() => {
      const w = window as unknown as { __progressSeen: number; __phases: [string, number][] };
      return { progress: w.__progressSeen, phases: w.__phases };
    });
    if (format === 'jsonld' && round === 1) {
      jsonld = join(tmpdir(), `gloss-bench-${process.pid}.jsonld`);
      await download.saveAs(jsonld);
    }
    console.log(
      `  round ${round}: export the whole library (${total.toLocaleString()} highlights) as ${format.padEnd(8)} click to file ${ms(took).padStart(10)} (target ≤ 3 s)  ${(bytes / 1024 / 1024).toFixed(1)} MB  ${download.suggestedFilename()}${progress ? `, progress bar shown (${phaseTimes(phases)})` : ', no progress bar'}, ${fellBack ? `in the page (${fellBack})` : workers > 0 ? 'in the export worker' : 'no worker started'}`,
    );
  }
  return jsonld;
}

/** The parts of the bench to run (`LIBRARY_UI_PARTS=export,import`; all by default). */
const parts = new Set(
  (process.env.LIBRARY_UI_PARTS || 'popup,library,search,export,import').split(',').map((p) => p.trim()),
);

export async function libraryUiBench(): Promise<void> {
  const opened = await openGlossPage('library-ui', 'library.html');
  if (!opened) return;
  const { session, page: lib, base } = opened;
  const { context } = session;
  let server: Awaited<ReturnType<typeof serve>> | null = null;
  let jsonld = '';
  try {
    server = await serve({ fixtures: ROOTS.fixtures });
    const article = normalizeUrl(`${server.origin}/fixtures/notes/index.html`);
    let t = performance.now();
    const size = Number(process.env.LIBRARY_UI_SIZE) || 100_000;
    const records = makeLibrary(size, Math.max(2, Math.round(size / 10)), { seed: 11 });
    // The article the popup is opened on holds 50 of them.
    records.pages[0] = pageRecord({
      url: article,
      title: 'Harbour clinic reopens after the floods',
      lastVisited: Date.now(),
    });
    for (const a of records.annotations.slice(0, 50)) {
      a.url = article;
      a.target.source = article;
    }
    console.log(
      `\nlibrary-ui: ${records.annotations.length.toLocaleString()} annotations over ${records.pages.length.toLocaleString()} pages made in ${ms(performance.now() - t)}`,
    );
    await lib.waitForSelector('.summary');
    t = performance.now();
    const evaluate: Evaluate = (fn, arg) => lib.evaluate(fn as (x: unknown) => unknown, arg);
    const count = await seed(evaluate, records, 5000);
    console.log(
      `  seeded ${count.toLocaleString()} through the library page in batches of 5,000: ${ms(performance.now() - t)}`,
    );

    if (parts.has('popup')) {
      const tab = await context.newPage();
      await tab.goto(article);
      await lib.goto(`${base}/popup.html`);
      const tabId = await lib.evaluate(otherTabId);
      for (let i = 0; i < 100 && (await lib.evaluate(pageStateOf, tabId))?.status !== 'article'; i++)
        await lib.waitForTimeout(100);
      await lib.bringToFront();
      const popupPaint: number[] = [];
      const popupNotes: number[] = [];
      for (let i = 0; i < 7; i++) {
        await lib.goto(`${base}/popup.html?tab=${tabId}`);
        await lib
          .waitForFunction(
            () => /Notes\s*50/.test(document.querySelector('[role="tablist"]')?.textContent ?? ''),
            undefined,
            { timeout: 10_000 },
          )
          .catch(async (e: unknown) => {
            console.log(
              '  popup tabs:',
              await lib.textContent('[role="tablist"]'),
              'status',
              (await lib.evaluate(pageStateOf, tabId))?.status,
            );
            throw e;
          });
        popupPaint.push(await lib.evaluate(fcp));
        popupNotes.push(await lib.evaluate(() => performance.now()));
      }
      console.log(
        `  popup, page with 50 annotations: open to first paint ${ms(median(popupPaint))} (median of 7, target ≤ 150 ms); notes counted by ${ms(median(popupNotes))} (an upper bound, polled)`,
      );
      await tab.close();
    }
    // A page in the background gets no animation frames: measure in the front tab.
    await lib.bringToFront();
    if (parts.has('library')) {
      await lib.addInitScript(recordFirstRow);
      const paint: number[] = [];
      const firstRow: number[] = [];
      const complete: number[] = [];
      for (let i = 0; i < 5; i++) {
        await lib.goto(`${base}/library.html`);
        await lib.waitForFunction(
          () => (window as unknown as { __complete?: number }).__complete !== undefined,
          undefined,
          { timeout: 60_000 },
        );
        paint.push(await lib.evaluate(fcp));
        firstRow.push(await lib.evaluate(() => (window as unknown as { __firstRow: number }).__firstRow));
        complete.push(await lib.evaluate(() => (window as unknown as { __complete: number }).__complete));
      }
      console.log(
        `  library: first paint ${ms(median(paint))}, first highlights on screen ${ms(median(firstRow))}, whole catalog loaded (search and filters ready) ${ms(median(complete))} (median of 5)`,
      );
    }
    if (parts.has('search')) {
      const rand = rng(5);
      const words = records.annotations.flatMap((a) => a.exact.split(' ')).filter((w) => w.length >= 6);
      const keystrokes: number[] = [];
      for (let i = 0; i < 12; i++) {
        const query =
          i % 3 === 2
            ? `${words[Math.floor(rand() * words.length)]} ${words[Math.floor(rand() * words.length)].slice(0, 4)}`
            : words[Math.floor(rand() * words.length)];
        await lib.fill('#library-search', '');
        await lib.waitForSelector('main[data-results-for=""][aria-busy="false"]');
        keystrokes.push(...(await lib.evaluate(typeAndTime, { ...SEARCH, text: query })));
      }
      console.log(
        `  search per keystroke (${keystrokes.length} keystrokes, 12 queries): median ${ms(median(keystrokes))}, p95 ${ms(p95(keystrokes))}, max ${ms(Math.max(...keystrokes))} (target ≤ 50 ms)`,
      );
      await lib.fill('#library-search', '');
      await lib.waitForSelector('main[data-results-for=""][aria-busy="false"]');
      const frames = await lib.evaluate(scrollAndTime, [300, 400] as [number, number]);
      console.log(
        `  scrolling the whole list (300 frames, 400 px each): frame interval median ${ms(median(frames))}, p95 ${ms(p95(frames))}`,
      );
    }
    if (parts.has('export') || parts.has('import')) {
      await lib.goto(`${base}/library.html`);
      // Once the library has read everything it reads on opening (the word indexes last), so the export runs alone.
      await lib.waitForSelector('main[data-indexed="true"]', { timeout: 180_000 });
      jsonld = await timeExports(lib, records.annotations.length);
    }
  } finally {
    await session.close();
    await server?.close();
  }
  if (parts.has('import') && jsonld) await timeImports(jsonld);
}

/** Run in the library: when the import's status says it is done, and whether a progress bar was shown meanwhile. */
function watchImport(): Promise<{ message: string; progress: number; phases: [string, number][] }> {
  return new Promise((resolve) => {
    let progress = 0;
    const phases: [string, number][] = [['start', performance.now()]];
    const observer = new MutationObserver(() => {
      if (document.querySelector('.export-bar progress')) progress++;
      const phase = document.getElementById('library-task-phase')?.textContent ?? '';
      if (phase && phases.at(-1)![0] !== phase) phases.push([phase, performance.now()]);
      const text = document.querySelector('.snackbar-area')?.textContent ?? '';
      // The status left by an earlier import stays until this one starts (and shows its progress bar).
      if (progress > 0 && /^(Imported|Nothing was imported)/.test(text)) {
        observer.disconnect();
        phases.push(['done', performance.now()]);
        resolve({ message: text, progress, phases });
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/**
 * Imports the JSON-LD export into a fresh browser's empty database through the library page, then again
 * (every record unchanged): ms from choosing the file to the report, and the report.
 */
async function timeImports(jsonld: string): Promise<void> {
  const opened = await openGlossPage('library-ui import', 'library.html');
  if (!opened) return;
  const { session, page: lib } = opened;
  try {
    await lib.waitForSelector('.summary');
    const mb = (statSync(jsonld).size / 1024 / 1024).toFixed(1);
    for (const run of ['into an empty database', 'again (all unchanged)']) {
      const done = lib.evaluate(watchImport);
      const t = performance.now();
      await lib.setInputFiles('#library-import', jsonld);
      const { message, progress, phases } = await done;
      console.log(
        `  import the full JSON-LD (${mb} MB) ${run}: ${ms(performance.now() - t)}${progress ? `, progress bar shown (${phaseTimes(phases)})` : ', no progress bar'}  ${message}`,
      );
      await lib.waitForSelector('main[data-complete="true"]', { timeout: 120_000 });
    }
  } finally {
    await session.close();
    rmSync(jsonld, { force: true });
  }
}
