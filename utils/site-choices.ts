/**
 * The reader's per-site records as stored (no storage access here): the site
 * modes' migration and the lookup by site. Shared by `settings.ts` and the
 * every-page loader, which reads the stored values directly.
 */
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

/**
 * The entry of `record` for the site of `url`. Entries are kept under sites
 * (registrable domains, utils/site); the most specific of the URL's host and
 * its parents that has one wins.
 */
export function findBySite<T>(record: Record<string, T>, url: string): T | undefined {
  for (const key of siteKeys(url)) if (Object.hasOwn(record, key)) return record[key];
  return undefined;
}
