/**
 * Random documents for the anchoring property tests: a small model of a page
 * (blocks, inline markup, hidden parts, white space as authors write it), its
 * rendering into a real DOM, and edits on the model that keep track of the
 * reader's selection. Text nodes of the model ("leaves") keep their id across
 * edits, so a selection made before an edit can be found in the DOM after it.
 */
import fc from 'fast-check';
import type { TextMap } from '../../../utils/dom/text-map';

export type Leaf = { kind: 'text'; id: number; text: string };
/** Content that is in the DOM but not in the page's text (script, style, hidden). */
export type Hidden = { kind: 'hidden'; tag: 'script' | 'style' | 'span'; text: string };
export type Br = { kind: 'br' };
export type InlineEl = { kind: 'inline'; tag: string; children: Inline[] };
export type Inline = Leaf | Hidden | Br | InlineEl;
export type Block = { kind: 'block'; tag: string; children: Child[] };
export type Child = Inline | Block;
/** The children of `<body>`. */
export type Doc = Child[];

/** A selection end in the model: an offset in a leaf. */
export type Point = { id: number; offset: number };

const WORDS = (
  'the a of to in and for on with said minister government council rights talks economy trade growth China ' +
  'Geneva week report policy officials meeting statement development session country international security ' +
  'people president foreign ministry reform market "We must," he said. (AP) — 2025 café naïve 😀 U.S. it’s'
).split(' ');
const SPACES = [' ', ' ', ' ', ' ', '  ', '\n', '\t', '\u00a0', '\n    ', ' \n'];
const INLINE_TAGS = ['b', 'i', 'em', 'strong', 'a', 'span', 'code', 'sup'];
const BLOCK_TAGS = ['p', 'p', 'p', 'div', 'section', 'blockquote', 'h2', 'li', 'pre'];

const space = fc.constantFrom(...SPACES);
const words = fc
  .tuple(fc.option(space), fc.array(fc.tuple(fc.constantFrom(...WORDS), space), { maxLength: 9 }), fc.option(space))
  .map(([lead, ws, trail]) => (lead ?? '') + ws.map(([w, s]) => w + s).join('') + (trail ?? ''));

const leafArb: fc.Arbitrary<Leaf> = words.map((text) => ({ kind: 'text', id: 0, text }));
const hiddenArb: fc.Arbitrary<Hidden> = fc.record({
  kind: fc.constant('hidden' as const),
  tag: fc.constantFrom('script' as const, 'style' as const, 'span' as const),
  text: words,
});

const tree = fc.letrec<{ inline: Inline; block: Block }>((tie) => ({
  inline: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'inline' },
    { arbitrary: leafArb, weight: 6 },
    { arbitrary: hiddenArb, weight: 1 },
    { arbitrary: fc.constant<Br>({ kind: 'br' }), weight: 1 },
    {
      arbitrary: fc.record({
        kind: fc.constant('inline' as const),
        tag: fc.constantFrom(...INLINE_TAGS),
        children: fc.array(tie('inline'), { minLength: 1, maxLength: 3 }),
      }),
      weight: 3,
    },
  ),
  block: fc.oneof(
    { maxDepth: 2, depthIdentifier: 'block' },
    {
      arbitrary: fc.record({
        kind: fc.constant('block' as const),
        tag: fc.constantFrom(...BLOCK_TAGS),
        children: fc.array(tie('inline'), { minLength: 1, maxLength: 5 }),
      }),
      weight: 4,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('block' as const),
        tag: fc.constantFrom('div', 'section', 'blockquote', 'ul'),
        children: fc.array(fc.oneof(tie('block'), leafArb), { minLength: 1, maxLength: 4 }),
      }),
      weight: 1,
    },
  ),
}));

/** A random document of 2–10 top-level blocks (and the odd loose text between them). */
export const docArb: fc.Arbitrary<Doc> = fc
  .array(fc.oneof({ arbitrary: tree.block, weight: 5 }, { arbitrary: leafArb, weight: 1 }), {
    minLength: 2,
    maxLength: 10,
  })
  .map(numbered);

/** A deep copy with leaves numbered 1, 2, … in document order. */
function numbered(doc: Doc): Doc {
  let next = 1;
  const copy = (c: Child): Child => {
    if (c.kind === 'text') return { ...c, id: next++ };
    if (c.kind === 'inline') return { ...c, children: c.children.map(copy) as Inline[] };
    if (c.kind === 'block') return { ...c, children: c.children.map(copy) };
    return { ...c };
  };
  return doc.map(copy);
}

