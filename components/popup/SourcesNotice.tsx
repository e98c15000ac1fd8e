import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../utils/messaging/client';
import type { SourcesSettings } from '../../utils/settings';

/**
 * Asked once, until the reader chooses: whether Gloss remembers the articles
 * they read (the library's Sources view says more, and changes it later).
 */
export function SourcesNotice() {
  const [remember, setRemember] = useState<SourcesSettings['remember'] | null>(null);
  useEffect(() => {
    void sendToBackground('sources:settings', {}).then(
      (s) => setRemember(s.remember),
      () => setRemember(null),
    );
  }, []);
  if (remember !== 'unset') return null;
  const choose = (on: boolean) =>
    void sendToBackground('sources:settings', { remember: on }).then((s) => setRemember(s.remember));
  return (
    <section class="sources-notice" aria-label="Remember sources">
      <span>
        Remember each article’s quotations, speakers and names, in this browser only, to find who said what later?
      </span>
      <span class="sources-notice-actions">
        <button type="button" class="primary" onClick={() => choose(true)}>
          Remember sources
        </button>
        <button type="button" onClick={() => choose(false)}>
          No thanks
        </button>
      </span>
    </section>
  );
}
