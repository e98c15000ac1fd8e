// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { noteAtSelection } from '../../../utils/content/edit-highlight';
import { highlightSelection } from '../../../utils/content/watch-selection';
import type { PageSession } from '../../../utils/content/session';
import type { Annotation } from '../../../utils/db/types';

function rangeOf(text: Text, start: number, end: number): Range {
  const r = document.createRange();
  r.setStart(text, start);
  r.setEnd(text, end);
  return r;
}

describe('noteAtSelection', () => {
  it('finds the reader’s highlight holding the caret or the selection, the shortest where they overlap', () => {
    document.body.innerHTML = '<p>The clinic reopened on Monday after the floods.</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const note = (id: string, start: number, end: number) => ({
      annotation: { id } as Annotation,
      range: rangeOf(text, start, end),
    });
    const painted = [note('long', 4, 33), note('short', 11, 19)];
    const session = { notes: { painted: () => painted } } as unknown as PageSession;
    const select = (start: number, end: number) => {
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(rangeOf(text, start, end));
    };
    select(13, 13); // a caret in "reopened"
    expect(noteAtSelection(session)?.annotation.id).toBe('short');
    select(5, 9); // "clinic"
    expect(noteAtSelection(session)?.annotation.id).toBe('long');
    select(2, 9); // starts outside every highlight
    expect(noteAtSelection(session)).toBeNull();
    getSelection()!.removeAllRanges();
    expect(noteAtSelection(session)).toBeNull();
  });
});

describe('the highlight shortcut on overlapping highlights', () => {
  it('opens the shortest holding the caret, then the next on each press', async () => {
    document.body.innerHTML = '<p>The clinic reopened on Monday after the floods.</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const painted = [
      { annotation: { id: 'long' } as Annotation, range: rangeOf(text, 4, 33) },
      { annotation: { id: 'short' } as Annotation, range: rangeOf(text, 11, 19) },
    ];
    let editing: string | null = null;
    const opened: string[] = [];
    const session = {
      status: 'article',
      notes: { painted: () => painted },
      overlay: {
        get editing() {
          return editing;
        },
        showEditor: async (state: { annotation: Annotation }) => {
          editing = state.annotation.id;
          opened.push(editing);
        },
      },
    } as unknown as PageSession;
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(rangeOf(text, 13, 13));
    for (let i = 0; i < 3; i++) expect(await highlightSelection(session, false)).toBe(true);
    expect(opened).toEqual(['short', 'long', 'short']);
  });
});
