import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * Gloss's build. The CSS Custom Highlight API sets the floor for browser
 * versions: Chrome 105, Firefox 140.
 */
/** The extension pages' CSP: packaged scripts only, no plugins, no requests beyond the extension itself. */
const EXTENSION_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "img-src 'self' data: blob:",
].join('; ');

/** What content scripts may import: the full page layer, and only into http(s) pages (where the content script runs). */
const PAGE_LAYER = 'page-layer.js';
const PAGES = ['http://*/*', 'https://*/*'];

export default defineConfig({
  outDir: process.env.GLOSS_TEST_QUOTA ? '.output/quota-test' : '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The every-page content script uses the extension APIs it needs directly (`chrome.*`/`browser.*`,
    // through WXT's unpolyfilled `@wxt-dev/browser`), so that it does not carry webextension-polyfill;
    // everything else, the full page layer included, keeps the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      config.resolve ??= {};
      const alias = config.resolve.alias;
      const target = '@wxt-dev/browser';
      if (Array.isArray(alias)) {
        config.resolve.alias = [{ find: 'wxt/browser', replacement: target }, ...alias];
      } else {
        config.resolve.alias = { ...(alias as Record<string, string> | undefined), 'wxt/browser': target };
      }
    },
  },
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description: 'See who is quoted in a news story, who and what it names, and keep your own notes on it.',
    // The quota test builds without unlimitedStorage (GLOSS_TEST_QUOTA=1), since with it the origin has no quota to fill.
    // contextMenus: "Highlight with Gloss" on a selection.
    permissions: ['storage', 'contextMenus', ...(process.env.GLOSS_TEST_QUOTA ? [] : ['unlimitedStorage'])],
    commands: {
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text',
      },
      // Chrome allows four suggested keys in all; every command can be given a key in the browser's shortcut settings.
      'next-quotation': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: 'Go to the next quotation, with its card',
      },
      // No suggested key (Chrome allows four): the reader may give it one.
      'previous-quotation': {
        description: 'Go to the previous quotation, with its card',
      },
      'toggle-marks': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: "Hide or show all of Gloss's marks",
      },
      'open-library': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open the Gloss library',
      },
    },
    // The full page layer, imported by the content script where a page needs it (docs/ARCHITECTURE.md).
    web_accessible_resources: browser === 'firefox' ? [PAGE_LAYER] : [{ resources: [PAGE_LAYER], matches: PAGES }],
    // Gloss's own pages run only its packaged code and reach nothing outside the extension.
    content_security_policy: browser === 'firefox' ? EXTENSION_CSP : { extension_pages: EXTENSION_CSP },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gloss@gloss.invalid',
              strict_min_version: '140.0',
              // Gloss collects nothing: all data stays in the reader's browser.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '105' }),
  }),
});
