import { useEffect, useState } from 'preact/hooks';
import { createDb } from '../../utils/db';

/** A byte count in words: 1.2 MB. */
export function bytes(n: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${i === 0 ? n : n.toFixed(1)} ${units[i]}`;
}

/** How much Gloss keeps in this browser: highlights, pages, and the storage the browser counts for it. */
export function Storage() {
  const [figures, setFigures] = useState<{ usage?: number; quota?: number; notes: number; pages: number } | null>(null);
  useEffect(() => {
    const db = createDb();
    void Promise.all([navigator.storage.estimate(), db.annotations.count(), db.pages.count()]).then(
      ([estimate, notes, pages]) => setFigures({ usage: estimate.usage, quota: estimate.quota, notes, pages }),
    );
  }, []);
  return (
    <section aria-labelledby="storage-title">
      <h2 id="storage-title">Storage</h2>
      {!figures ? (
        <p class="hint">Measuring…</p>
      ) : (
        <p data-testid="storage">
          {figures.notes.toLocaleString()} highlight{figures.notes === 1 ? '' : 's'} on {figures.pages.toLocaleString()}{' '}
          page{figures.pages === 1 ? '' : 's'};{' '}
          {figures.usage === undefined ? 'size unknown' : `${bytes(figures.usage)} used`}
          {figures.quota ? ` of ${bytes(figures.quota)} available` : ''}.
        </p>
      )}
    </section>
  );
}
