import { storage } from '#imports';
import type { SiteMode } from './messaging/protocol';

/** The reader's per-site choice: analyse pages there always, never, or when they look like articles. */
const siteModes = storage.defineItem<Record<string, SiteMode>>('local:siteModes', { fallback: {}, version: 1 });

/** The reader's choice for `site` ('auto' unless they chose). */
export async function getSiteMode(site: string): Promise<SiteMode> {
  return (await siteModes.getValue())[site] ?? 'auto';
}

/** Records the reader's choice for `site`; 'auto' forgets it. */
export async function setSiteMode(site: string, mode: SiteMode): Promise<void> {
  const modes = { ...(await siteModes.getValue()) };
  if (mode === 'auto') delete modes[site];
  else modes[site] = mode;
  await siteModes.setValue(modes);
}

/**
 * Sites where the reader has saved highlights. Content scripts check it before
 * asking the background for a page's highlights, so that ordinary pages do not
 * wake the background at all. It only grows: a stale entry costs one request.
 */
const annotatedSites = storage.defineItem<Record<string, true>>('local:annotatedSites', { fallback: {}, version: 1 });

/** Whether the reader may have highlights on `site`. */
export async function mayHaveAnnotations(site: string): Promise<boolean> {
  return (await annotatedSites.getValue())[site] === true;
}

/** Records that `sites` have highlights (after a save, a restore or an import). */
export async function markAnnotated(sites: string[]): Promise<void> {
  const known = await annotatedSites.getValue();
  const missing = sites.filter((s) => s && !known[s]);
  if (!missing.length) return;
  await annotatedSites.setValue({ ...known, ...Object.fromEntries(missing.map((s) => [s, true as const])) });
}
