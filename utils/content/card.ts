import type { HoverEntry, HoverInfo } from '../../components/HoverCard';
import type { Annotation } from '../db/types';
import type { PaintedItem } from './article-layer';
import { cardPoint, openHighlight } from './edit-highlight';
import { hitTestAll } from './hit-test';
import type { PageSession } from './session';
import { reachedQuote } from './walk-quotes';

/** A mark the card can describe: one of the reader's highlights, a quotation or an entity mention. */
export type Mark = { kind: 'note'; annotation: Annotation; range: Range } | PaintedItem;

/** A search for `name` on Wikipedia: a plain link the reader may follow. */
export function wikipediaSearch(name: string): string {
  return `https://en.wikipedia.org/w/index.php?search=${encodeURIComponent(name)}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The marks of each kind the reader has not hidden, topmost layer first (for hit-testing). */
export function visibleLayers(session: PageSession): Mark[][] {
  const { highlighter, article } = session;
  const notes: Mark[] = highlighter.isHidden('gloss-user')
    ? []
    : session.notes.painted().map((n) => ({ kind: 'note' as const, ...n }));
  const quotes = highlighter.isHidden('gloss-quote') ? [] : article.items.filter((i) => i.kind === 'quote');
  const entities = article.items.filter(
    (i) => i.kind === 'entity' && !highlighter.isHidden(`gloss-${article.entities[i.index]?.type.toLowerCase()}`),
  );
  return [notes, quotes, entities];
}

/** The marks under viewport point (x, y), topmost first. */
export function marksAt(session: PageSession, x: number, y: number): Mark[] {
  return hitTestAll(document, x, y, visibleLayers(session));
}

/** Whether two ranges share some text. */
function overlaps(a: Range, b: Range): boolean {
  try {
    return a.compareBoundaryPoints(Range.END_TO_START, b) < 0 && a.compareBoundaryPoints(Range.START_TO_END, b) > 0;
  } catch {
    return false; // another document, or nodes gone
  }
}

/** The marks sharing text with `range` (an element the keyboard focused), the shortest of each layer, topmost first. */
export function marksIn(session: PageSession, range: Range): Mark[] {
  return visibleLayers(session).flatMap((layer) => {
    const best = layer
      .filter((m) => overlaps(m.range, range))
      .sort((a, b) => a.range.toString().length - b.range.toString().length)[0];
    return best ? [best] : [];
  });
}

/**
 * What the card says of each mark, and what its buttons do: a quotation names
 * its speaker and their other quotations here (with a jump to the next); an
 * entity its type, how often it is mentioned (with the previous and next
 * mention) and a Wikipedia search; the reader's highlight its note, to edit.
 */
export function cardEntries(session: PageSession, marks: Mark[]): HoverEntry[] {
  const { article } = session;
  return marks.map((m): HoverEntry => {
    if (m.kind === 'note') {
      const { annotation: a } = m;
      const tags = a.tags.map((t) => `#${t}`).join(' ');
      return {
        kind: 'note',
        title: 'Your highlight',
        detail: [a.note, tags].filter(Boolean).join('\n') || a.exact,
        actions: [
          {
            id: 'edit',
            label: 'Edit',
            title: 'Change the note, tags or colour, or delete it',
            run: () => void openHighlight(session, a, cardPoint(m.range)),
          },
        ],
      };
    }
    if (m.kind === 'quote') {
      const speaker = article.quotes[m.index]?.speaker ?? null;
      if (!speaker) return { kind: 'quote', title: 'Quotation', detail: 'Speaker unclear' };
      const theirs = article.paintedQuotes().filter((i) => article.quotes[i].speaker === speaker);
      const at = theirs.indexOf(m.index);
      const next = theirs[(at + 1) % theirs.length];
      return {
        kind: 'quote',
        title: 'Quotation',
        detail: speaker,
        meta:
          theirs.length > 1
            ? `${at + 1} of ${plural(theirs.length, 'quotation')} by ${speaker} in this article`
            : `Their only quotation in this article`,
        actions:
          theirs.length > 1
            ? [
                {
                  id: 'next-quote',
                  label: 'Next quotation ›',
                  title: `Go to the next quotation by ${speaker}`,
                  run: () => {
                    reachedQuote(session, next);
                    void jumpTo(session, article.rangeOf('quote', next), 'next-quote');
                  },
                },
              ]
            : [],
      };
    }
    const entity = article.entities[m.index];
    const count = entity?.count ?? 1;
    const step = article.stepOf('entity', m.index, m.range);
    const go = (by: number) => () =>
      void jumpTo(session, article.rangeOf('entity', m.index, step + by), by > 0 ? 'next-mention' : 'previous-mention');
    return {
      kind: 'entity',
      title: m.title,
      detail: entity?.name ?? m.range.toString(),
      meta: `${plural(count, 'mention')} in this article${count > 1 && step >= 0 ? ` · this is ${step + 1} of ${count}` : ''}`,
      actions:
        count > 1 && step >= 0
          ? [
              { id: 'previous-mention', label: '‹ Previous', title: 'Go to the previous mention', run: go(-1) },
              { id: 'next-mention', label: 'Next ›', title: 'Go to the next mention', run: go(1) },
            ]
          : [],
      link: entity ? { href: wikipediaSearch(entity.name), label: 'Search Wikipedia' } : undefined,
    };
  });
}

/** Where the focus was before a card took it, to go back there when it closes. */
let returnFocus: HTMLElement | null = null;

/** Where a card for `range` goes: under it (at its start), or above it. */
function cardPlace(range: Range): Pick<HoverInfo, 'x' | 'y' | 'top'> {
  const first = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return { x: first.left, y: range.getBoundingClientRect().bottom, top: first.top };
}

/** The line box of `range` at viewport point (x, y), for a card under that line rather than under the pointer. */
export function lineAt(range: Range, x: number, y: number): DOMRect | null {
  for (const r of range.getClientRects()) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return r;
  return null;
}

/**
 * Opens the card for the marks of `range` (a quotation reached from the
 * keyboard, or one the card jumped to), under it. With `focus`, the card
 * takes the focus (on the entry of the mark whose range this is, and its
 * button `action` if it has one), which goes back where it was when the card
 * closes.
 */
export function openCardAt(session: PageSession, range: Range, focus?: { action?: string }): Promise<void> {
  const marks = marksIn(session, range);
  if (!marks.length) return session.overlay.showCard(null);
  if (!session.overlay.isFocused()) returnFocus = document.activeElement as HTMLElement | null;
  const entry = Math.max(
    0,
    marks.findIndex((m) => m.range === range),
  );
  return session.overlay.showCard({
    entries: cardEntries(session, marks),
    ...cardPlace(range),
    focus: focus && { entry, action: focus.action },
    onClose: () => {
      void session.overlay.showCard(null);
      if (focus) returnFocus?.focus?.({ preventScroll: true });
    },
  });
}

/** Scrolls `range` into view, flashes it, and opens its card there with the focus (on `action` again, if given). */
export async function jumpTo(session: PageSession, range: Range | null, action?: string): Promise<void> {
  if (!range) return;
  const rect = range.getBoundingClientRect();
  if (rect.top < 40 || rect.bottom > window.innerHeight - 200)
    window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' });
  session.flash(range);
  await openCardAt(session, range, { action });
}
