/**
 * The reading shortcuts (manifest `commands`, changeable in the browser's
 * shortcut settings): the walk through the article's quotations, next and
 * previous, and showing or hiding all of Gloss's marks at once.
 */
import type { browser } from 'wxt/browser';
import { sendToTab } from '../messaging/client';
import { toggleAllMarks } from '../settings';

/** The commands' names in the manifest. */
export const READING_COMMANDS = {
  next: 'next-quotation',
  previous: 'previous-quotation',
  toggle: 'toggle-marks',
} as const;

/** The parts of the browser API used here (a seam for tests). */
export type ReadingCommandsApi = {
  commands: Pick<typeof browser.commands, 'onCommand'>;
  tabs: Pick<typeof browser.tabs, 'query'>;
};

/** What each command does: a seam for tests. */
export type ReadingActions = {
  walk: (tabId: number, step: 1 | -1) => Promise<unknown>;
  toggle: () => Promise<unknown>;
};

const defaultActions: ReadingActions = {
  walk: (tabId, step) => sendToTab(tabId, 'page:walk', { step }),
  // Stored, not sent: every tab applies it through its storage listener, and pages opened later too.
  toggle: toggleAllMarks,
};

/** Listens for the reading commands. */
export function registerReadingCommands(api: ReadingCommandsApi, actions: ReadingActions = defaultActions): void {
  api.commands.onCommand.addListener((command, tab) => {
    if (command === READING_COMMANDS.toggle) {
      actions.toggle().catch(() => {});
      return;
    }
    const step = command === READING_COMMANDS.next ? 1 : command === READING_COMMANDS.previous ? -1 : 0;
    if (!step) return;
    // Older Firefox gives no tab with a command: the active one is the reader's.
    const tabId = tab?.id ?? api.tabs.query({ active: true, currentWindow: true }).then(([t]) => t?.id);
    void Promise.resolve(tabId)
      .then((id) => (id === undefined || id < 0 ? undefined : actions.walk(id, step)))
      .catch(() => {}); // a tab without Gloss (a browser page, a PDF) cannot answer
  });
}
