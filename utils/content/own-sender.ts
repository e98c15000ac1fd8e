import { browser } from 'wxt/browser';

/** The parts of a message's sender that decide whether Gloss answers it. */
export type Sender = { id?: string; url?: string };

/**
 * Whether a message comes from Gloss's own pages (the popup) or its background
 * (the keyboard shortcut and context menu); messages from pages or other
 * extensions are not answered. The sender is known by its URL: Firefox also
 * gives a tab to an extension page that is open in a tab.
 */
export function fromOwnPages(sender: Sender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}
