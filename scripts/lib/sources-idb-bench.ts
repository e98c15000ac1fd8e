/**
 * `npm run bench -- --only=sources-idb`: the IndexedDB space remembered
 * articles take in Chromium with the built extension. Synthetic articles
 * (`syntheticInputs`) are sent from Gloss's popup page to the background as
 * analysis requests with their metadata, so the real analysis finds their
 * quotations and the real store keeps them; the browser's own estimate of the
 * extension's storage is read before and after. A figure, never an assertion.
 */
import { ask, openGlossPage } from './bench-browser';
import { syntheticInputs } from './sources-bench';

/** Run in a Gloss page: sends the articles for analysis (and remembering) one after the other. */
async function sendAll(batch: Array<{ text: string; article: object }>): Promise<number> {
  type Runtime = { sendMessage(m: object): Promise<{ ok: boolean }> };
  const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
  let failed = 0;
  for (const { text, article } of batch) {
    const reply = await runtime.sendMessage({ gloss: 1, type: 'analyze', payload: { text, article } });
    if (!reply?.ok) failed++;
  }
  return failed;
}

/** Run in a Gloss page: the rows of the sources tables and the storage estimate. */
async function measure(): Promise<{ usage: number; rows: Record<string, number> }> {
  const tables = ['sourceArticles', 'sourceQuotes', 'sourceMentions', 'identities'];
  const rows = await new Promise<Record<string, number>>((done, failed) => {
    const open = indexedDB.open('gloss');
    open.onerror = () => failed(open.error);
    open.onsuccess = () => {
      const out: Record<string, number> = {};
      const present = tables.filter((t) => open.result.objectStoreNames.contains(t));
      if (!present.length) return (open.result.close(), done(out));
      const tx = open.result.transaction(present);
      for (const t of present) {
        const c = tx.objectStore(t).count();
        c.onsuccess = () => (out[t] = c.result);
      }
      tx.oncomplete = () => (open.result.close(), done(out));
    };
  });
  return { usage: (await navigator.storage.estimate()).usage ?? 0, rows };
}

/** Remembers `articles` synthetic articles in Chromium and prints the IndexedDB space per 1,000. */
export async function sourcesIndexedDbBench(articles = 1000): Promise<void> {
  const opened = await openGlossPage('remembered sources in Chromium', 'popup.html');
  if (!opened) return;
  const { session, page } = opened;
  try {
    const inputs = syntheticInputs(articles).map(({ url, metadata, text }) => ({ text, article: { url, metadata } }));
    await page.evaluate(ask, ['sources:settings', { remember: true }] as [string, object]);
    await page.evaluate(ask, ['sources:speakers', {}] as [string, object]); // opens the database
    const before = await page.evaluate(measure);
    const started = performance.now();
    let failed = 0;
    for (let i = 0; i < inputs.length; i += 50) failed += await page.evaluate(sendAll, inputs.slice(i, i + 50));
    // Remembering follows each analysis: wait until the last article is written.
    let after = await page.evaluate(measure);
    for (let i = 0; i < 600 && (after.rows.sourceArticles ?? 0) < articles - failed; i++) {
      await page.waitForTimeout(100);
      after = await page.evaluate(measure);
    }
    const seconds = (performance.now() - started) / 1000;
    // LevelDB compacts its log in the background: read the estimate again a little later.
    await page.waitForTimeout(15_000);
    const later = await page.evaluate(measure);
    const per = 1000 / articles;
    console.log(
      `\nremembered sources in Chromium (built extension, real analysis and IndexedDB): ${articles} synthetic articles ` +
        `in ${seconds.toFixed(1)} s (${failed} failed); rows ${JSON.stringify(after.rows)}`,
    );
    console.log(
      `  storage estimate per 1,000 articles: ${(((after.usage - before.usage) * per) / 1024).toFixed(1)} kB ` +
        `just after writing, ${(((later.usage - before.usage) * per) / 1024).toFixed(1)} kB 15 s later ` +
        `(navigator.storage.estimate(): ${before.usage} → ${after.usage} → ${later.usage} bytes)`,
    );
  } finally {
    await session.close();
  }
}
