import { storage } from '#imports';
import type { SiteMode } from './messaging/protocol';
import { findBySite, migrateSiteModesV2 } from './site-choices';
import { siteKeys } from './url';

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

/** The kinds of marks a reader can show or hide: quotations, names by type, their own highlights. */
export const MARK_KINDS = ['quote', 'per', 'org', 'loc', 'misc', 'user'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

/** What the reader has hidden: some kinds, or (`allHidden`, the keyboard shortcut) every mark for now. */
export type Visibility = { hidden: MarkKind[]; allHidden: boolean };

/** The reader's choice of which marks Gloss paints, the same on every page (version 1). */
export const visibility = storage.defineItem<Visibility>('local:visibility', {
  fallback: { hidden: [], allHidden: false },
  version: 1,
});

/** Whether marks of `kind` are painted under `v`. */
export function isShown(v: Visibility, kind: MarkKind): boolean {
  return !v.allHidden && !v.hidden.includes(kind);
}

/** `v` with `kind` shown or hidden; choosing one kind ends "all hidden", keeping the other kinds as they were. */
export function withKind(v: Visibility, kind: MarkKind, shown: boolean): Visibility {
  const hidden = v.hidden.filter((k) => k !== kind && MARK_KINDS.includes(k));
  return { hidden: shown ? hidden : [...hidden, kind], allHidden: false };
}

/** `v` after the show/hide shortcut: hides every mark, or shows again what the reader had shown. */
export function toggledAll(v: Visibility): Visibility {
  if (MARK_KINDS.some((k) => isShown(v, k))) return { hidden: v.hidden, allHidden: true };
  // Back to the reader's own choice, unless that hides everything too.
  const restores = v.allHidden && MARK_KINDS.some((k) => !v.hidden.includes(k));
  return { hidden: restores ? v.hidden : [], allHidden: false };
}

/** Shows or hides one kind of mark, in every tab. */
export async function setKindShown(kind: MarkKind, shown: boolean): Promise<void> {
  await visibility.setValue(withKind(await visibility.getValue(), kind, shown));
}

/** The show/hide shortcut: every mark off, or back as the reader had them. */
export async function toggleAllMarks(): Promise<Visibility> {
  const next = toggledAll(await visibility.getValue());
  await visibility.setValue(next);
  return next;
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
