/**
 * Paints ranges with the CSS Custom Highlight API. Knows nothing of quotes or
 * annotations: it holds named layers of ranges and registers them in
 * `CSS.highlights`, so no element of the page is touched.
 */

/** The window type, with the globals this module uses. */
type GlossWindow = Window & typeof globalThis;

/** Whether this browser can paint highlights at all. */
export function highlightsSupported(win: GlossWindow = window): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
}

/** A set of named highlight layers owned by Gloss (all names start with `gloss-`). */
export class Highlighter {
  private names = new Set<string>();

  constructor(private readonly win: GlossWindow = window) {}

  /** Replaces the ranges of layer `name`; an empty list removes the layer. */
  set(name: string, ranges: AbstractRange[], priority: number): void {
    if (!highlightsSupported(this.win)) return;
    const registry = this.win.CSS.highlights;
    if (ranges.length === 0) {
      registry.delete(name);
      this.names.delete(name);
      return;
    }
    const highlight = new this.win.Highlight(...ranges);
    highlight.priority = priority;
    registry.set(name, highlight);
    this.names.add(name);
  }

  /** Removes every layer whose name starts with `prefix` (all layers by default). */
  clear(prefix = ''): void {
    for (const name of [...this.names]) if (name.startsWith(prefix)) this.set(name, [], 0);
  }
}

/**
 * Whether the page is dark, judged from the first opaque background of the
 * body or the root element. Highlight colours are chosen to read on it.
 */
export function isDarkPage(doc: Document = document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const rgba = view
      .getComputedStyle(el)
      .backgroundColor.match(/[\d.]+/g)
      ?.map(Number);
    if (!rgba || rgba.length < 3 || rgba[3] === 0) continue;
    const [r, g, b] = rgba;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
  }
  return view.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}
