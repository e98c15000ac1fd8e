// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { AnnotationLayer } from '../../../utils/content/annotation-layer';
import { ArticleLayer } from '../../../utils/content/article-layer';
import type { Annotation } from '../../../utils/db/types';
import { Highlighter } from '../../../utils/content/highlighter';
import { pageTextMap } from '../../../utils/content/page-text';
import type { Analysis } from '../../../utils/analysis/types';

/** A stand-in for the CSS Custom Highlight API, which happy-dom lacks. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

beforeEach(() => {
  const highlights = new Map<string, FakeHighlight>();
  Object.defineProperty(window, 'Highlight', { value: FakeHighlight, configurable: true });
  Object.defineProperty(window, 'CSS', { value: { highlights }, configurable: true });
});

const registry = () => (window.CSS as unknown as { highlights: Map<string, FakeHighlight> }).highlights;

describe('pageTextMap', () => {
  it('reads the visible text of the body in order, blocks on their own lines, scripts and hidden parts skipped', () => {
    document.body.innerHTML =
      '<h1>Title</h1><script>var x = 1</script><p>One <b>two</b></p><div hidden>secret</div><ul><li>a</li><li>b<br>c</li></ul>';
    expect(pageTextMap(document).text).toBe('Title\nOne two\na\nb\nc');
  });

  it('skips Gloss’s own UI', () => {
    document.body.innerHTML = '<p>Page</p><div id="ui">Toolbar</div>';
    expect(pageTextMap(document, document.getElementById('ui')).text).toBe('Page');
  });

  it('survives very deep nesting', () => {
    document.body.innerHTML = '<div>'.repeat(5000) + 'deep' + '</div>'.repeat(5000);
    expect(pageTextMap(document).text).toBe('deep');
  });
});

describe('ArticleLayer', () => {
  it('paints quotes and entities by kind with priorities, and steps through mentions', async () => {
    document.body.innerHTML = '<p>"We must," Wang Yi said. Wang left.</p>';
    const map = pageTextMap(document);
    const analysis: Analysis = {
      quotes: [{ start: 1, end: 9, text: 'We must,', speaker: 'Wang Yi' }],
      entities: [
        { start: 11, end: 18, text: 'Wang Yi', type: 'PER', group: 0 },
        { start: 25, end: 29, text: 'Wang', type: 'PER', group: 0 },
      ],
      entityGroups: [
        {
          type: 'PER',
          name: 'Wang Yi',
          mentions: [
            { start: 11, end: 18 },
            { start: 25, end: 29 },
          ],
        },
      ],
    };
    const layer = new ArticleLayer(new Highlighter());
    expect(await layer.show(map, analysis, false)).toBe(true);
    const quote = registry().get('gloss-quote')!;
    expect([...quote].map((r) => r.toString())).toEqual(['We must,']);
    expect([...registry().get('gloss-per')!].map((r) => r.toString())).toEqual(['Wang Yi', 'Wang']);
    expect(quote.priority).toBeGreaterThan(registry().get('gloss-per')!.priority);
    expect(layer.quotes).toEqual([{ index: 0, text: 'We must,', speaker: 'Wang Yi' }]);
    expect(layer.entities).toEqual([{ index: 0, name: 'Wang Yi', type: 'PER', count: 2 }]);
    expect(layer.rangeOf('entity', 0, 1)!.toString()).toBe('Wang');
    expect(layer.rangeOf('entity', 0, 2)!.toString()).toBe('Wang Yi');

    expect(await layer.show(map, analysis, true)).toBe(true);
    expect(registry().has('gloss-quote')).toBe(false);
    expect(registry().has('gloss-quote-dark')).toBe(true);
    layer.clear();
    expect(registry().size).toBe(0);
  });
});

describe('AnnotationLayer', () => {
  it('paints a highlight saved on a dark page in the dark colours at once, not only after a reload', () => {
    document.body.innerHTML = '<p>Dialogue should replace confrontation.</p>';
    const text = document.body.querySelector('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 8);
    const layer = new AnnotationLayer(new Highlighter());
    layer.add({ id: 'a', color: 'green' } as Annotation, range, true);
    expect([...registry().keys()]).toEqual(['gloss-user-green-dark']);
  });
});
