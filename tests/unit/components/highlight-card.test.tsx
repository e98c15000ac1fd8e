// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ColourPicker } from '../../../components/ColourPicker';
import { HighlightCard } from '../../../components/HighlightCard';
import { HoverCard, type HoverEntry } from '../../../components/HoverCard';
import { completeTag, parseTags, suggestTags, TagInput } from '../../../components/TagInput';
import type { Annotation } from '../../../utils/db/types';

/** Dispatches an event as the reader's own (happy-dom has no `isTrusted`; Gloss's UI ignores events without it). */
function trusted<E extends Event>(target: EventTarget, event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  act(() => void target.dispatchEvent(event));
  return event;
}
const key = (target: EventTarget, k: string, init: KeyboardEventInit = {}) =>
  trusted(target, new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
const click = (target: EventTarget) => trusted(target, new MouseEvent('click', { bubbles: true, cancelable: true }));
const type = (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  input.value = value;
  act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
};
const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector(selector) as T;
const flush = () => act(async () => await new Promise((r) => setTimeout(r, 0)));

afterEach(() => render(null, document.body));

describe('tag completion', () => {
  const known = ['human rights', 'Health', 'economy', 'rights-law', 'un'];

  it('offers tags starting with the word typed, then tags with a word starting with it, then containing it', () => {
    expect(suggestTags('ri', known)).toEqual(['rights-law', 'human rights']);
    expect(suggestTags('he', known)).toEqual(['Health']);
    expect(suggestTags('con', known)).toEqual(['economy']);
    expect(suggestTags('', known)).toEqual([]);
    expect(suggestTags('#u', known)).toEqual(['un', 'human rights']);
  });

  it('leaves out tags already entered and the one typed in full', () => {
    expect(suggestTags('health, e', known)).toEqual(['economy']);
    expect(suggestTags('un, u', known)).toEqual(['human rights']);
    expect(suggestTags('un', known)).toEqual([]);
  });

  it('puts the chosen tag in place of the word typed, ready for the next', () => {
    expect(completeTag('economy, hea', 'Health')).toBe('economy, Health, ');
    expect(completeTag('#hea', 'Health')).toBe('Health, ');
    expect(parseTags(completeTag('economy, hea', 'Health'))).toEqual(['economy', 'Health']);
  });

  it('asks for the reader’s tags once, on focus; the keys choose without saving or closing the card', async () => {
    const loadTags = vi.fn(async () => known);
    let value = '';
    const outer = vi.fn();
    const draw = () =>
      render(
        <div onKeyDown={outer}>
          <TagInput
            value={value}
            onInput={(v) => {
              value = v;
              draw();
            }}
            loadTags={loadTags}
          />
        </div>,
        document.body,
      );
    act(draw);
    const input = $<HTMLInputElement>('input');
    act(() => void input.dispatchEvent(new FocusEvent('focus')));
    act(() => void input.dispatchEvent(new FocusEvent('focus')));
    await flush();
    expect(loadTags).toHaveBeenCalledTimes(1);
    type(input, 'economy, h');
    // Most used first among equals.
    expect([...document.querySelectorAll('[role="option"]')].map((o) => o.textContent)).toEqual([
      'human rights',
      'Health',
      'rights-law',
    ]);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toMatch(/-1$/);
    key(input, 'Enter');
    expect(value).toBe('economy, Health, ');
    expect(outer).not.toHaveBeenCalledWith(expect.objectContaining({ key: 'Enter' }));
    type(input, 'economy, Health, e');
    expect(document.querySelector('[role="listbox"]')).toBeNull(); // economy is entered already
    type(input, 'economy, Health, u');
    key(input, 'Escape');
    expect(document.querySelector('[role="listbox"]')).toBeNull();
    expect(outer).not.toHaveBeenCalledWith(expect.objectContaining({ key: 'Escape' }));
    // Enter with no suggestion chosen goes on to the form (which saves).
    key(input, 'Enter');
    expect(outer).toHaveBeenCalledWith(expect.objectContaining({ key: 'Enter' }));
  });
});

describe('the colour choice', () => {
  it('is one tab stop; the arrow keys move and choose', () => {
    const onChange = vi.fn();
    act(() => render(<ColourPicker value="blue" onChange={onChange} />, document.body));
    const radios = [...document.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
    expect(radios.map((r) => r.tabIndex)).toEqual([-1, -1, 0, -1, -1]);
    expect(radios.map((r) => r.title)).toEqual([
      'yellow, fill only',
      'green, underlined',
      'blue, double underline',
      'pink, wavy underline',
      'purple, dotted underline',
    ]);
    key(radios[2], 'ArrowRight');
    key(radios[2], 'ArrowLeft');
    key(radios[2], 'ArrowUp');
    expect(onChange.mock.calls.map((c) => c[0])).toEqual(['pink', 'green', 'green']);
  });
});

describe('the card of one of the reader’s highlights', () => {
  const annotation: Annotation = {
    id: '8c1f6a2e-8d41-4b6a-9d7e-0c3e1f1a2b3c',
    url: 'https://news.example/a',
    createdAt: 1,
    updatedAt: 1,
    target: {
      source: 'https://news.example/a',
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: 'raised foundations', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 18 },
      },
    },
    exact: 'raised foundations',
    color: 'yellow',
    note: 'Dry',
    tags: ['floods'],
  };

  function open(overrides: Partial<Parameters<typeof HighlightCard>[0]> = {}) {
    const props = {
      annotation,
      at: { x: 100, y: 100 },
      loadTags: async () => [],
      onSave: vi.fn(async () => {}),
      onDelete: vi.fn(async () => {}),
      onUndo: vi.fn(async () => {}),
      onClose: vi.fn(),
      onDirty: vi.fn(),
      ...overrides,
    };
    act(() => render(<HighlightCard {...props} />, document.body));
    return props;
  }

  it('shows the note, tags and colour, with the note focused', () => {
    open();
    expect($<HTMLTextAreaElement>('[aria-label="Note"]').value).toBe('Dry');
    expect($<HTMLInputElement>('[aria-label="Tags"]').value).toBe('floods');
    expect($('[role="radio"][aria-checked="true"]').getAttribute('aria-label')).toBe('yellow');
    expect(document.activeElement).toBe($('[aria-label="Note"]'));
  });

  it('saves the reader’s changes on Ctrl+Enter, and says when something is not saved yet', async () => {
    const props = open();
    type($('[aria-label="Note"]'), 'Built to stay dry ');
    type($('[aria-label="Tags"]'), 'floods, #resilience');
    click($('[role="radio"][aria-label="blue"]'));
    expect(props.onDirty).toHaveBeenLastCalledWith(true);
    key($('[aria-label="Note"]'), 'Enter', { ctrlKey: true });
    await flush();
    expect(props.onSave).toHaveBeenCalledWith({
      color: 'blue',
      note: 'Built to stay dry',
      tags: ['floods', 'resilience'],
    });
  });

  it('closes on Escape without saving, and Save with nothing changed just closes', () => {
    const props = open();
    type($('[aria-label="Note"]'), 'draft');
    key($('[aria-label="Note"]'), 'Escape');
    expect(props.onClose).toHaveBeenCalledTimes(1);
    expect(props.onSave).not.toHaveBeenCalled();
    act(() => render(null, document.body));
    const again = open();
    click($('[data-action="save"]'));
    expect(again.onSave).not.toHaveBeenCalled();
    expect(again.onClose).toHaveBeenCalledTimes(1);
  });

  it('deletes, then offers Undo with the focus on it', async () => {
    const props = open();
    click($('[data-action="delete"]'));
    await flush();
    expect(props.onDelete).toHaveBeenCalledTimes(1);
    expect($('[role="status"]').textContent).toBe('Highlight deleted.');
    expect(document.activeElement).toBe($('[data-action="undo"]'));
    key($('[data-action="undo"]'), 'Enter');
    await flush();
    expect(props.onUndo).toHaveBeenCalledTimes(1);
    expect($<HTMLTextAreaElement>('[aria-label="Note"]').value).toBe('Dry');
  });

  it('shows why a save failed and keeps what the reader typed', async () => {
    open({ onSave: vi.fn(async () => Promise.reject(new Error('The browser has no more room.'))) });
    type($('[aria-label="Note"]'), 'Kept');
    click($('[data-action="save"]'));
    await flush();
    expect($('[role="alert"]').textContent).toBe('The browser has no more room.');
    expect($<HTMLTextAreaElement>('[aria-label="Note"]').value).toBe('Kept');
  });

  it('ignores clicks and keys a page script makes up', async () => {
    const props = open();
    type($('[aria-label="Note"]'), 'forged');
    act(() => void $('[data-action="delete"]').dispatchEvent(new MouseEvent('click', { bubbles: true })));
    act(
      () =>
        void $('[aria-label="Note"]').dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
        ),
    );
    await flush();
    expect(props.onDelete).not.toHaveBeenCalled();
    expect(props.onSave).not.toHaveBeenCalled();
  });
});

