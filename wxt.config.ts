import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * Gloss's build. The CSS Custom Highlight API sets the floor for browser
 * versions: Chrome 105, Firefox 140.
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description: 'See who is quoted in a news story, who and what it names, and keep your own notes on it.',
    permissions: ['storage', 'unlimitedStorage'],
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
