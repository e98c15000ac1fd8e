/**
 * Highlighting without the toolbar: a keyboard shortcut (the manifest's
 * `highlight-selection` command, Alt+Shift+H unless the reader changes it in
 * the browser's shortcut settings) and two context-menu items on a selection.
 * Each asks the tab's content script to highlight the reader's selection.
 */
import type { browser } from 'wxt/browser';
import { sendToTab } from '../messaging/client';

/** The command's name in the manifest. */
export const HIGHLIGHT_COMMAND = 'highlight-selection';

const MENU = { highlight: 'gloss-highlight', note: 'gloss-highlight-note' } as const;

/** The parts of the browser API used here (a seam for tests). */
export type QuickHighlightApi = {
  contextMenus: Pick<typeof browser.contextMenus, 'create' | 'removeAll' | 'onClicked'>;
  commands: Pick<typeof browser.commands, 'onCommand'>;
};

/** Registers the menu items (afresh: the background may start many times) and the listeners. */
export async function registerQuickHighlight(
  api: QuickHighlightApi,
  send: (tabId: number, note: boolean) => Promise<unknown> = (tabId, note) =>
    sendToTab(tabId, 'page:highlight', { note }),
): Promise<void> {
  const ask = (tabId: number | undefined, note: boolean) => {
    if (tabId === undefined || tabId < 0) return;
    // A tab without Gloss (a browser page, a PDF) cannot answer: nothing to do there.
    send(tabId, note).catch(() => {});
  };
  api.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU.highlight) ask(tab?.id, false);
    if (info.menuItemId === MENU.note) ask(tab?.id, true);
  });
  api.commands.onCommand.addListener((command, tab) => {
    if (command === HIGHLIGHT_COMMAND) ask(tab?.id, false);
  });
  await api.contextMenus.removeAll();
  const documentUrlPatterns = ['http://*/*', 'https://*/*'];
  api.contextMenus.create({
    id: MENU.highlight,
    title: 'Highlight with Gloss',
    contexts: ['selection'],
    documentUrlPatterns,
  });
  api.contextMenus.create({
    id: MENU.note,
    title: 'Highlight with note…',
    contexts: ['selection'],
    documentUrlPatterns,
  });
}
