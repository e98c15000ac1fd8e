// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { highlightableRange } from '../../../utils/content/selection';

function select(node: Node, start: number, end: number): void {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

describe('highlightableRange', () => {
  it('offers text selected in the page', () => {
    document.body.innerHTML = '<p>Fairness and justice</p>';
    select(document.querySelector('p')!.firstChild!, 0, 8);
    expect(highlightableRange(document)!.toString()).toBe('Fairness');
  });

  it('offers nothing for an empty or blank selection', () => {
    document.body.innerHTML = '<p>a   b</p>';
    select(document.querySelector('p')!.firstChild!, 1, 1);
    expect(highlightableRange(document)).toBeNull();
    select(document.querySelector('p')!.firstChild!, 1, 4);
    expect(highlightableRange(document)).toBeNull();
  });

  it('stays out of editors', () => {
    document.body.innerHTML = '<div contenteditable="true"><p>Draft text</p></div>';
    select(document.querySelector('p')!.firstChild!, 0, 5);
    expect(highlightableRange(document)).toBeNull();
  });
});
