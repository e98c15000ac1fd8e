import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSourcesSettings, setRememberSources, setSiteExcluded, shouldRememberSource } from '../../../utils/settings';

beforeEach(() => fakeBrowser.reset());

describe('the “remember sources” setting', () => {
  it('is off until the reader chooses, then follows the choice', async () => {
    expect(await getSourcesSettings()).toEqual({ remember: 'unset', excludedSites: [] });
    expect(await shouldRememberSource('https://news.example.com/a')).toBe(false);
    await setRememberSources(true);
    expect(await shouldRememberSource('https://news.example.com/a')).toBe(true);
    await setRememberSources(false);
    expect(await getSourcesSettings()).toMatchObject({ remember: 'off' });
    expect(await shouldRememberSource('https://news.example.com/a')).toBe(false);
  });

  it('never remembers an excluded site, its subdomains included, and lets it back in', async () => {
    await setRememberSources(true);
    await setSiteExcluded('example.com', true);
    expect(await shouldRememberSource('https://news.example.com/a')).toBe(false);
    expect(await shouldRememberSource('https://example.org/a')).toBe(true);
    expect(await shouldRememberSource('file:///tmp/a.html')).toBe(false);
    await setSiteExcluded('example.com', false);
    expect(await shouldRememberSource('https://news.example.com/a')).toBe(true);
    expect((await getSourcesSettings()).excludedSites).toEqual([]);
  });
});
