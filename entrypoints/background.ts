import { browser } from 'wxt/browser';
import { AnalysisService } from '../utils/background/analysis-service';
import { createHandlers } from '../utils/background/handlers';
import { notifyTabs } from '../utils/background/notify-tabs';
import { registerLibraryCommand } from '../utils/background/open-library';
import { registerQuickHighlight } from '../utils/background/quick-highlight';
import { registerReadingCommands } from '../utils/background/reading-commands';
import { route } from '../utils/background/router';
import { createDb } from '../utils/db';
import { errorReply, REQUEST_PORT } from '../utils/messaging/client';

export default defineBackground(() => {
  const db = createDb();
  const analysis = new AnalysisService(async () => {
    const response = await fetch(browser.runtime.getURL('/models/ner.bin'));
    return new Uint8Array(await response.arrayBuffer());
  });
  const handlers = createHandlers(db, analysis, { notifyTabs: (urls) => notifyTabs(browser, urls) });
  const own = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender, handlers, own));
  // A content script's requests come on a port each (`askFromPage`): answered there, unless its tab has gone.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== REQUEST_PORT || !port.sender) return;
    const sender = port.sender;
    port.onMessage.addListener((message) => {
      void route(message, sender, handlers, own).then((reply) => {
        try {
          port.postMessage(reply ?? errorReply(new Error('Gloss did not understand the request.')));
        } catch {
          // the tab closed (or navigated) while its request was answered: nobody is waiting
        }
      });
    });
  });
  void registerQuickHighlight(browser);
  registerReadingCommands(browser);
  registerLibraryCommand(browser);
});
