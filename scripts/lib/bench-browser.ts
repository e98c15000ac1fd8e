/**
 * The start the benches in Chromium share: the built extension in headless
 * Chromium with one of its pages open, and the functions they run in its
 * pages (sending the background a request, typing a search one key at a time).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROME_BUILD, launchChromium, type ChromiumSession } from '../../tests/browser/harness/chromium';

/** A bench's browser: the session (close it when done), a Gloss page, and the extension's base URL. */
export type GlossPage = { session: ChromiumSession; page: Page; base: string };

/**
 * Launches Chromium with the built extension and opens its page `path` (`library.html`) in the first tab;
 * null, and one line saying so, when the extension is not built.
 */
export async function openGlossPage(bench: string, path: string): Promise<GlossPage | null> {
  if (!existsSync(join(CHROME_BUILD, path))) {
    console.log(`\n${bench}: the extension is not built (npm run build)`);
    return null;
  }
  const session = await launchChromium();
  try {
    const base = `chrome-extension://${session.extensionId}`;
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    await page.goto(`${base}/${path}`);
    return { session, page, base };
  } catch (e) {
    await session.close();
    throw e;
  }
}

// Functions run in the page avoid `const f = () => ...` (tsx wraps those in a helper the page lacks).

/** Run in a Gloss page: sends one request to the background and gives its value. */
export async function ask([type, payload]: [string, object]): Promise<unknown> {
  type Runtime = { sendMessage(m: object): Promise<{ ok: boolean; value?: unknown; error?: unknown }> };
  const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
  const reply = await runtime.sendMessage({ gloss: 1, type, payload });
  if (!reply?.ok) throw new Error(JSON.stringify(reply?.error));
  return reply.value;
}

/** Run in a page: when it first painted content, in ms since navigation. */
export function fcp(): number {
  return performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
}

/** What `typeAndTime` types, where, and where the answer shows. */
export type Typing = {
  text: string;
  /** The search field. */
  input: string;
  /** The element whose `data-results-for` says which words its rows answer (and `aria-busy`, while searching). */
  results: string;
  /** Whether a space is typed without waiting for an answer (a view that answers words, not keys). */
  skipSpaces?: boolean;
};

/**
 * Run in a Gloss page: types `text` into the search field one key at a time; per key, ms from the input event to
 * the frame after the rows answer it.
 */
export function typeAndTime({ text, input, results, skipSpaces }: Typing): Promise<number[]> {
  const field = document.querySelector<HTMLInputElement>(input)!;
  const h = {
    done(value: string): boolean {
      const m = document.querySelector(results);
      return m?.getAttribute('data-results-for') === value && m.getAttribute('aria-busy') !== 'true';
    },
    answered(value: string): Promise<void> {
      return new Promise<void>((resolve) => {
        if (h.done(value)) return void requestAnimationFrame(() => resolve());
        const observer = new MutationObserver(() => {
          if (!h.done(value)) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve());
        });
        observer.observe(document.body, { subtree: true, attributes: true, childList: true });
      });
    },
    async run(): Promise<number[]> {
      const times: number[] = [];
      for (let i = 1; i <= text.length; i++) {
        if (skipSpaces && text[i - 1] === ' ') continue;
        const value = text.slice(0, i);
        const t = performance.now();
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        await h.answered(value);
        times.push(performance.now() - t);
      }
      return times;
    },
  };
  return h.run();
}
