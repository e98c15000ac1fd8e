// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NoteItem } from '../../../components/popup/NoteItem';
import { ShowMarks } from '../../../components/popup/ShowMarks';
import type { Annotation } from '../../../utils/db/types';
import { visibility } from '../../../utils/settings';

const flush = () => act(() => new Promise((r) => setTimeout(r, 10)));

beforeEach(() => fakeBrowser.reset());
afterEach(() => render(null, document.body));

describe('the popup’s show/hide choices', () => {
  it('ticks each kind as stored, stores a change, and follows changes made elsewhere', async () => {
    await visibility.setValue({ hidden: ['org'], allHidden: false });
    act(() => render(<ShowMarks />, document.body));
    await flush();
    const box = (k: string) => document.querySelector<HTMLInputElement>(`input[data-kind="${k}"]`)!;
    expect([...document.querySelectorAll('label')].map((l) => l.textContent)).toEqual([
      'Quotations',
      'People',
      'Organisations',
      'Places',
      'Other names',
      'Your highlights',
    ]);
    expect([box('quote').checked, box('org').checked]).toEqual([true, false]);
    act(() => box('user').click());
    await flush();
    expect(await visibility.getValue()).toEqual({ hidden: ['org', 'user'], allHidden: false });
    await visibility.setValue({ hidden: ['org', 'user'], allHidden: true }); // the shortcut, in another window
    await flush();
    expect(box('quote').checked).toBe(false);
    expect(document.querySelector('.hint')?.textContent).toMatch(/keyboard shortcut/);
  });
});

describe('the popup’s note editor', () => {
  it('completes tags from the ones the reader has used', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) =>
      message.type === 'tags:list' ? { ok: true, value: ['flooding', 'healthcare', 'fleet'] } : undefined) as never);
    const annotation = { id: 'a', exact: 'raised', note: '', tags: [], color: 'yellow' } as unknown as Annotation;
    act(() => render(<NoteItem annotation={annotation} onEdit={async () => {}} />, document.body));
    act(() => document.querySelector<HTMLButtonElement>('[aria-label="Edit note"]')!.click());
    const tags = document.querySelector<HTMLInputElement>('input[aria-label="Tags"]')!;
    act(() => void tags.dispatchEvent(new FocusEvent('focus')));
    await flush();
    tags.value = 'fl';
    act(() => void tags.dispatchEvent(new InputEvent('input', { bubbles: true })));
    await flush();
    expect([...document.querySelectorAll('[role="option"]')].map((o) => o.textContent)).toEqual(['flooding', 'fleet']);
  });
});
