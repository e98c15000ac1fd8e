import { describe, expect, it, vi } from 'vitest';
import { notifyTabs, type TabsApi } from '../../../utils/background/notify-tabs';

describe('notifyTabs', () => {
  it('tells the tabs showing a changed page, and tabs whose address it cannot see; never others', async () => {
    const sendMessage = vi.fn(async (id: number, _message: unknown) => {
      if (id === 4) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true };
    });
    const api = {
      tabs: {
        query: async () => [
          { id: 1, url: 'https://news.example.com/a?utm_source=x#part' },
          { id: 2, url: 'https://news.example.com/other' },
          { id: 3 },
          { id: 4, url: 'https://news.example.com/a' },
          { id: 5, url: 'chrome://extensions' },
        ],
        sendMessage,
      },
    } as unknown as TabsApi;
    await notifyTabs(api, ['https://news.example.com/a']);
    expect(sendMessage.mock.calls.map((c) => c[0]).sort()).toEqual([1, 3, 4]);
    expect(sendMessage.mock.calls[0]![1]).toEqual({ gloss: 1, type: 'page:annotations-changed', payload: {} });
  });

  it('tells nobody when nothing changed', async () => {
    const query = vi.fn(async () => []);
    await notifyTabs({ tabs: { query, sendMessage: vi.fn() } } as unknown as TabsApi, []);
    expect(query).not.toHaveBeenCalled();
  });
});