/** Renders `doc` as the body of `document`; returns each leaf's Text node. */
export function render(document: Document, doc: Doc): Map<number, Text> {
  const nodes = new Map<number, Text>();
  const build = (c: Child): Node => {
    if (c.kind === 'text') {
      const t = document.createTextNode(c.text);
      nodes.set(c.id, t);
      return t;
    }
    if (c.kind === 'br') return document.createElement('br');
    if (c.kind === 'hidden') {
      const el = document.createElement(c.tag);
      // A script of another type is never run; `hidden` takes a span out of the rendering.
      if (c.tag === 'script') el.setAttribute('type', 'text/x-not-js');
      if (c.tag === 'span') el.setAttribute('hidden', '');
      el.textContent = c.text;
      return el;
    }
    const el = document.createElement(c.tag);
    for (const child of c.children) el.appendChild(build(child));
    return el;
  };
  document.body.replaceChildren(...doc.map(build));
  return nodes;
}

/** Every leaf of `doc`, in document order. */
export function leaves(doc: Doc): Leaf[] {
  const out: Leaf[] = [];
  const walk = (c: Child) => {
    if (c.kind === 'text') out.push(c);
    else if (c.kind === 'inline' || c.kind === 'block') c.children.forEach(walk);
  };
  doc.forEach(walk);
  return out;
}

/** Whether offset `i` of `s` falls between the halves of a surrogate pair (no selection can end there). */
function splitsPair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return i > 0 && i < s.length && c >= 0xdc00 && c <= 0xdfff;
}

/** Every point a selection may start or end at, in document order. */
export function points(doc: Doc): Point[] {
  const out: Point[] = [];
  for (const leaf of leaves(doc))
    for (let i = 0; i <= leaf.text.length; i++) if (!splitsPair(leaf.text, i)) out.push({ id: leaf.id, offset: i });
  return out;
}

/**
 * Every DOM boundary point a reader's selection may have under `root`: in
 * text nodes and between the children of elements, outside hidden parts.
 */
export function domPoints(root: Node): { node: Node; offset: number }[] {
  const out: { node: Node; offset: number }[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      for (let i = 0; i <= data.length; i++) if (!splitsPair(data, i)) out.push({ node, offset: i });
      return;
    }
    const el = node as Element;
    if (/^(SCRIPT|STYLE)$/.test(el.tagName) || el.hasAttribute('hidden')) return;
    const children = [...node.childNodes];
    children.forEach((child, i) => {
      out.push({ node, offset: i });
      walk(child);
    });
    out.push({ node, offset: children.length });
  };
  walk(root);
  return out;
}

/**
 * The page-text offsets of the characters a range covers: the characters the
 * reader sees selected (white space collapsed away by the browser is not
 * one). Two ranges are "the same" for a reader when these are equal.
 */
export function coveredOffsets(map: TextMap, range: Range): number[] {
  const out: number[] = [];
  for (const seg of map.segments) {
    const node = seg.node;
    let from = seg.nodeOffset;
    let to = seg.nodeOffset + (seg.end - seg.start);
    if (node === range.startContainer) from = Math.max(from, range.startOffset);
    else if (range.comparePoint(node, 0) !== 0) from = Infinity;
    if (node === range.endContainer) to = Math.min(to, range.endOffset);
    else if (range.comparePoint(node, node.length) !== 0) to = -Infinity;
    for (let i = from; i < to; i++) out.push(seg.start + (i - seg.nodeOffset));
  }
  return out;
}

/** A random edit, read against whatever document it is applied to (indices wrap). */
export type Edit = { kind: EditKind; a: number; b: number; c: number; words: string };
const EDIT_KINDS = [
  'insert-text',
  'delete-text',
  'whitespace',
  'insert-node',
  'remove-node',
  'wrap',
  'unwrap',
  'retag',
  'split',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];
export const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom(...EDIT_KINDS),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  words,
});

type Entry = { parent: Child[]; index: number; node: Child };

function entries(doc: Doc): Entry[] {
  const out: Entry[] = [];
  const walk = (list: Child[]) =>
    list.forEach((node, index) => {
      out.push({ parent: list, index, node });
      if (node.kind === 'inline' || node.kind === 'block') walk(node.children);
    });
  walk(doc);
  return out;
}

function containers(doc: Doc): Child[][] {
  return [
    doc,
    ...entries(doc).flatMap((e) => (e.node.kind === 'inline' || e.node.kind === 'block' ? [e.node.children] : [])),
  ];
}

function holds(node: Child, ids: Set<number>): boolean {
  if (node.kind === 'text') return ids.has(node.id);
  if (node.kind === 'inline' || node.kind === 'block') return node.children.some((c) => holds(c, ids));
  return false;
}

/** An offset of `s` near `i` that splits no surrogate pair. */
function whole(s: string, i: number): number {
  return splitsPair(s, i) ? i - 1 : i;
}

/**
 * Applies `edit` to a copy of `doc`. The leaves holding `selection` keep
 * their text (only markup may change around them, and a split moves the
 * points with their characters). Returns null when the edit does not apply.
 */
