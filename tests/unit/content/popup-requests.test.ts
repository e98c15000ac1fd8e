import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerPopup } from '../../../utils/content/popup-requests';
import type { PageSession } from '../../../utils/content/session';

const request = { gloss: 1, type: 'page:state', payload: {} };
const session = {
  state: () => ({ status: 'article' }),
  notes: { settled: async () => {} },
} as unknown as PageSession;

beforeEach(() => {
  fakeBrowser.reset();
  answerPopup(session);
});

const ask = (sender: object) => fakeBrowser.runtime.onMessage.trigger(request, sender as never, () => {});

describe("the content script's answers to the popup", () => {
  it("answers Gloss's popup, also where it is open in a tab (Firefox gives it one)", async () => {
    const popup = fakeBrowser.runtime.getURL('/popup.html');
    expect(await ask({ id: fakeBrowser.runtime.id, url: popup })).toEqual([{ ok: true, value: { status: 'article' } }]);
    expect(await ask({ id: fakeBrowser.runtime.id, url: popup, tab: { id: 3 } })).toEqual([
      { ok: true, value: { status: 'article' } },
    ]);
  });

  it('ignores web pages and other extensions', async () => {
    expect(await ask({ id: fakeBrowser.runtime.id, url: 'https://news.example/a', tab: { id: 3 } })).toEqual([
      undefined,
    ]);
    expect(await ask({ id: fakeBrowser.runtime.id })).toEqual([undefined]);
    expect(await ask({ id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' })).toEqual([
      undefined,
    ]);
  });
});
