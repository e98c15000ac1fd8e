import { useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../../utils/messaging/client';
import type { SourcesSettings } from '../../utils/settings';
import type { ResultPage } from '../../utils/sources/queries';
import type { RememberedArticle } from '../../utils/sources/types';

type Props = {
  settings: SourcesSettings | null;
  onSettings: (s: SourcesSettings) => void;
  /** Something was forgotten: the lists are read again. */
  onForgotten: () => void;
  onStatus: (message: string) => void;
  /** The view's first list has painted: the count of articles may be read (before, it would slow that list). */
  ready: boolean;
};

/** Remembered articles listed at a time ("Show more" lists the next). */
const PAGE = 50;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** What Sources remembers, and the reader's controls over it: on or off, sites left out, forgetting. */
export function SourcesPrivacy({ settings, onSettings, onForgotten, onStatus, ready }: Props) {
  const [articles, setArticles] = useState<ResultPage<RememberedArticle> | null>(null);
  const [version, setVersion] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [site, setSite] = useState('');
  const [open, setOpen] = useState(false);
  const asked = useRef(0);
  /** Articles from `offset` (0: anew); closed, only how many there are (one article is read). */
  const load = (offset: number) => {
    const ask = offset === 0 ? ++asked.current : asked.current;
    const limit = open ? PAGE : 1;
    void sendToBackground('sources:articles', { offset, limit }).then(
      (page) =>
        ask === asked.current &&
        setArticles((before) => (offset && before ? { ...page, items: [...before.items, ...page.items] } : page)),
      (e) => onStatus(message(e)),
    );
  };
  useEffect(() => {
    if (ready || open) load(0);
  }, [version, ready, open]);
  const forget = async (scope: { article: string } | { site: string } | { everything: true }, what: string) => {
    try {
      const n = await sendToBackground('sources:forget', scope);
      onStatus(n === null ? 'Gloss forgot every source.' : `Forgot ${what} (${n} article${n === 1 ? '' : 's'}).`);
      setConfirming(false);
      setVersion((v) => v + 1);
      onForgotten();
    } catch (e) {
      onStatus(`Nothing was forgotten: ${message(e)}`);
    }
  };
  const settingsChange = (payload: { remember?: boolean; exclude?: { site: string; excluded: boolean } }) =>
    void sendToBackground('sources:settings', payload).then(onSettings, (e) => onStatus(message(e)));
  const sites = [...new Set((articles?.items ?? []).map((a) => a.site))].sort();

  return (
    <details class="sources-privacy" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>What Gloss remembers ({articles ? `${articles.total.toLocaleString()} articles` : '…'})</summary>
      <p class="hint">
        For each news article you read: its title, publisher, author, date and address, its quotations and who said
        them, and the names it mentions. In this browser only.
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={settings?.remember === 'on'}
          onChange={(e) => settingsChange({ remember: e.currentTarget.checked })}
        />
        Remember the articles I read
      </label>
      <form
        class="row-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (site.trim()) settingsChange({ exclude: { site: site.trim().toLowerCase(), excluded: true } });
          setSite('');
        }}
      >
        <label>
          Never remember
          <input
            value={site}
            onInput={(e) => setSite(e.currentTarget.value)}
            size={28}
            placeholder="a site, e.g. example.com"
            list="sources-sites"
          />
        </label>
        <datalist id="sources-sites">
          {sites.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <button type="submit" disabled={!site.trim()}>
          Leave out
        </button>
      </form>
      {settings && settings.excludedSites.length > 0 && (
        <ul class="excluded" aria-label="Sites left out">
          {settings.excludedSites.map((s) => (
            <li key={s}>
              {s}{' '}
              <button
                type="button"
                class="small"
                aria-label={`Remember ${s} again`}
                onClick={() => settingsChange({ exclude: { site: s, excluded: false } })}
              >
                Remember again
              </button>
            </li>
          ))}
        </ul>
      )}
      {!open ? null : articles && articles.total > 0 ? (
        <>
          <table class="site-rules remembered">
            <caption class="visually-hidden">Remembered articles, most recently read first</caption>
            <thead>
              <tr>
                <th scope="col">Article</th>
                <th scope="col">Site</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {articles.items.map((a) => (
                <tr key={a.url} data-article={a.url}>
                  <td>
                    <a href={a.url} target="_blank" rel="noopener">
                      {a.title || a.url}
                    </a>
                  </td>
                  <td>{a.site}</td>
                  <td class="actions">
                    <button
                      type="button"
                      class="small"
                      aria-label={`Forget ${a.title || a.url}`}
                      onClick={() => void forget({ article: a.url }, 'this article')}
                    >
                      Forget
                    </button>
                    <button
                      type="button"
                      class="small"
                      data-forget-site={a.site}
                      aria-label={`Forget everything from ${a.site}`}
                      onClick={() => void forget({ site: a.site }, a.site)}
                    >
                      Forget site
                    </button>
                    {!settings?.excludedSites.includes(a.site) && (
                      <button
                        type="button"
                        class="small"
                        aria-label={`Never remember ${a.site}`}
                        onClick={() => settingsChange({ exclude: { site: a.site, excluded: true } })}
                      >
                        Leave site out
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {articles.items.length < articles.total && (
            <button type="button" class="show-more" onClick={() => load(articles.items.length)}>
              Show more articles ({articles.items.length.toLocaleString()} of {articles.total.toLocaleString()} shown)
            </button>
          )}
        </>
      ) : (
        <p class="empty">No article remembered.</p>
      )}
      <div class="row-form">
        {confirming ? (
          <>
            <span role="alert">Forget every remembered article, quotation and name, and your corrections?</span>
            <button type="button" class="danger" onClick={() => void forget({ everything: true }, 'everything')}>
              Yes, forget everything
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            Forget everything…
          </button>
        )}
      </div>
    </details>
  );
}