export function applyEdit(doc: Doc, edit: Edit, selection: Point[]): { doc: Doc; selection: Point[] } | null {
  const next = structuredClone(doc);
  let sel = selection.map((p) => ({ ...p }));
  const held = new Set(sel.map((p) => p.id));
  const all = leaves(next);
  const free = all.filter((l) => !held.has(l.id));
  const maxId = Math.max(0, ...all.map((l) => l.id));
  const pick = <T>(xs: T[], n: number): T | null => (xs.length ? xs[n % xs.length] : null);
  const { a, b, c } = edit;
  switch (edit.kind) {
    case 'insert-text': {
      const leaf = pick(free, a);
      if (!leaf) return null;
      const at = whole(leaf.text, b % (leaf.text.length + 1));
      const padded = c % 2 ? ` ${edit.words} ` : edit.words;
      leaf.text = leaf.text.slice(0, at) + padded + leaf.text.slice(at);
      break;
    }
    case 'delete-text': {
      const leaf = pick(
        free.filter((l) => l.text.length > 0),
        a,
      );
      if (!leaf) return null;
      const from = whole(leaf.text, b % leaf.text.length);
      const to = whole(leaf.text, Math.min(leaf.text.length, from + 1 + (c % 24)));
      if (to <= from) return null;
      leaf.text = leaf.text.slice(0, from) + leaf.text.slice(to);
      break;
    }
    case 'whitespace': {
      const leaf = pick(free, a);
      if (!leaf) return null;
      const runs = [...leaf.text.matchAll(/[\s\u00a0]+/g)];
      const ws = SPACES[c % SPACES.length];
      if (runs.length === 0 || b % 3 === 0) leaf.text = b % 2 ? leaf.text + ws : ws + leaf.text;
      else {
        const run = runs[b % runs.length];
        leaf.text = leaf.text.slice(0, run.index) + ws + leaf.text.slice(run.index + run[0].length);
      }
      break;
    }
    case 'insert-node': {
      const list = pick(containers(next), a)!;
      const text: Leaf = { kind: 'text', id: maxId + 1, text: edit.words };
      const node: Child =
        c % 3 === 0
          ? text
          : c % 3 === 1
            ? { kind: 'inline', tag: INLINE_TAGS[c % INLINE_TAGS.length], children: [text] }
            : { kind: 'block', tag: BLOCK_TAGS[c % BLOCK_TAGS.length], children: [text] };
      list.splice(b % (list.length + 1), 0, node);
      break;
    }
    case 'remove-node': {
      const e = pick(
        entries(next).filter((x) => !holds(x.node, held)),
        a,
      );
      if (!e) return null;
      e.parent.splice(e.index, 1);
      break;
    }
    case 'wrap': {
      const e = pick(entries(next), a);
      if (!e) return null;
      e.parent[e.index] =
        e.node.kind === 'block'
          ? { kind: 'block', tag: 'div', children: [e.node] }
          : { kind: 'inline', tag: INLINE_TAGS[c % INLINE_TAGS.length], children: [e.node] };
      break;
    }
    case 'unwrap': {
      const e = pick(
        entries(next).filter((x) => x.node.kind === 'inline'),
        a,
      );
      if (!e || e.node.kind !== 'inline') return null;
      e.parent.splice(e.index, 1, ...e.node.children);
      break;
    }
    case 'retag': {
      const e = pick(
        entries(next).filter((x) => x.node.kind === 'block' && x.node.tag !== 'ul'),
        a,
      );
      if (!e || e.node.kind !== 'block') return null;
      e.node.tag = BLOCK_TAGS[c % BLOCK_TAGS.length];
      break;
    }
    case 'split': {
      const e = pick(
        entries(next).filter((x) => x.node.kind === 'text'),
        a,
      );
      if (!e || e.node.kind !== 'text') return null;
      const leaf = e.node;
      const at = whole(leaf.text, b % (leaf.text.length + 1));
      const tail: Leaf = { kind: 'text', id: maxId + 1, text: leaf.text.slice(at) };
      leaf.text = leaf.text.slice(0, at);
      e.parent.splice(e.index + 1, 0, tail);
      sel = sel.map((p) => (p.id === leaf.id && p.offset > at ? { id: tail.id, offset: p.offset - at } : p));
      break;
    }
  }
  return { doc: next, selection: sel };
}

/**
 * Removes the characters between two points (the reader's selection) from a
 * copy of `doc`: the end of the first leaf, every leaf between, the start of
 * the last. The elements stay.
 */
export function deleteBetween(doc: Doc, start: Point, end: Point): Doc {
  const next = structuredClone(doc);
  const list = leaves(next);
  const i = list.findIndex((l) => l.id === start.id);
  const j = list.findIndex((l) => l.id === end.id);
  if (i === j) {
    list[i].text = list[i].text.slice(0, start.offset) + list[i].text.slice(end.offset);
    return next;
  }
  list[i].text = list[i].text.slice(0, start.offset);
  for (let k = i + 1; k < j; k++) list[k].text = '';
  list[j].text = list[j].text.slice(end.offset);
  return next;
}
