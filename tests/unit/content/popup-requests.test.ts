import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fromOwnPages } from '../../../utils/content/own-sender';
import { answerRequest } from '../../../utils/content/popup-requests';
import type { PageSession } from '../../../utils/content/session';

const request = { gloss: 1, type: 'page:state', payload: {} };
const session = {
  state: () => ({ status: 'article' }),
  notes: { settled: async () => {} },
} as unknown as PageSession;

beforeEach(() => {
  fakeBrowser.reset();
});

describe("the content script's answers to the popup", () => {
  it("answers Gloss's popup, also where it is open in a tab (Firefox gives it one)", async () => {
    const popup = fakeBrowser.runtime.getURL('/popup.html');
    expect(fromOwnPages({ id: fakeBrowser.runtime.id, url: popup })).toBe(true);
    expect(fromOwnPages({ id: fakeBrowser.runtime.id, url: popup, tab: { id: 3 } } as never)).toBe(true);
    expect(await answerRequest(session, request)).toEqual({ ok: true, value: { status: 'article' } });
  });

  it('ignores web pages and other extensions', () => {
    expect(fromOwnPages({ id: fakeBrowser.runtime.id, url: 'https://news.example/a' })).toBe(false);
    expect(fromOwnPages({ id: fakeBrowser.runtime.id })).toBe(false);
    expect(fromOwnPages({ id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' })).toBe(false);
  });

  it('answers only Gloss envelopes, and an unknown request with an error', async () => {
    expect(answerRequest(session, { type: 'page:state' })).toBeUndefined();
    expect(await answerRequest(session, { gloss: 1, type: 'page:nope', payload: {} })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });
});
