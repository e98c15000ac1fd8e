/** Live pages in Chromium: late and replaced paragraphs, and in-page navigation, get the right highlights. */
import { afterAll, beforeAll, describe } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { liveTests } from './harness/live';
import { ROOTS, serve } from './harness/server';
import { chromiumTab } from './harness/twins';

let session: ChromiumSession;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('live pages in Chromium', () => {
  liveTests(
    () => chromiumTab(session),
    () => server.origin,
  );
});
