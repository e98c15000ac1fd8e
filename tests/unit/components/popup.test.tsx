// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntitiesPanel } from '../../../components/popup/EntitiesPanel';
import { groupBySpeaker, QuotesPanel } from '../../../components/popup/QuotesPanel';
import type { PageHandle } from '../../../components/popup/use-page';
import { parseTags } from '../../../components/TagInput';
import type { PageState } from '../../../utils/messaging/protocol';

const state: PageState = {
  url: 'https://news.example/a',
  status: 'article',
  isNews: true,
  names: true,
  metadata: null,
  quotes: [
    { index: 0, text: 'We must,', speaker: 'Wang Yi' },
    { index: 1, text: 'No comment,', speaker: null },
    { index: 2, text: 'Reject it.', speaker: 'Wang Yi' },
    { index: 3, text: 'Later.', speaker: 'Ana Ruiz' },
  ],
  entities: [
    { index: 0, name: 'Wang Yi', type: 'PER', count: 3 },
    { index: 1, name: 'Beijing', type: 'LOC', count: 1 },
  ],
  annotations: [],
};

function handle(): PageHandle & { ask: ReturnType<typeof vi.fn> } {
  return { tabId: 1, state, problem: null, ask: vi.fn(async () => true), reload: () => {} };
}

afterEach(() => render(null, document.body));

describe('popup panels', () => {
  it('groups quotations by speaker, most quoted first, unknown speakers last', () => {
    expect(groupBySpeaker(state.quotes).map((g) => [g.speaker, g.quotes.length])).toEqual([
      ['Wang Yi', 2],
      ['Ana Ruiz', 1],
      [null, 1],
    ]);
  });

  it('shows each quotation without its trailing comma and scrolls to it on click', () => {
    const page = handle();
    act(() => render(<QuotesPanel page={page} />, document.body));
    const buttons = [...document.querySelectorAll('button.quote')];
    expect(buttons.map((b) => b.textContent)).toEqual(['“We must”', '“Reject it.”', '“Later.”', '“No comment”']);
    act(() => (buttons[1] as HTMLButtonElement).click());
    expect(page.ask).toHaveBeenCalledWith('page:reveal', { kind: 'quote', index: 2 });
  });

  it('steps through an entity’s mentions, one click at a time', () => {
    const page = handle();
    act(() => render(<EntitiesPanel page={page} />, document.body));
    const chip = document.querySelector('[data-type="PER"] .chip') as HTMLButtonElement;
    act(() => chip.click());
    act(() => chip.click());
    expect(page.ask.mock.calls.map((c) => c[1])).toEqual([
      { kind: 'entity', index: 0, step: 0 },
      { kind: 'entity', index: 0, step: 1 },
    ]);
  });

  it('says that names are analysed in English only on a page in another language', () => {
    const german = {
      ...state,
      names: false,
      entities: [],
      metadata: { lang: 'de-DE', language: 'de' } as PageState['metadata'],
    };
    act(() => render(<EntitiesPanel page={{ ...handle(), state: german }} />, document.body));
    expect(document.body.textContent).toContain('Names are analysed in English only; this page is in German');
  });

  it('says so when the article has no quotations', () => {
    const page = { ...handle(), state: { ...state, quotes: [] } };
    act(() => render(<QuotesPanel page={page} />, document.body));
    expect(document.body.textContent).toContain('No direct quotations found');
  });
});

describe('parseTags', () => {
  it('splits on commas and spaces, drops # and duplicates', () => {
    expect(parseTags(' rights, #un  un,,climate ')).toEqual(['rights', 'un', 'climate']);
  });
});
