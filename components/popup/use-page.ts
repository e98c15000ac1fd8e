import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToTab } from '../../utils/messaging/client';
import type { PageState, TabProtocol } from '../../utils/messaging/protocol';

/** The tab the popup is about: `?tab=ID` (a test seam), else the active tab. */
async function targetTab(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** What the popup knows of the current tab's page, and how to ask it things. */
export type PageHandle = {
  tabId: number | null;
  state: PageState | null;
  /** Why there is no state: a page Gloss cannot run on, or one still loading. */
  problem: string | null;
  ask: <K extends keyof TabProtocol>(type: K, payload: TabProtocol[K][0]) => Promise<TabProtocol[K][1] | null>;
  reload: () => void;
};

/** Loads the current tab's page state from its content script. */
export function usePage(): PageHandle {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<PageState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    let live = true;
    void (async () => {
      const id = await targetTab();
      if (!live) return;
      setTabId(id);
      if (id === null) return setProblem('No tab to show.');
      try {
        const next = await sendToTab(id, 'page:state', {});
        if (live) {
          setState(next);
          setProblem(null);
        }
      } catch {
        if (live) setProblem('Gloss does not run on this page. Open a web page, or reload this one.');
      }
    })();
    return () => {
      live = false;
    };
  }, [nonce]);

  const ask = useCallback(
    async <K extends keyof TabProtocol>(type: K, payload: TabProtocol[K][0]): Promise<TabProtocol[K][1] | null> => {
      if (tabId === null) return null;
      const value = (await sendToTab(tabId, type, payload as never)) as TabProtocol[K][1];
      // Requests that change the page answer with its new state.
      if (value && typeof value === 'object' && 'status' in value) setState(value as unknown as PageState);
      return value;
    },
    [tabId],
  );

  return { tabId, state, problem, ask, reload: () => setNonce((n) => n + 1) };
}
