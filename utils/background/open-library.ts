/**
 * The library's keyboard shortcut: the manifest's `open-library` command
 * (Alt+Shift+L unless the reader changes it) opens Gloss's library page in a
 * new tab.
 */
import type { browser } from 'wxt/browser';

/** The command's name in the manifest. */
export const LIBRARY_COMMAND = 'open-library';

/** The parts of the browser API used here (a seam for tests). */
export type OpenLibraryApi = {
  commands: Pick<typeof browser.commands, 'onCommand'>;
  tabs: Pick<typeof browser.tabs, 'create'>;
  runtime: Pick<typeof browser.runtime, 'getURL'>;
};

/** Opens the library when the reader presses its shortcut. */
export function registerLibraryCommand(api: OpenLibraryApi): void {
  api.commands.onCommand.addListener((command) => {
    if (command === LIBRARY_COMMAND) void api.tabs.create({ url: api.runtime.getURL('/library.html') });
  });
}
