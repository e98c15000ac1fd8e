/**
 * A live page, played in the page's main world as a site's own scripts would
 * do it: paragraphs appended or replaced after load, and in-page navigation to
 * another article with `history.pushState`; and the tests both browsers run
 * on them (`liveTests`).
 */
import { expect, it } from 'vitest';
import { SEED_QUOTES } from '../seed-expectations';
import { readHighlights } from './page';
import { quotesPainted, type TwinTab } from './twins';

/** The quotation the appended paragraph adds. */
export const APPENDED_QUOTE = 'Dialogue is the only way forward,';
/** The quotation that replaces the seed's first one. */
export const REPLACING_QUOTE = 'We will keep listening to every country that wants to talk,';

/** Appends a paragraph with a new quotation to the seed article's body. */
export function appendParagraph(): void {
  const p = document.createElement('p');
  p.textContent = '"Dialogue is the only way forward," Wang told reporters.';
  document.querySelector('.body')!.append(p);
}

/** Replaces the seed article's paragraph of its first quotation with a new one. */
export function replaceParagraph(): void {
  const old = [...document.querySelectorAll('p')].find((p) => p.textContent!.includes('Fairness and justice'))!;
  const p = document.createElement('p');
  p.textContent = '"We will keep listening to every country that wants to talk," Wang said at the meeting.';
  old.replaceWith(p);
}

/** Renders the article at `url` in place of this one and moves the address there with `pushState`, as an app does. */
export async function navigateInPlace(url: string): Promise<void> {
  const html = await (await fetch(url)).text();
  const next = new DOMParser().parseFromString(html, 'text/html');
  history.pushState({}, '', url);
  document.title = next.title;
  document.body.replaceWith(document.adoptNode(next.body));
}

/** The texts of Gloss's quotation and name layers, sorted within each, for comparing two renderings. */
export function paintedTexts(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  CSS.highlights.forEach((highlight, name) => {
    if (/^gloss-(quote|per|org|loc|misc)/.test(name)) out[name] = [...highlight].map((r) => r.toString()).sort();
  });
  return out;
}

/** Sets a clock line at the top of the page to `i` o'clock, as a page's ticker does: a small change. */
export function tickOnce(i: number): void {
  let clock = document.getElementById('gloss-test-clock');
  if (!clock) {
    clock = document.createElement('p');
    clock.id = 'gloss-test-clock';
    document.body.prepend(clock);
  }
  clock.textContent = `Updated ${i}:00`;
}

/** Run in the page: whether Gloss's layers named by `pattern` paint `want` (`paintedTexts`' form; quotations in order). */
export function paints({ pattern, want }: { pattern: string; want: string }): boolean {
  const out: Record<string, string[]> = {};
  CSS.highlights.forEach((highlight, name) => {
    if (new RegExp(pattern).test(name)) out[name] = [...highlight].map((r) => r.toString());
  });
  if (pattern !== '^gloss-quote$') for (const k of Object.keys(out)) out[k].sort();
  return JSON.stringify(out) === want;
}

/**
 * The live-page tests, the same in Chromium and Firefox: `open` gives a new tab of the browser under test,
 * `origin` the fixtures' server.
 */
export function liveTests(open: () => Promise<TwinTab>, origin: () => string): void {
  const waitForQuotes = (tab: TwinTab, quotes: string[]) =>
    tab.waitFor(paints, { pattern: '^gloss-quote$', want: JSON.stringify({ 'gloss-quote': quotes }) });

  it('paints an appended paragraph, and drops a replaced one for its replacement', async () => {
    const tab = await open();
    await tab.goto(`${origin()}/fixtures/seed/index.html`);
    await waitForQuotes(tab, SEED_QUOTES);
    await tab.evaluate(appendParagraph, undefined);
    await waitForQuotes(tab, [...SEED_QUOTES, APPENDED_QUOTE]);
    await tab.evaluate(replaceParagraph, undefined);
    await waitForQuotes(tab, [REPLACING_QUOTE, SEED_QUOTES[1], APPENDED_QUOTE]);
    expect((await tab.evaluate(readHighlights, undefined))['gloss-quote']).not.toContain(SEED_QUOTES[0]);
    await tab.close();
  });

  it('starts afresh on the new article after history.pushState, as a fresh load of it would paint', async () => {
    const notes = `${origin()}/fixtures/notes/index.html`;
    const reference = await open();
    await reference.goto(notes);
    await reference.waitFor(quotesPainted, undefined);
    const expected = await reference.evaluate(paintedTexts, undefined);
    await reference.close();

    const tab = await open();
    await tab.goto(`${origin()}/fixtures/seed/index.html`);
    await waitForQuotes(tab, SEED_QUOTES);
    await tab.evaluate(navigateInPlace, notes);
    await tab.waitFor(paints, { pattern: '^gloss-(quote|per|org|loc|misc)', want: JSON.stringify(expected) });
    expect(await tab.evaluate(paintedTexts, undefined)).toEqual(expected);
    expect(tab.url()).toBe(notes);
    await tab.close();
  });

  it('analyses the article a page it turned away navigates to in place, after the page kept changing', async () => {
    const tab = await open();
    await tab.goto(`${origin()}/fixtures/front/index.html`);
    // A front page that keeps changing a little (a clock), settling after each change: judged once, not again.
    for (let i = 0; i < 3; i++) {
      await tab.evaluate(tickOnce, i);
      await new Promise((ok) => setTimeout(ok, 900));
    }
    expect(await tab.evaluate(paintedTexts, undefined)).toEqual({});
    await tab.evaluate(navigateInPlace, `${origin()}/fixtures/seed/index.html`);
    await waitForQuotes(tab, SEED_QUOTES);
    await tab.close();
  });
}
