/**
 * Sites: the registrable domain of a URL under the Public Suffix List, its
 * private section included, so that `alice.github.io` and `bob.github.io`, or
 * two apps on `netlify.app`, are different sites. Used where Gloss groups or
 * labels by site (settings, page records, exports). It is not an access rule:
 * what a page may reach is decided by its origin (see utils/background).
 *
 * The list is large (tldts, ~140 kB): the background and Gloss's own pages use
 * this module; the content script, which runs on every page, does not (it finds
 * settings saved under a site through `siteKeys` in utils/url).
 */
// The package's own minified build: bundling its sources lets the minifier copy its 70 kB label table into each use.
import { getDomain } from 'tldts/dist/index.esm.min.js';

/** The site of `url`: its registrable domain, else its host (an IP, `localhost`); '' for a non-URL. */
export function siteOf(url: string): string {
  let host: string;
  try {
    host = new URL(url.trim()).hostname;
  } catch {
    return '';
  }
  return getDomain(host, { allowPrivateDomains: true }) ?? host.replace(/^www\./, '');
}

/** Whether two URLs belong to the same site. */
export function isSameSite(a: string, b: string): boolean {
  const x = siteOf(a);
  return x !== '' && x === siteOf(b);
}
