import type { ContentScriptContext } from '#imports';
import { hitTest } from './hit-test';
import type { PageSession } from './session';

/**
 * The hover card: what is under the pointer (the reader's note, a quotation's
 * speaker, an entity), checked once per animation frame at most.
 */
export function watchHover(ctx: ContentScriptContext, session: PageSession): void {
  let frame = 0;
  ctx.addEventListener(document, 'pointermove', (e) => {
    if (frame || e.pointerType === 'touch') return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const notes = session.notes.painted().map((n) => ({
        range: n.range,
        title: 'Your highlight',
        detail:
          [n.annotation.note, n.annotation.tags.map((t) => `#${t}`).join(' ')].filter(Boolean).join('\n') ||
          n.annotation.exact,
      }));
      const items = session.article.items;
      if (!notes.length && !items.length) return;
      const hit = hitTest(document, e.clientX, e.clientY, [
        notes,
        items.filter((i) => i.kind === 'quote'),
        items.filter((i) => i.kind === 'entity'),
      ]);
      void session.overlay.showCard(hit ? { title: hit.title, detail: hit.detail, x: e.clientX, y: e.clientY } : null);
    });
  });
}
