import { watchClicks } from '../../utils/content/edit-highlight';
import { guardContext } from '../../utils/content/guard-context';
import { answerPopup } from '../../utils/content/popup-requests';
import { PageSession } from '../../utils/content/session';
import { watchChanges } from '../../utils/content/watch-changes';
import { watchHover } from '../../utils/content/watch-hover';
import { watchSelection } from '../../utils/content/watch-selection';
import './style.css';

/** Gloss in every web page: cheap until the page turns out to be an article or to hold the reader's notes. */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT's start-up notice by postMessage would tell every page script its event names.
  noScriptStartedPostMessage: true,
  main(ctx) {
    guardContext(ctx);
    const session = new PageSession(ctx);
    void session.start();
    watchChanges(ctx, session);
    watchSelection(ctx, session);
    watchHover(ctx, session);
    watchClicks(ctx, session);
    answerPopup(session);
  },
});
