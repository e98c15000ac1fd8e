import { useEffect, useState } from 'preact/hooks';
import type { SiteMode } from '../../utils/messaging/protocol';
import { listSiteModes, setSiteMode } from '../../utils/settings';
import { siteOf } from '../../utils/site';

/** The reader's per-site rules: analyse always, or never; every other site is decided page by page. */
export function SiteRules({ onSaved }: { onSaved: (message: string) => void }) {
  const [modes, setModes] = useState<Record<string, SiteMode> | null>(null);
  const [site, setSite] = useState('');
  const [mode, setMode] = useState<SiteMode>('never');
  const [error, setError] = useState<string | null>(null);
  const reload = () => void listSiteModes().then(setModes);
  useEffect(reload, []);
  const change = async (key: string, next: SiteMode) => {
    await setSiteMode(key, next);
    reload();
    onSaved(
      next === 'auto' ? `Rule for ${key} removed.` : `${key}: ${next === 'always' ? 'always' : 'never'} analysed.`,
    );
  };
  const add = async () => {
    const input = site.trim().toLowerCase();
    const key = siteOf(/^https?:\/\//.test(input) ? input : `https://${input}/`);
    if (!key || !key.includes('.')) {
      setError(`“${site}” is not a site. Type a name like example.com.`);
      return;
    }
    setError(null);
    setSite('');
    await change(key, mode);
  };
  const entries = Object.entries(modes ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      <p class="hint">
        Gloss analyses a page when it looks like an article. Here you can make it always analyse a site, or never touch
        it.
      </p>
      {entries.length === 0 ? (
        <p class="hint">No rules yet: every site is decided page by page.</p>
      ) : (
        <table class="site-rules">
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Rule</th>
              <th scope="col">
                <span class="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([key, m]) => (
              <tr key={key} data-site={key}>
                <td>{key}</td>
                <td>
                  <select
                    aria-label={`Rule for ${key}`}
                    value={m}
                    onChange={(e) => void change(key, e.currentTarget.value as SiteMode)}
                  >
                    <option value="always">Always analyse</option>
                    <option value="never">Never analyse</option>
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    class="small"
                    aria-label={`Remove the rule for ${key}`}
                    onClick={() => void change(key, 'auto')}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        class="row-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label>
          Site
          <input
            name="site"
            value={site}
            placeholder="example.com"
            onInput={(e) => setSite(e.currentTarget.value)}
            aria-describedby={error ? 'site-error' : undefined}
          />
        </label>
        <select
          aria-label="Rule for the new site"
          value={mode}
          onChange={(e) => setMode(e.currentTarget.value as SiteMode)}
        >
          <option value="never">Never analyse</option>
          <option value="always">Always analyse</option>
        </select>
        <button type="submit">Add rule</button>
      </form>
      {error && (
        <p id="site-error" class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
