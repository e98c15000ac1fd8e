import { storage } from '#imports';
import type { SiteMode } from './messaging/protocol';
import { siteKeys } from './url';

/**
 * Version 2 of the per-site choices: keys as `siteOf` writes them (lower case,
 * no `www.`, no trailing dot), only 'always' and 'never' kept ('auto' is the
 * absence of a choice). Version 1 kept whatever key and value it was given;
 * when two keys fold into one, 'never' wins, so a site the reader shut out
 * stays shut out.
 */
export function migrateSiteModesV2(old: unknown): Record<string, 'always' | 'never'> {
  const out: Record<string, 'always' | 'never'> = {};
  if (typeof old !== 'object' || old === null) return out;
  for (const [key, mode] of Object.entries(old)) {
    if (mode !== 'always' && mode !== 'never') continue;
    const site = key
      .trim()
      .toLowerCase()
      .replace(/\.$/, '')
      .replace(/^www\./, '');
    if (!site || site === '__proto__') continue;
    if (out[site] !== 'never') out[site] = mode;
  }
  return out;
}

/** The reader's per-site choice: analyse pages there always, never, or when they look like articles. */
const siteModes = storage.defineItem<Record<string, SiteMode>>('local:siteModes', {
  fallback: {},
  version: 2,
  migrations: { 2: migrateSiteModesV2 },
});

/** Every per-site choice the reader made, by site. */
export async function listSiteModes(): Promise<Record<string, SiteMode>> {
  return { ...(await siteModes.getValue()) };
}

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
