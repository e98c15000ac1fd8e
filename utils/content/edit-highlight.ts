import type { ContentScriptContext } from '#imports';
import type { Annotation } from '../db/types';
import { hitTest } from './hit-test';
import type { PageSession } from './session';

/** What a click on goes to the page, not to Gloss: links, controls, editors. */
const INTERACTIVE =
  'a[href], button, input, textarea, select, label, summary, [contenteditable]:not([contenteditable="false"]), [role="button"], [role="link"]';

type PaintedNote = { annotation: Annotation; range: Range };

/** The reader's highlight under viewport point (x, y) (the shortest where several overlap), or null. */
export function noteAt(session: PageSession, x: number, y: number): PaintedNote | null {
  return hitTest(document, x, y, [session.notes.painted()]);
}

/**
 * The reader's highlights holding the selection (or the caret), shortest
 * first: what the keyboard shortcut opens instead of highlighting the same
 * words again (the next of them on each press, where they overlap).
 */
export function notesAtSelection(session: PageSession, doc: Document = document): PaintedNote[] {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return [];
  const r = selection.getRangeAt(0);
  const found: PaintedNote[] = [];
  for (const note of session.notes.painted()) {
    try {
      const inside =
        note.range.comparePoint(r.startContainer, r.startOffset) === 0 &&
        note.range.comparePoint(r.endContainer, r.endOffset) === 0;
      if (inside) found.push(note);
    } catch {
      // a range in another document, or one whose nodes are gone
    }
  }
  return found.sort((a, b) => a.range.toString().length - b.range.toString().length);
}

/** The shortest of the reader's highlights holding the selection (or the caret), or null. */
export function noteAtSelection(session: PageSession, doc: Document = document): PaintedNote | null {
  return notesAtSelection(session, doc)[0] ?? null;
}

/** Opens one of the reader's highlights in its card at `at` (viewport coordinates): edit, recolour, delete, undo. */
export function openHighlight(
  session: PageSession,
  annotation: Annotation,
  at: { x: number; y: number },
): Promise<void> {
  let deleted: Awaited<ReturnType<PageSession['deleteNote']>> | null = null;
  return session.overlay.showEditor({
    annotation,
    at,
    onSave: async (patch) => {
      await session.editNote(annotation.id, patch);
      await session.overlay.hideEditor();
    },
    onDelete: async () => {
      deleted = await session.deleteNote(annotation.id);
    },
    onUndo: async () => {
      if (!deleted) return;
      await session.restoreNote(deleted.record, deleted.range);
      deleted = null;
    },
  });
}

/** Where a highlight's card goes when it is opened from the keyboard: under its first line. */
export function cardPoint(range: Range): { x: number; y: number } {
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return { x: rect.left, y: rect.bottom };
}

/**
 * A click on one of the reader's highlights opens it to edit; a click
 * elsewhere closes an open one that has no unsaved change. Only the reader's
 * own plain clicks (`isTrusted`, no modifier, not the end of a selection, not
 * on a link or control of the page) count.
 */
export function watchClicks(ctx: ContentScriptContext, session: PageSession): void {
  ctx.addEventListener(document, 'click', (e) => {
    if (!e.isTrusted || e.button !== 0 || e.detail > 1 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    if (session.overlay.isInside(e)) return;
    if (document.getSelection()?.isCollapsed === false) return; // the end of a drag: the toolbar's turn
    if ((e.target as Element | null)?.closest?.(INTERACTIVE)) return;
    const hit = noteAt(session, e.clientX, e.clientY);
    const { overlay } = session;
    if (hit) {
      if (overlay.editing === hit.annotation.id || overlay.editorDirty) return;
      void openHighlight(session, hit.annotation, { x: e.clientX, y: e.clientY });
    } else if (overlay.editorOpen && !overlay.editorDirty) void overlay.hideEditor();
  });
}
