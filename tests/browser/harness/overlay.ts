/**
 * Gloss's in-page UI lives in a closed shadow root: page scripts cannot see
 * into it, and neither can Playwright's locators. The Chromium tests reach it
 * as DevTools does, through the DevTools protocol's pierced DOM, read it from
 * there, and act on it with the real mouse and keyboard, as a reader would.
 */
import type { CDPSession, Page } from 'playwright-core';

type DomNode = { nodeId: number; nodeName: string; children?: DomNode[]; shadowRoots?: DomNode[] };

export class Overlay {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async of(page: Page): Promise<Overlay> {
    return new Overlay(page, await page.context().newCDPSession(page));
  }

  /**
   * The node matching `selector` inside Gloss's shadow root, or null (also when
   * no UI is shown, or when the DOM changed under the query: node ids go stale).
   */
  private async find(selector: string): Promise<number | null> {
    try {
      return await this.query(selector);
    } catch {
      return null;
    }
  }

  private async query(selector: string): Promise<number | null> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const walk = (n: DomNode): DomNode | null =>
      n.nodeName === 'GLOSS-OVERLAY' ? n : (n.children ?? []).reduce<DomNode | null>((f, c) => f ?? walk(c), null);
    const shadow = walk(root)?.shadowRoots?.[0];
    if (!shadow) return null;
    const { nodeId } = await this.cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector });
    return nodeId || null;
  }

  /** Waits until `selector` is in the UI (or, with `gone`, no longer is). */
  async waitFor(selector: string, gone = false, timeout = 10_000): Promise<void> {
    const until = Date.now() + timeout;
    while (((await this.find(selector)) === null) !== gone) {
      if (Date.now() > until) throw new Error(`Overlay: ${selector} still ${gone ? 'shown' : 'missing'}`);
      await this.page.waitForTimeout(50);
    }
  }

  /** Runs `use` on the node matching `selector` once it is there, again if the DOM changed in between. */
  private async withNode<T>(selector: string, use: (nodeId: number) => Promise<T>, timeout = 10_000): Promise<T> {
    const until = Date.now() + timeout;
    for (;;) {
      const nodeId = await this.find(selector);
      if (nodeId !== null) {
        try {
          return await use(nodeId);
        } catch (err) {
          if (Date.now() > until) throw err;
        }
      } else if (Date.now() > until) throw new Error(`Overlay: ${selector} missing`);
      await this.page.waitForTimeout(50);
    }
  }

  /** Calls `fn` (a function's source, `this` the element) on the first element matching `selector`. */
  private call(selector: string, fn: string, args: string[] = []): Promise<unknown> {
    return this.withNode(selector, async (nodeId) => {
      const { object } = await this.cdp.send('DOM.resolveNode', { nodeId });
      const { result } = await this.cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: fn,
        arguments: args.map((value) => ({ value })),
        returnByValue: true,
      });
      return result.value;
    });
  }

  /** The text of the first element matching `selector`. */
  async text(selector: string): Promise<string> {
    return String((await this.call(selector, 'function () { return this.textContent; }')) ?? '');
  }

  /** What has the focus inside Gloss's UI: its `data-action`, else its tag name; null when nothing there has it. */
  async focused(): Promise<string | null> {
    const fn =
      'function () { const a = this.getRootNode().activeElement; return a ? a.dataset.action || a.tagName.toLowerCase() : null; }';
    return ((await this.call('.layer', fn)) as string | null) ?? null;
  }

  /** What has the focus inside Gloss's UI, as a reader hears it: its label, else its text; null when nothing there has it. */
  async focusedName(): Promise<string | null> {
    const fn =
      "function () { const a = this.getRootNode().activeElement; return a ? a.getAttribute('aria-label') || a.textContent.trim() : null; }";
    return ((await this.call('.layer', fn)) as string | null) ?? null;
  }

  /** An attribute of the first element matching `selector`. */
  async attribute(selector: string, name: string): Promise<string | null> {
    return (await this.call(selector, 'function (n) { return this.getAttribute(n); }', [name])) as string | null;
  }

  /** The value of the first form field matching `selector`. */
  async value(selector: string): Promise<string> {
    return String((await this.call(selector, 'function () { return this.value; }')) ?? '');
  }

  /** The texts of the elements matching `inner` inside the first element matching `selector`. */
  async texts(selector: string, inner: string): Promise<string[]> {
    const fn = 'function (s) { return [...this.querySelectorAll(s)].map((e) => e.textContent); }';
    return (await this.call(selector, fn, [inner])) as string[];
  }

  /** A computed style property of the first element matching `selector`. */
  async style(selector: string, property: string): Promise<string> {
    const fn = 'function (p) { return getComputedStyle(this).getPropertyValue(p); }';
    return String(await this.call(selector, fn, [property]));
  }

  /** Clicks the middle of the element matching `selector` with the mouse. */
  async click(selector: string): Promise<void> {
    const { model } = await this.withNode(selector, async (nodeId) => {
      await this.cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
      return this.cdp.send('DOM.getBoxModel', { nodeId });
    });
    const [x1, y1, , , x3, y3] = model.content;
    await this.page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
  }

  /** Clicks into a field and types `text`, as a reader would. */
  async fill(selector: string, text: string): Promise<void> {
    await this.click(selector);
    await this.page.keyboard.type(text);
  }
}
