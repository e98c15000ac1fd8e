import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  isShown,
  MARK_KINDS,
  setKindShown,
  toggleAllMarks,
  toggledAll,
  visibility,
  withKind,
} from '../../../utils/settings';
import { Highlighter } from '../../../utils/content/highlighter';
import { hiddenPrefixes } from '../../../utils/content/watch-visibility';
import { registerReadingCommands } from '../../../utils/background/reading-commands';

beforeEach(() => fakeBrowser.reset());

describe('which marks the reader sees', () => {
  it('shows everything at first; hides and shows one kind, remembered in storage', async () => {
    expect(MARK_KINDS.every((k) => isShown({ hidden: [], allHidden: false }, k))).toBe(true);
    await setKindShown('org', false);
    await setKindShown('user', false);
    expect(await visibility.getValue()).toEqual({ hidden: ['org', 'user'], allHidden: false });
    await setKindShown('org', true);
    expect(await visibility.getValue()).toEqual({ hidden: ['user'], allHidden: false });
    expect(await fakeBrowser.storage.local.get('visibility')).toEqual({
      visibility: { hidden: ['user'], allHidden: false },
    });
  });

  it('the shortcut hides every mark, then brings back the reader’s own choice', async () => {
    await setKindShown('misc', false);
    expect(await toggleAllMarks()).toEqual({ hidden: ['misc'], allHidden: true });
    expect(MARK_KINDS.some((k) => isShown(toggledAll({ hidden: [], allHidden: false }), k))).toBe(false);
    expect(await toggleAllMarks()).toEqual({ hidden: ['misc'], allHidden: false });
    // Everything hidden one by one: the shortcut shows everything.
    expect(toggledAll({ hidden: [...MARK_KINDS], allHidden: false })).toEqual({ hidden: [], allHidden: false });
    // Choosing a kind while all are hidden ends "all hidden".
    expect(withKind({ hidden: ['misc'], allHidden: true }, 'per', true)).toEqual({
      hidden: ['misc'],
      allHidden: false,
    });
  });
});

describe('the highlighter hides layers by prefix', () => {
  it('keeps hidden layers’ ranges and paints them again when shown', () => {
    const registry = new Map<string, Set<unknown>>();
    class FakeHighlight extends Set<unknown> {
      priority = 0;
      constructor(...r: unknown[]) {
        super(r);
      }
    }
    const win = { Highlight: FakeHighlight, CSS: { highlights: registry } } as unknown as Window & typeof globalThis;
    const h = new Highlighter(win);
    const range = {} as AbstractRange;
    h.set('gloss-per', [range], 10);
    h.set('gloss-quote-dark', [range], 20);
    h.set('gloss-user-pink', [range], 30);
    h.hide(hiddenPrefixes({ hidden: ['quote', 'user'], allHidden: false }));
    expect([...registry.keys()]).toEqual(['gloss-per']);
    h.set('gloss-user-green', [range], 30); // saved while hidden: not painted
    expect([...registry.keys()]).toEqual(['gloss-per']);
    h.hide(hiddenPrefixes({ hidden: [], allHidden: true }));
    expect(registry.size).toBe(0);
    h.hide([]);
    expect([...registry.keys()].sort()).toEqual([
      'gloss-per',
      'gloss-quote-dark',
      'gloss-user-green',
      'gloss-user-pink',
    ]);
    expect(registry.get('gloss-quote-dark')).toMatchObject({ priority: 20 });
  });
});

describe('reading commands', () => {
  it('walks quotations in the command’s tab (or the active one) and toggles the marks', async () => {
    const listeners: ((c: string, tab?: { id?: number }) => void)[] = [];
    const walk = vi.fn(async () => true);
    const toggle = vi.fn(async () => {});
    registerReadingCommands(
      {
        commands: { onCommand: { addListener: (l: never) => listeners.push(l) } } as never,
        tabs: { query: async () => [{ id: 7 }] } as never,
      },
      { walk, toggle },
    );
    listeners[0]!('next-quotation', { id: 3 });
    listeners[0]!('previous-quotation', undefined);
    listeners[0]!('toggle-marks', { id: 3 });
    listeners[0]!('highlight-selection', { id: 3 });
    await new Promise((r) => setTimeout(r, 0));
    expect(walk.mock.calls).toEqual([
      [3, 1],
      [7, -1],
    ]);
    expect(toggle).toHaveBeenCalledOnce();
  });
});
