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

export default defineConfig({
  outDir: process.env.GLOSS_TEST_QUOTA ? '.output/quota-test' : '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
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
      'open-library': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open the Gloss library',
      },
    },
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
