import type { browser } from 'wxt/browser';
import { normalizeUrl } from '../url';

/**
 * Tells the open tabs showing any of `urls` that their highlights changed
 * (an import), so they appear at once. A tab whose address the browser does
 * not tell (no host permission) is told anyway: its content script reloads
 * its own page's highlights, which costs one lookup. Tabs without Gloss's
 * content script do not answer; that is not an error.
 */
/** The parts of the browser API used here (a seam for tests). */
export type TabsApi = { tabs: Pick<typeof browser.tabs, 'query' | 'sendMessage'> };

export async function notifyTabs(api: TabsApi, urls: string[]): Promise<void> {
  if (urls.length === 0) return;
  const wanted = new Set(urls);
  const tabs = await api.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      if (tab.url !== undefined && !/^https?:/.test(tab.url)) return;
      if (tab.url !== undefined && !wanted.has(normalizeUrl(tab.url))) return;
      try {
        await api.tabs.sendMessage(tab.id, { gloss: 1, type: 'page:annotations-changed', payload: {} });
      } catch {
        // no content script in that tab
      }
    }),
  );
}
