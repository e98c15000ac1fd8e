import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrateSiteModesV2 } from '../../utils/site-choices';

describe('the version-2 migration of site rules', () => {
  it('keys rules as siteOf writes them and keeps only always and never', () => {
    expect(
      migrateSiteModesV2({
        'www.Example.com': 'never',
        'news.example.org.': 'always',
        'bbc.co.uk': 'always',
        'junk.net': 'auto',
        'odd.net': 42,
        '  ': 'never',
      }),
    ).toEqual({ 'example.com': 'never', 'news.example.org': 'always', 'bbc.co.uk': 'always' });
  });

  it('lets never win when two old keys fold into one site, in either order', () => {
    expect(migrateSiteModesV2({ 'www.a.com': 'never', 'a.com': 'always' })).toEqual({ 'a.com': 'never' });
    expect(migrateSiteModesV2({ 'a.com': 'always', 'WWW.A.COM': 'never' })).toEqual({ 'a.com': 'never' });
  });

  it('survives what is not a record at all, and a __proto__ key', () => {
    expect(migrateSiteModesV2(null)).toEqual({});
    expect(migrateSiteModesV2('never')).toEqual({});
    const hostile = JSON.parse('{"__proto__": "never", "x.org": "never"}') as unknown;
    const out = migrateSiteModesV2(hostile);
    expect(out).toEqual({ 'x.org': 'never' });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});

describe('site rules stored by version 1', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  it('are migrated in storage when Gloss starts, and the version is recorded', async () => {
    // What version 1 left: the value, and no version record (WXT reads that as version 1).
    await fakeBrowser.storage.local.set({ siteModes: { 'www.example.com': 'never', 'b.org': 'always' } });
    const settings = await import('../../utils/settings');
    expect(await settings.listSiteModes()).toEqual({ 'example.com': 'never', 'b.org': 'always' });
    expect(await settings.getSiteMode('https://news.example.com/a')).toBe('never');
    expect(await fakeBrowser.storage.local.get(['siteModes', 'siteModes$'])).toEqual({
      siteModes: { 'example.com': 'never', 'b.org': 'always' },
      siteModes$: { v: 2 },
    });
  });

  it('are left alone once at version 2', async () => {
    await fakeBrowser.storage.local.set({ siteModes: { 'www.kept.com': 'never' }, siteModes$: { v: 2 } });
    const settings = await import('../../utils/settings');
    expect(await settings.listSiteModes()).toEqual({ 'www.kept.com': 'never' });
  });
});
