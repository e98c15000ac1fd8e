import { startPageLayer } from '../../utils/content/loader';
import './style.css';

/**
 * Gloss in every web page: only the loader, which decides whether the page
 * needs the full layer (entrypoints/page-layer.ts) and imports it then.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT's start-up notice by postMessage would tell every page script its event names.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startPageLayer(ctx);
  },
});
