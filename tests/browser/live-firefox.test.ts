/** Live pages in Firefox: late and replaced paragraphs, and in-page navigation, get the right highlights. */
import { afterAll, beforeAll, describe } from 'vitest';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { liveTests } from './harness/live';
import { ROOTS, serve } from './harness/server';
import { firefoxTab } from './harness/twins';

let session: FirefoxSession;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve({ fixtures: ROOTS.fixtures });
  session = await launchFirefox();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('live pages in Firefox', () => {
  liveTests(
    () => firefoxTab(session),
    () => server.origin,
  );
});
