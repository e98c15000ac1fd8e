import { browser } from 'wxt/browser';
import { errorReply, isEnvelope } from '../../utils/messaging/client';
import type { Reply } from '../../utils/messaging/protocol';
import { hitTest } from '../../utils/content/hit-test';
import { highlightableRange } from '../../utils/content/selection';
import { PageSession } from '../../utils/content/session';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const session = new PageSession(ctx);
    void session.start();

    // Late paragraphs, re-renders and edits: look again once the page settles.
    // (Gloss's own UI hangs off <html>, outside the observed body.)
    let timer: number | undefined;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = ctx.setTimeout(() => void session.refresh(), 700);
    });
    if (document.body) observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      session.highlighter.clear();
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => void session.start());

    // Selecting text offers the toolbar; a click elsewhere closes it.
    const onSelectionEnd = (event: Event) => {
      if (session.overlay.isInside(event)) return;
      ctx.setTimeout(() => {
        const range = session.state().status === 'never' ? null : highlightableRange(document);
        if (!range) {
          void session.overlay.hideToolbar();
          return;
        }
        const rect = range.getBoundingClientRect();
        void session.overlay.showToolbar({
          rect: { left: rect.left, top: rect.top, bottom: rect.bottom },
          focus: event.type === 'keyup',
          onSave: async (choice) => {
            await session.saveSelection(range, choice);
            document.getSelection()?.removeAllRanges();
            await session.overlay.hideToolbar();
          },
        });
      }, 0);
    };
    ctx.addEventListener(document, 'mouseup', onSelectionEnd);
    ctx.addEventListener(document, 'keyup', (e) => {
      if (e.shiftKey || e.key === 'Shift') onSelectionEnd(e);
      else if (e.key === 'Escape') void session.overlay.hideToolbar();
    });

    // The hover card: what is under the pointer, checked once per frame at most.
    let frame = 0;
    ctx.addEventListener(document, 'pointermove', (e) => {
      if (frame || e.pointerType === 'touch') return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const notes = session.notes.painted().map((n) => ({
          range: n.range,
          title: 'Your highlight',
          detail: [n.annotation.note, n.annotation.tags.map((t) => `#${t}`).join(' ')].filter(Boolean).join('\n') || n.annotation.exact,
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

    // Requests from Gloss's popup (never from pages or other extensions).
    browser.runtime.onMessage.addListener((message: unknown, sender): Promise<Reply<unknown>> | undefined => {
      if (!isEnvelope(message) || sender.id !== browser.runtime.id || sender.tab) return undefined;
      const answer = async (): Promise<unknown> => {
        switch (message.type) {
          case 'page:state':
            return session.state();
          case 'page:analyse':
            await session.start(true);
            return session.state();
          case 'page:reveal':
            return session.reveal(message.payload as Parameters<PageSession['reveal']>[0]);
          case 'page:annotations-changed':
            await session.loadAnnotations();
            return session.state();
          default:
            throw Object.assign(new Error(`Unknown request "${message.type}".`), { code: 'invalid' });
        }
      };
      return answer().then(
        (value) => ({ ok: true as const, value }),
        (err) => errorReply(err),
      );
    });
  },
});
