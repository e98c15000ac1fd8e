// Printed after `npm run setup`: where the built extension is and how to load it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const chrome = resolve('.output/chrome-mv3');
const firefox = resolve('.output/firefox-mv2');
for (const dir of [chrome, firefox]) {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    console.error(`Build missing: ${dir}`);
    process.exit(1);
  }
}
console.log(`
Gloss is built.
  Chrome/Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked" and choose
    ${chrome}
  Firefox: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…" and choose
    ${firefox}/manifest.json
`);
