/**
 * The every-page loader reads the reader's site rules and annotated sites
 * straight from storage (`readSiteSettings`): it must answer as `settings.ts`
 * does, for rules of either version, and never write.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSiteSettings } from '../../../utils/content/site-settings';
import { getSiteMode, mayHaveAnnotations, markAnnotated, setSiteMode } from '../../../utils/settings';

describe('readSiteSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers auto and no notes on a fresh install', async () => {
    expect(await readSiteSettings('https://example.com/a')).toEqual({ mode: 'auto', notes: false });
  });

  it('agrees with settings.ts on what settings.ts wrote', async () => {
    await setSiteMode('example.com', 'never');
    await setSiteMode('b.org', 'always');
    await markAnnotated(['b.org']);
    for (const url of ['https://news.example.com/x', 'https://www.b.org/y', 'https://c.net/']) {
      expect(await readSiteSettings(url)).toEqual({
        mode: await getSiteMode(url),
        notes: await mayHaveAnnotations(url),
      });
    }
    expect(await readSiteSettings('https://www.b.org/y')).toEqual({ mode: 'always', notes: true });
  });

  it('reads rules of version 1 as migrated, without writing them', async () => {
    await fakeBrowser.storage.local.set({ siteModes: { 'WWW.Example.com': 'never', 'b.org': 'always' } });
    expect((await readSiteSettings('https://example.com/a')).mode).toBe('never');
    expect((await readSiteSettings('https://b.org/')).mode).toBe('always');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      siteModes: { 'WWW.Example.com': 'never', 'b.org': 'always' },
    });
  });

  it('reads rules of version 2 as they are, and ignores values of the wrong shape', async () => {
    await fakeBrowser.storage.local.set({ siteModes: { 'kept.com': 'never' }, siteModes$: { v: 2 } });
    expect((await readSiteSettings('https://kept.com/')).mode).toBe('never');
    await fakeBrowser.storage.local.set({ siteModes: 'never', siteModes$: { v: 2 }, annotatedSites: ['kept.com'] });
    expect(await readSiteSettings('https://kept.com/')).toEqual({ mode: 'auto', notes: false });
  });
});
