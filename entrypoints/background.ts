import { browser } from 'wxt/browser';
import { AnalysisService } from '../utils/background/analysis-service';
import { createHandlers } from '../utils/background/handlers';
import { notifyTabs } from '../utils/background/notify-tabs';
import { registerLibraryCommand } from '../utils/background/open-library';
import { registerQuickHighlight } from '../utils/background/quick-highlight';
import { registerReadingCommands } from '../utils/background/reading-commands';
import { route } from '../utils/background/router';
import { createDb } from '../utils/db';

export default defineBackground(() => {
  const db = createDb();
  const analysis = new AnalysisService(async () => {
    const response = await fetch(browser.runtime.getURL('/models/ner.bin'));
    return new Uint8Array(await response.arrayBuffer());
  });
  const handlers = createHandlers(db, analysis, { notifyTabs: (urls) => notifyTabs(browser, urls) });
  const own = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender, handlers, own));
  void registerQuickHighlight(browser);
  registerReadingCommands(browser);
  registerLibraryCommand(browser);
});
