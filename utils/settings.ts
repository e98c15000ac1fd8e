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
