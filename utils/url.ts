/**
 * URL normalisation: one key per article, whatever link the reader came in by,
 * so annotations saved on `…?utm_source=x#top` come back on `…`.
 */

/** Query parameters that only track the visit and never select content. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'ref_src',
  'ref_url',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'spm',
  'smid',
  'cmpid',
  'ncid',
  'ocid',
  'sr_share',
  '__twitter_impression',
  'wt_mc',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
]);

/** Prefixes of tracking parameter families (utm_source, utm_medium, …). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];

function isTracking(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p));
}

/** Decodes a query key leniently: a malformed escape keeps the raw text. */
function decodeKey(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * Drops the fragment and tracking parameters of an absolute URL. The
 * remaining parameters keep their order and their original encoding (a
 * re-serialisation through URLSearchParams could change what the server sees).
 */
function clean(url: URL): string {
  url.hash = '';
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    const kept = url.search
      .slice(1)
      .split('&')
      .filter((pair) => pair !== '' && !isTracking(decodeKey(pair.split('=')[0] ?? '')));
    url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  }
  // `URL` keeps a bare '#' or '?' when emptied; the string form must not.
  return url.href.replace(/[?#]+$/, '');
}

function parse(url: string, base?: string): URL | null {
  try {
    return new URL(url.trim(), base);
  } catch {
    return null;
  }
}

/** Hosting domains whose subdomains belong to different people. */
const SHARED_HOSTS = new Set([
  'github.io',
  'blogspot.com',
  'substack.com',
  'wordpress.com',
  'tumblr.com',
  'medium.com',
]);

/** Second-level labels under which country domains sell names (bbc.co.uk, abc.net.au). */
const SECOND_LEVEL = /^(co|com|net|org|gov|ac|edu|or|ne|go|gob|mil|nic|ltd|plc)$/;

/**
 * The registrable-ish part of a host: its last two labels, or three under a
 * country domain's second level (`news.bbc.co.uk` → `bbc.co.uk`). A heuristic
 * on purpose: no public-suffix list ships with the extension.
 */
function registrable(host: string): string {
  if (/^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.')) return host;
  const labels = host.split('.');
  const n = labels.length;
  const under = labels.slice(-2).join('.');
  const keep =
    n >= 3 && (SHARED_HOSTS.has(under) || (labels[n - 1]!.length === 2 && SECOND_LEVEL.test(labels[n - 2]!))) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** Whether two hosts belong to the same site (same registrable part). */
function sameSite(a: string, b: string): boolean {
  return a === b || registrable(a) === registrable(b);
}

/**
 * The key Gloss stores a page under: `url` without fragment and tracking
 * parameters, host lower-cased (by `URL`). When the page declares a canonical
 * URL on the same site (relative ones resolved against `url`), that one wins,
 * cleaned the same way; a canonical on another site is ignored, since a page
 * could otherwise claim another site's annotations. A string that is not a URL
 * is returned trimmed.
 */
export function normalizeUrl(url: string, canonical?: string | null): string {
  const page = parse(url);
  if (!page) return url.trim();
  if (canonical) {
    const canon = parse(canonical, page.href);
    if (
      canon &&
      (canon.protocol === 'http:' || canon.protocol === 'https:') &&
      (page.protocol === 'http:' || page.protocol === 'https:') &&
      sameSite(page.hostname, canon.hostname)
    ) {
      return clean(canon);
    }
  }
  return clean(page);
}

/** The site a URL belongs to, for grouping and per-site settings: its host without `www.`. */
export function siteOf(url: string): string {
  const parsed = parse(url);
  if (!parsed) return '';
  return parsed.hostname.replace(/^www\./, '');
}

/** Whether two URLs are on the same site (what a page's canonical URL may point to). */
export function isSameSite(a: string, b: string): boolean {
  const x = parse(a);
  const y = parse(b);
  return !!x && !!y && sameSite(x.hostname, y.hostname);
}
