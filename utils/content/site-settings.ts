import { browser } from 'wxt/browser';
import type { SiteMode } from '../messaging/protocol';
import { findBySite, migrateSiteModesV2 } from '../site-choices';

/** What the every-page loader needs of the reader's settings for one page. */
export type SiteSettings = { mode: SiteMode; notes: boolean };

/** Storage keys of `settings.ts`'s items (WXT keeps an item's version under its key + `$`). */
const SITE_MODES = 'siteModes';
const SITE_MODES_META = 'siteModes$';
const ANNOTATED_SITES = 'annotatedSites';

/**
 * The reader's choice for the site of `url` and whether they may have notes
 * there, in one read of `storage.local`. The loader reads the stored values
 * itself rather than through `settings.ts`'s storage items: defining those
 * items runs a read (and a migration check) for each, on every page, and
 * carries WXT's storage library into the every-page script. It never writes:
 * site modes not yet migrated to version 2 are migrated in memory only (the
 * background and the full layer migrate them in storage).
 */
export async function readSiteSettings(url: string): Promise<SiteSettings> {
  const stored: Record<string, unknown> = await browser.storage.local.get([
    SITE_MODES,
    SITE_MODES_META,
    ANNOTATED_SITES,
  ]);
  const rawModes = stored[SITE_MODES];
  const version = (stored[SITE_MODES_META] as { v?: unknown } | undefined)?.v ?? 1;
  const modes: Record<string, SiteMode> =
    version === 1 ? migrateSiteModesV2(rawModes) : isRecord(rawModes) ? (rawModes as Record<string, SiteMode>) : {};
  const annotated = isRecord(stored[ANNOTATED_SITES]) ? (stored[ANNOTATED_SITES] as Record<string, unknown>) : {};
  return { mode: findBySite(modes, url) ?? 'auto', notes: findBySite(annotated, url) === true };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
