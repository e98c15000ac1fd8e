import { describe, expect, it, vi } from 'vitest';
import { registerQuickHighlight, type QuickHighlightApi } from '../../../utils/background/quick-highlight';

type Listener = (...args: unknown[]) => void;

function fakeApi() {
  const clicked: Listener[] = [];
  const commanded: Listener[] = [];
  const api = {
    contextMenus: {
      create: vi.fn(),
      removeAll: vi.fn(async () => {}),
      onClicked: { addListener: (l: Listener) => clicked.push(l) },
    },
    commands: { onCommand: { addListener: (l: Listener) => commanded.push(l) } },
  };
  return { api: api as unknown as QuickHighlightApi, create: api.contextMenus.create, clicked, commanded };
}

describe('quick highlight: keyboard shortcut and context menu', () => {
  it('offers two items on a selection in web pages, registered afresh each start', async () => {
    const { api, create } = fakeApi();
    await registerQuickHighlight(api, async () => true);
    expect(create.mock.calls.map(([item]) => [item.id, item.title, item.contexts])).toEqual([
      ['gloss-highlight', 'Highlight with Gloss', ['selection']],
      ['gloss-highlight-note', 'Highlight with note…', ['selection']],
    ]);
  });

  it('asks the tab to highlight its selection: at once, or with the note open', async () => {
    const { api, clicked, commanded } = fakeApi();
    const send = vi.fn(async () => true);
    await registerQuickHighlight(api, send);
    clicked[0]!({ menuItemId: 'gloss-highlight' }, { id: 4 });
    clicked[0]!({ menuItemId: 'gloss-highlight-note' }, { id: 4 });
    commanded[0]!('highlight-selection', { id: 9 });
    commanded[0]!('another-command', { id: 9 });
    clicked[0]!({ menuItemId: 'gloss-highlight' }, undefined);
    expect(send.mock.calls).toEqual([
      [4, false],
      [4, true],
      [9, false],
    ]);
  });

  it('shrugs off a tab without Gloss', async () => {
    const { api, commanded } = fakeApi();
    const send = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await registerQuickHighlight(api, send);
    expect(() => commanded[0]!('highlight-selection', { id: 2 })).not.toThrow();
  });
});
