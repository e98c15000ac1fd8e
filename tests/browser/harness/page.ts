/**
 * Probes run in the page's main world. `CSS.highlights` is one registry per
 * document, shared by the page and the content script's world.
 */
import type { Annotation } from '../../../utils/db/types';

/** Texts of the ranges of every Gloss highlight layer, by layer name. */
export function readHighlights(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('gloss-')) return;
    out[name] = [...highlight].map((r) => (r as Range).toString());
  });
  return out;
}

/**
 * Selects the first occurrence of `text` in the body. Gloss answers only the
 * reader's own input, so the test then ends the selection with a real key
 * (releasing Shift), or selects with a real drag between `textEnds` instead.
 */
export function selectText(text: string): boolean {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(text);
    if (i < 0) continue;
    // A reader selects what is on screen.
    n.parentElement?.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(n, i);
    range.setEnd(n, i + text.length);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }
  return false;
}

/**
 * Where a real drag selecting the first occurrence of `text` starts and ends,
 * in viewport coordinates: inside its first and last characters, near their
 * outer edges, at mid height. Null if the text is not in the body.
 */
export function textEnds(text: string): { from: { x: number; y: number }; to: { x: number; y: number } } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(text);
    if (i < 0) continue;
    const box = (at: number) => {
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + 1);
      return range.getBoundingClientRect();
    };
    const first = box(i);
    const last = box(i + text.length - 1);
    return {
      from: { x: first.left + 1, y: first.top + first.height / 2 },
      to: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  }
  return null;
}

/**
 * The page's DOM as it would be without Gloss: the served HTML parsed afresh,
 * compared with the live body. Returns null when equal, else a description.
 */
export async function domDifference(): Promise<string | null> {
  const html = await (await fetch(location.href)).text();
  const fresh = new DOMParser().parseFromString(html, 'text/html');
  const strip = (el: Element) => el.outerHTML.replace(/\s+/g, ' ');
  const live = strip(document.body);
  const expected = strip(fresh.body);
  if (document.querySelector('html > :not(head):not(body)')) return 'an element was added to <html>';
  if (live === expected) return null;
  let i = 0;
  while (live[i] === expected[i]) i++;
  return `body differs at ${i}: live "${live.slice(i, i + 80)}" vs served "${expected.slice(i, i + 80)}"`;
}

/**
 * Run in one of Gloss's own pages: the id of the newest other tab (the article),
 * for opening the popup as `popup.html?tab=ID`.
 */
/**
 * Run in Gloss's background or one of its pages: sends tab `id` what the background sends it on a command or a
 * menu item (`harness/twins.ts`: `walkMessage`, `highlightMessage`), through `browser` in Firefox, `chrome` in
 * Chromium.
 */
export function sendToTab([id, message]: readonly [number, object]): Promise<unknown> {
  type Tabs = { tabs: { sendMessage(i: number, m: object): Promise<unknown> } };
  const api = globalThis as unknown as { browser?: Tabs; chrome?: Tabs };
  return (api.browser ?? api.chrome)!.tabs.sendMessage(id, message);
}

/** Puts the caret `offset` characters into the first text node holding `words`. */
export function caretInto([words, offset]: readonly [string, number]): void {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(words);
    if (i >= 0) getSelection()!.collapse(n, i + offset);
  }
}

export async function otherTabId(): Promise<number> {
  type Tabs = { getCurrent(): Promise<{ id?: number } | undefined>; query(q: object): Promise<{ id?: number }[]> };
  const api =
    (globalThis as unknown as { browser?: { tabs: Tabs }; chrome: { tabs: Tabs } }).browser ??
    (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
  const self = await api.tabs.getCurrent();
  const others = (await api.tabs.query({})).filter((t) => t.id !== undefined && t.id !== self?.id);
  if (!others.length) throw new Error('no other tab');
  return Math.max(...others.map((t) => t.id!));
}

/**
 * Installed before any page script: records every DOM mutation made after
 * DOMContentLoaded (when the parser is done), in `window.__glossTestMutations`,
 * one line per node added or removed, attribute or text changed:
 * `+DIV in BODY`, `-#text in P`, `@class on IMG`, `text in P`.
 */
export function recordLateMutations(): void {
  const log: string[] = [];
  (window as unknown as { __glossTestMutations: string[] }).__glossTestMutations = log;
  // (A method, not an arrow in a const: a runner that keeps function names wraps those in a helper the page lacks.)
  const node = {
    name(n: Node | null): string {
      return !n ? '?' : n.nodeType === 1 ? (n as Element).tagName : n.nodeName;
    },
  };
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') log.push(`@${r.attributeName} on ${node.name(r.target)}`);
        else if (r.type === 'characterData') log.push(`text in ${node.name(r.target.parentNode)}`);
        else {
          for (const n of r.addedNodes) log.push(`+${node.name(n)} in ${node.name(r.target)}`);
          for (const n of r.removedNodes) log.push(`-${node.name(n)} in ${node.name(r.target)}`);
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** The mutations `recordLateMutations` has seen so far, or null where it is not installed. */
export function lateMutations(): string[] | null {
  return (window as unknown as { __glossTestMutations?: string[] }).__glossTestMutations ?? null;
}

/**
 * The shape of the whole document, values left out: one line per element
 * (`DIV in BODY`), attribute (`@src on IMG`), text node (`#text in P`) and
 * comment. Two loads of a page that changes itself end in the same shape
 * however its changes fell around DOMContentLoaded.
 */
export function domShape(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(
    document,
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT,
  );
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentNode?.nodeType === 1 ? (n.parentNode as Element).tagName : '#document';
    if (n.nodeType !== 1) out.push(`${n.nodeName} in ${parent}`);
    else {
      out.push(`${(n as Element).tagName} in ${parent}`);
      for (const a of (n as Element).getAttributeNames()) out.push(`@${a} on ${(n as Element).tagName}`);
    }
  }
  return out;
}

/** How many ranges Gloss paints as quotations and as entities (`gloss-quote*`, `gloss-per*`, ...). */
export function highlightCounts(): { quotes: number; entities: number } {
  const counts = { quotes: 0, entities: 0 };
  CSS.highlights.forEach((highlight, name) => {
    if (/^gloss-quote/.test(name)) counts.quotes += highlight.size;
    else if (/^gloss-(per|org|loc|misc)/.test(name)) counts.entities += highlight.size;
  });
  return counts;
}

/** Run in one of Gloss's pages: the content script's state for a tab, or null while it cannot answer. */
export async function pageStateOf(tabId: number): Promise<{ status: string; decidedAt?: number } | null> {
  type Api = {
    tabs: {
      sendMessage(id: number, m: object): Promise<{ ok: boolean; value: { status: string; decidedAt?: number } }>;
    };
  };
  const api =
    (globalThis as unknown as { browser?: Api; chrome: Api }).browser ??
    (globalThis as unknown as { chrome: Api }).chrome;
  try {
    const reply = await api.tabs.sendMessage(tabId, { gloss: 1, type: 'page:state', payload: {} });
    return reply?.ok ? reply.value : null;
  } catch {
    return null;
  }
}

/** Run in one of Gloss's pages: every annotation in the database, read with IndexedDB itself. */
export function storedAnnotations(): Promise<Annotation[]> {
  return new Promise((done, failed) => {
    const open = indexedDB.open('gloss');
    open.onerror = () => failed(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('annotations').objectStore('annotations').getAll();
      all.onsuccess = () => (open.result.close(), done(all.result as Annotation[]));
      all.onerror = () => failed(all.error);
    };
  });
}