describe('the hover card', () => {
  it('stacks every mark under the pointer, topmost first', () => {
    const entries: HoverEntry[] = [
      { kind: 'quote', title: 'Quotation', detail: 'Daniel Okafor' },
      { kind: 'entity', title: 'Person', detail: 'Maria Santos', meta: '1 mention in this article' },
    ];
    act(() => render(<HoverCard entries={entries} x={10} y={10} />, document.body));
    expect([...document.querySelectorAll('.card-entry')].map((e) => e.textContent)).toEqual([
      'QuotationDaniel Okafor',
      'PersonMaria Santos1 mention in this article',
    ]);
  });

  it('offers its actions and a plain Wikipedia link; the arrow keys move between the stack’s entries; Escape closes', () => {
    const next = vi.fn();
    const onClose = vi.fn();
    const entries: HoverEntry[] = [
      {
        kind: 'quote',
        title: 'Quotation',
        detail: 'Daniel Okafor',
        actions: [{ id: 'next-quote', label: 'Next quotation ›', title: 'Next', run: next }],
      },
      {
        kind: 'entity',
        title: 'Place',
        detail: 'Port Ellis',
        link: { href: 'https://en.wikipedia.org/w/index.php?search=Port%20Ellis', label: 'Search Wikipedia' },
      },
    ];
    act(() =>
      render(
        <HoverCard entries={entries} x={10} y={10} focus={{ entry: 0, action: 'next-quote' }} onClose={onClose} />,
        document.body,
      ),
    );
    const button = $('[data-action="next-quote"]');
    expect(document.activeElement).toBe(button);
    act(() => button.click());
    expect(next).toHaveBeenCalledOnce();
    trusted(button, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(next).toHaveBeenCalledTimes(2);
    const link = $('a') as HTMLAnchorElement;
    expect([link.target, link.rel, link.href]).toEqual([
      '_blank',
      'noreferrer noopener',
      'https://en.wikipedia.org/w/index.php?search=Port%20Ellis',
    ]);
    trusted(button, new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).toBe(link);
    trusted(link, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
