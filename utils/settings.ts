import { storage } from '#imports';
import type { SiteMode } from './messaging/protocol';
import { siteKeys } from './url';

/** The reader's per-site choice: analyse pages there always, never, or when they look like articles. */
const siteModes = storage.defineItem<Record<string, SiteMode>>('local:siteModes', { fallback: {}, version: 1 });

/** The reader's choice for the site of `url` ('auto' unless they chose). */
export async function getSiteMode(url: string): Promise<SiteMode> {
  return findBySite(await siteModes.getValue(), url) ?? 'auto';
}

/**
 * The entry of `record` for the site of `url`. Entries are kept under sites
 * (registrable domains, utils/site); the most specific of the URL's host and
 * its parents that has one wins.
 */
function findBySite<T>(record: Record<string, T>, url: string): T | undefined {
  for (const key of siteKeys(url)) if (Object.hasOwn(record, key)) return record[key];
  return undefined;
}

/** Records the reader's choice for `site` (as `siteOf` gives it); 'auto' forgets it. */
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

/** Whether the reader may have highlights on the site of `url`. */
export async function mayHaveAnnotations(url: string): Promise<boolean> {
  return findBySite(await annotatedSites.getValue(), url) === true;
}

/** Records that `sites` have highlights (after a save, a restore or an import). */
export async function markAnnotated(sites: string[]): Promise<void> {
  const known = await annotatedSites.getValue();
  const missing = sites.filter((s) => s && !known[s]);
  if (!missing.length) return;
  await annotatedSites.setValue({ ...known, ...Object.fromEntries(missing.map((s) => [s, true as const])) });
}

/**
 * Whether Gloss remembers the articles the reader reads (their metadata,
 * quotations and names, utils/sources): 'unset' until the reader chooses, and
 * off until then; sites (as `siteOf` gives them) the reader excluded.
 */
export type SourcesSettings = { remember: 'unset' | 'on' | 'off'; excludedSites: string[] };

const sourcesSettings = storage.defineItem<SourcesSettings>('local:sourcesSettings', {
  fallback: { remember: 'unset', excludedSites: [] },
  version: 1,
});

/** The reader's choice about remembering sources. */
export function getSourcesSettings(): Promise<SourcesSettings> {
  return sourcesSettings.getValue();
}

/** Turns remembering sources on or off (the reader's explicit choice). */
export async function setRememberSources(on: boolean): Promise<SourcesSettings> {
  const next = { ...(await sourcesSettings.getValue()), remember: on ? ('on' as const) : ('off' as const) };
  await sourcesSettings.setValue(next);
  return next;
}

/** Excludes a site from being remembered, or lets it be remembered again. */
export async function setSiteExcluded(site: string, excluded: boolean): Promise<SourcesSettings> {
  const current = await sourcesSettings.getValue();
  const sites = new Set(current.excludedSites);
  if (excluded && site) sites.add(site);
  else sites.delete(site);
  const next = { ...current, excludedSites: [...sites].sort() };
  await sourcesSettings.setValue(next);
  return next;
}

/** Whether an article at `url` is to be remembered: the reader turned it on and did not exclude its site. */
export async function shouldRememberSource(url: string): Promise<boolean> {
  const { remember, excludedSites } = await sourcesSettings.getValue();
  if (remember !== 'on') return false;
  const excluded = Object.fromEntries(excludedSites.map((s) => [s, true as const]));
  return siteKeys(url).length > 0 && findBySite(excluded, url) === undefined;
}
