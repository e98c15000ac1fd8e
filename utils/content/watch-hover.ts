import type { ContentScriptContext } from '#imports';
import { hitTestAll } from './hit-test';
import type { PageSession } from './session';

/**
 * The hover card: what is under the pointer (the reader's note, a quotation's
 * speaker, an entity), checked once per animation frame at most. Where marks
 * overlap, the card stacks them all, topmost first. Not shown while one of the
 * reader's highlights is open in the page.
 */
export function watchHover(ctx: ContentScriptContext, session: PageSession): void {
  let frame = 0;
  // One frame at a time, cancelled with the context (ctx.requestAnimationFrame would add a listener per frame).
  ctx.onInvalidated(() => cancelAnimationFrame(frame));
  ctx.addEventListener(document, 'pointermove', (e) => {
    if (frame || e.pointerType === 'touch') return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (session.overlay.editorOpen) return;
      const notes = session.notes.painted().map((n) => ({
        range: n.range,
        title: 'Your highlight · click to edit',
        detail:
          [n.annotation.note, n.annotation.tags.map((t) => `#${t}`).join(' ')].filter(Boolean).join('\n') ||
          n.annotation.exact,
      }));
      const items = session.article.items;
      const hits = hitTestAll(document, e.clientX, e.clientY, [
        notes,
        items.filter((i) => i.kind === 'quote'),
        items.filter((i) => i.kind === 'entity'),
      ]);
      void session.overlay.showCard(
        hits.length
          ? { entries: hits.map(({ title, detail }) => ({ title, detail })), x: e.clientX, y: e.clientY }
          : null,
      );
    });
  });
}
