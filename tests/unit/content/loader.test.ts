// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://markets.example/live"}
/**
 * The every-page loader judges a page again when it settles after a change, but
 * not a page it turned away that has hardly changed since: a ticker that
 * rewrites its figures every second is judged once, not every second. A page
 * that grows a good deal, or moves to another address, is judged again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { changedMuch, GROWTH_MIN, startPageLayer } from '../../../utils/content/loader';
import { SETTLE } from '../../../utils/content/settled';
import { mayBeArticle } from '../../../utils/extract/gate';

vi.mock('../../../utils/extract/gate', async (original) => {
  const real = await original<typeof import('../../../utils/extract/gate')>();
  return { mayBeArticle: vi.fn(real.mayBeArticle) };
});

const gate = vi.mocked(mayBeArticle);
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** A short page that is no article: a market ticker whose figure the page's script rewrites. */
function tickerPage(): HTMLElement {
  document.title = 'Markets';
  document.body.innerHTML =
    '<header><h1>Markets</h1><nav><a href="/">Home</a> <a href="/rates">Rates</a></nav></header>' +
    '<p>Index <span id="tick">100.00</span></p>';
  return document.getElementById('tick')!;
}

let ctx: ContentScriptContext;

beforeEach(() => {
  fakeBrowser.reset();
  gate.mockClear();
  history.replaceState({}, '', 'https://markets.example/live');
  ctx = new ContentScriptContext('content');
});

afterEach(() => {
  ctx?.abort();
  document.body.innerHTML = '';
});

describe('the loader on a page that keeps changing', () => {
  it('judges a ticker that is no article once, however often it settles after a change', async () => {
    const tick = tickerPage();
    startPageLayer(ctx);
    await sleep(20);
    expect(gate).toHaveBeenCalledTimes(1);
    expect(gate.mock.results[0].value).toBe(false);
    for (let i = 1; i <= 3; i++) {
      tick.textContent = `${100 + i}.00`;
      await sleep(SETTLE + 100);
    }
    expect(gate).toHaveBeenCalledTimes(1);
  });

  it('judges it again once its text has grown a good deal, and after an in-page navigation', async () => {
    tickerPage();
    startPageLayer(ctx);
    await sleep(20);
    // A table of more quotes, still no article.
    const list = document.createElement('ul');
    list.innerHTML = Array.from({ length: GROWTH_MIN / 5 }, (_, i) => `<li>X${i} ${i}.00</li>`).join('');
    document.body.append(list);
    await sleep(SETTLE + 100);
    expect(gate).toHaveBeenCalledTimes(2);

    // WXT sees the new address by polling where there is no Navigation API (as in happy-dom): within a second.
    history.pushState({}, '', 'https://markets.example/live/other');
    await sleep(1200);
    expect(gate).toHaveBeenCalledTimes(3);
    expect(gate.mock.results.map((r) => r.value)).toEqual([false, false, false]);
  });
});

describe('changedMuch', () => {
  const judged = { href: 'https://a.example/x', size: 4000 };
  it('is true for another address or a growth of a quarter, false for a small change or a shrink', () => {
    expect(changedMuch(judged, 'https://a.example/y', 4000)).toBe(true);
    expect(changedMuch(judged, judged.href, 5000)).toBe(true);
    expect(changedMuch(judged, judged.href, 4900)).toBe(false);
    expect(changedMuch(judged, judged.href, 1000)).toBe(false);
    expect(changedMuch({ ...judged, size: 100 }, judged.href, 100 + GROWTH_MIN)).toBe(true);
    expect(changedMuch({ ...judged, size: 100 }, judged.href, 100 + GROWTH_MIN - 1)).toBe(false);
  });
});
