// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { boundaryOffset, domPosition, textRange, TextMapBuilder } from '../../../utils/dom/text-map';

function mapOf(html: string) {
  document.body.innerHTML = html;
  const builder = new TextMapBuilder();
  for (const p of document.body.querySelectorAll('p')) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) builder.appendNode(n as Text);
    builder.separate();
  }
  return builder.build();
}

describe('TextMapBuilder', () => {
  it('collapses white space as a browser renders it and separates blocks with a blank line', () => {
    const map = mapOf('<p>  One   <b>two</b>\n  three </p><p>\tFour</p>');
    expect(map.text).toBe('One two three\n\nFour');
  });

  it('maps every text character back to its node and offset', () => {
    const map = mapOf('<p>  One   <b>two</b>\n  three </p><p>\tFour</p>');
    for (let i = 0; i < map.text.length; i++) {
      if (map.text[i] === '\n') continue;
      const pos = domPosition(map, i, 'start')!;
      const ch = pos.node.data[pos.offset];
      expect(/\s/.test(map.text[i]) ? /\s/.test(ch) : ch).toBe(/\s/.test(map.text[i]) ? true : map.text[i]);
    }
  });

  it('leaves soft hyphens out of the text and maps the word around them back onto the page', () => {
    const map = mapOf('<p>The news\u00ADpaper\u00AD\u00AD’s editor, \u00AD<b>Ana</b></p>');
    expect(map.text).toBe('The newspaper’s editor, Ana');
    const start = map.text.indexOf('newspaper');
    expect(textRange(map, start, start + 'newspaper'.length)!.toString()).toBe('news\u00ADpaper');
  });

  it('turns text offsets into live ranges across nodes and paragraphs', () => {
    const map = mapOf('<p>Wang <i>Yi</i> said</p><p>"We must," he said.</p>');
    const start = map.text.indexOf('Yi said');
    expect(textRange(map, start, start + 'Yi said'.length)!.toString()).toBe('Yi said');
    const across = textRange(map, map.text.indexOf('said'), map.text.indexOf('must') + 4)!;
    expect(across.toString()).toBe('said"We must');
    expect(textRange(map, 3, 3)).toBeNull();
  });

  it('finds the text offset of selection boundaries in text nodes and between elements', () => {
    const map = mapOf('<p>Alpha <b>beta</b> gamma</p><p>Delta</p>');
    const b = document.querySelector('b')!;
    expect(boundaryOffset(map, b.firstChild!, 2, 'start')).toBe(map.text.indexOf('ta gamma'));
    const p2 = document.querySelectorAll('p')[1];
    expect(boundaryOffset(map, p2, 0, 'start')).toBe(map.text.indexOf('Delta'));
    expect(boundaryOffset(map, document.querySelector('p')!, 3, 'end')).toBe(map.text.indexOf('\n\n'));
  });

  it('never starts or ends a selection on a block separator', () => {
    // Found by the anchoring property test: a paragraph selected up to the
    // start of the next one was saved with the separator, and came back without it.
    const map = mapOf('<p>One two</p><p>Three</p>');
    const [first, second] = [...document.querySelectorAll('p')].map((p) => p.firstChild!);
    expect(boundaryOffset(map, second, 0, 'end')).toBe(map.text.indexOf('\n\n'));
    expect(boundaryOffset(map, first, 7, 'start')).toBe(map.text.indexOf('Three'));
    expect(boundaryOffset(map, first, 7, 'end')).toBe(7);
    expect(boundaryOffset(map, second, 0, 'start')).toBe(map.text.indexOf('Three'));
  });

  it('builds an empty map from nothing', () => {
    expect(new TextMapBuilder().build()).toEqual({ text: '', segments: [] });
  });
});
