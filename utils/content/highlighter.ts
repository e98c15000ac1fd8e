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

/**
 * A set of named highlight layers owned by Gloss (all names start with
 * `gloss-`). Layers can be hidden by name prefix: they keep their ranges and
 * come back as they were when shown again.
 */
export class Highlighter {
  private layers = new Map<string, { ranges: AbstractRange[]; priority: number }>();
  /** The `Highlight` each shown layer has in the page's registry, to add ranges to. */
  private painted = new Map<string, Highlight>();
  private hiddenPrefixes: readonly string[] = [];

  constructor(private readonly win: GlossWindow = window) {}

  /** Replaces the ranges of layer `name`; an empty list removes the layer. */
  set(name: string, ranges: AbstractRange[], priority: number): void {
    if (ranges.length === 0) this.layers.delete(name);
    else this.layers.set(name, { ranges, priority });
    this.register(name);
  }

  /** Adds `ranges` to layer `name` (made with `priority` if there is none), painting them where it shows. */
  add(name: string, ranges: AbstractRange[], priority: number): void {
    const layer = this.layers.get(name);
    if (!layer) return this.set(name, [...ranges], priority);
    layer.ranges.push(...ranges);
    const highlight = this.painted.get(name);
    if (highlight) for (const range of ranges) highlight.add(range);
    else if (!this.isHidden(name)) this.register(name);
  }

  /** Hides every layer whose name starts with one of `prefixes`, and shows the others. */
  hide(prefixes: readonly string[]): void {
    this.hiddenPrefixes = prefixes;
    if (!highlightsSupported(this.win)) return;
    for (const name of this.layers.keys()) this.register(name);
  }

  /** Whether layer `name` is hidden (painted or not). */
  isHidden(name: string): boolean {
    return this.hiddenPrefixes.some((p) => name.startsWith(p));
  }

  /** Removes every layer whose name starts with `prefix` (all layers by default). */
  clear(prefix = ''): void {
    for (const name of [...this.layers.keys()]) if (name.startsWith(prefix)) this.set(name, [], 0);
  }

  /** Puts layer `name` in the page's registry as it should be now: painted, or absent. */
  private register(name: string): void {
    if (!highlightsSupported(this.win)) return;
    const registry = this.win.CSS.highlights;
    const layer = this.layers.get(name);
    if (!layer || this.isHidden(name)) {
      registry.delete(name);
      this.painted.delete(name);
      return;
    }
    const highlight = new this.win.Highlight(...layer.ranges);
    highlight.priority = layer.priority;
    registry.set(name, highlight);
    this.painted.set(name, highlight);
  }
}

/**
 * Whether the page is dark, judged from the first opaque background of the
 * body or the root element. Highlight colours are chosen to read on it.
 * Where both are transparent the canvas shows, and the canvas is light unless
 * the page opts into dark (`color-scheme` on its root, or
 * `<meta name="color-scheme">`): dark only, or dark and light where the
 * reader's system is dark. A page that declares nothing stays light whatever
 * the system's scheme, and so does Gloss on it.
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
  const css = doc.documentElement ? view.getComputedStyle(doc.documentElement).colorScheme : '';
  const meta = doc.querySelector('meta[name="color-scheme" i]')?.getAttribute('content') ?? '';
  const declared = (css && css !== 'normal' ? css : meta).toLowerCase();
  if (!/\bdark\b/.test(declared)) return false;
  if (!/\blight\b/.test(declared)) return true;
  return view.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}
