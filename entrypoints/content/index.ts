import { startPageLayer } from '../../utils/content/loader';
import './style.css';

/**
 * Gloss in every web page: only the loader, which decides whether the page
 * needs the full layer (entrypoints/page-layer.ts) and imports it then.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // As soon as the DOM is parsed (document_idle waits up to 200 ms more in Chrome); the loader yields
  // a task before judging the page, and analysis waits for nothing of the page's own.
  runAt: 'document_end',
  // WXT's start-up notice by postMessage would tell every page script its event names.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startPageLayer(ctx);
  },
});
