import { useEffect, useState } from 'preact/hooks';
import type { SiteMode } from '../../utils/messaging/protocol';
import { getSiteMode, setSiteMode } from '../../utils/settings';
import { siteOf } from '../../utils/site';
import type { PageHandle } from './use-page';

const MESSAGES: Record<string, string> = {
  'not-article': 'This page does not look like a news article, so Gloss left it alone.',
  never: 'You asked Gloss never to analyse pages on this site.',
  analysing: 'Analysing…',
  starting: 'Looking at the page…',
};

/** Shown when the page was not analysed: analyse it anyway, or choose for the whole site. */
export function NotArticle({ page }: { page: PageHandle }) {
  const state = page.state!;
  const site = siteOf(state.url);
  const [mode, setMode] = useState<SiteMode>('auto');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void getSiteMode(state.url).then(setMode);
  }, [state.url]);
  const choose = async (next: SiteMode) => {
    setMode(next);
    await setSiteMode(site, next);
  };
  return (
    <div class="notice">
      <p>{state.status === 'error' ? `Analysis failed: ${state.error}` : MESSAGES[state.status]}</p>
      <button
        class="primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await page.ask('page:analyse', {}).catch(() => null);
          setBusy(false);
        }}
      >
        {busy ? 'Analysing…' : 'Analyse this page'}
      </button>
      <label class="site-mode">
        On {site}:{' '}
        <select value={mode} onChange={(e) => void choose(e.currentTarget.value as SiteMode)}>
          <option value="auto">Analyse articles</option>
          <option value="always">Always analyse</option>
          <option value="never">Never analyse</option>
        </select>
      </label>
    </div>
  );
}
