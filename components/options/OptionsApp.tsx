import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { COLOUR_LINES } from '../ColourPicker';
import { createDb } from '../../utils/db';
import { HIGHLIGHT_COLORS } from '../../utils/db/types';
import { exportLibrary, FORMAT_INFO } from '../../utils/library/exports';
import { TaskProgress, useLongTask, wasCancelled } from '../TaskProgress';
import {
  DEFAULT_PREFERENCES,
  EXPORT_FORMATS,
  getLastExport,
  getPreferences,
  MAX_COLOUR_NAME,
  setPreferences,
  type Preferences,
} from '../../utils/preferences';
import { SiteRules } from './SiteRules';
import { Storage } from './Storage';

/** A backup older than this is called out. */
const REMIND_AFTER_DAYS = 30;

/** How long ago `ms` was, in words. */
export function ago(ms: number, now = Date.now()): string {
  const days = Math.floor((now - ms) / 86_400_000);
  if (days < 1) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

const NOTHING_YET = 'Nothing to export yet: select text on a page to keep your first highlight.';

/** The options page: site rules, colours, export format, backup reminder, storage used. Every change is saved at once. */
export function OptionsApp() {
  const [prefs, setPrefs] = useState<Preferences>(DEFAULT_PREFERENCES);
  const [lastExport, setLastExport] = useState<number | null | undefined>(undefined);
  const [status, setStatus] = useState('');
  // How many highlights there are to back up (undefined until read).
  const [highlights, setHighlights] = useState<number | undefined>(undefined);
  useEffect(() => {
    void getPreferences().then(setPrefs);
    void getLastExport().then(setLastExport);
    void createDb()
      .annotations.count()
      .then(setHighlights, () => setHighlights(undefined));
  }, []);
  const change = async (c: Partial<Preferences>, message = 'Saved.') => {
    setPrefs(await setPreferences(c));
    setStatus(message);
  };
  const task = useLongTask();
  const backup = async () => {
    if (task.busy) return;
    setStatus('');
    if (highlights === 0) return setStatus(NOTHING_YET);
    try {
      const { name, count } = await task.run((onProgress, signal) =>
        exportLibrary(createDb(), prefs.exportFormat, { onProgress, signal }),
      );
      setLastExport(await getLastExport());
      setStatus(`Exported ${count.toLocaleString()} highlights to ${name}.`);
    } catch (e) {
      setStatus(
        wasCancelled(e) ? 'Export cancelled.' : `Nothing was exported: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  };
  // No highlight yet: nothing to back up, so no reminder either.
  const empty = lastExport === null && highlights === 0;
  const stale =
    (lastExport === null && !empty) || (!!lastExport && Date.now() - lastExport > REMIND_AFTER_DAYS * 86_400_000);
  return (
    <main class="options">
      <h1>Gloss options</h1>
      <SiteRules onSaved={setStatus} />
      <section aria-labelledby="colours-title">
        <h2 id="colours-title">Colours</h2>
        <p class="hint">Give each colour a meaning of your own, and choose the one a new highlight takes.</p>
        <div class="colour-names">
          {HIGHLIGHT_COLORS.map((c) => (
            <Fragment key={c}>
              <span class={`dot ${c}`} aria-hidden="true" title={COLOUR_LINES[c]}>
                a
              </span>
              <input
                aria-label={`Name for ${c}`}
                placeholder={c}
                maxLength={MAX_COLOUR_NAME}
                value={prefs.colourNames[c]}
                onChange={(e) => void change({ colourNames: { ...prefs.colourNames, [c]: e.currentTarget.value } })}
              />
              <label>
                <input
                  type="radio"
                  name="default-colour"
                  value={c}
                  checked={prefs.defaultColour === c}
                  aria-label={`${prefs.colourNames[c] || c} is the default colour`}
                  onChange={() =>
                    void change({ defaultColour: c }, `New highlights will be ${prefs.colourNames[c] || c}.`)
                  }
                />
                default
              </label>
            </Fragment>
          ))}
        </div>
      </section>
      <section aria-labelledby="export-title">
        <h2 id="export-title">Export and backup</h2>
        <fieldset>
          <legend>Default export format</legend>
          <div class="radio-row">
            {EXPORT_FORMATS.map((f) => (
              <label key={f}>
                <input
                  type="radio"
                  name="export-format"
                  value={f}
                  checked={prefs.exportFormat === f}
                  onChange={() => void change({ exportFormat: f })}
                />
                {FORMAT_INFO[f].label}
              </label>
            ))}
          </div>
        </fieldset>
        <p class={stale ? 'warning' : ''} data-testid="last-export">
          {lastExport === undefined
            ? ' '
            : empty
              ? NOTHING_YET
              : lastExport === null
                ? 'You have never exported your notes. They live only in this browser: export them now and then.'
                : `Last export: ${ago(lastExport)}${stale ? ' — time for a new backup.' : '.'}`}
        </p>
        <button type="button" disabled={task.busy} onClick={() => void backup()}>
          Export everything now ({FORMAT_INFO[prefs.exportFormat].label})
        </button>
        <TaskProgress task={task} id="options-task" cancellable />
      </section>
      <Storage />
      <div class="snackbar-area" role="status" aria-live="polite">
        {status && <div class="snackbar">{status}</div>}
      </div>
    </main>
  );
}
