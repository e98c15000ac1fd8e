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

/**
 * The key Gloss stores a page under: `url` without fragment and tracking
 * parameters, host lower-cased (by `URL`). When the page declares a canonical
 * URL on its own origin (relative ones resolved against `url`), that one wins,
 * cleaned the same way. A canonical URL on any other origin, even of the same
 * site, is ignored: the key decides whose notes a page is shown, and a page may
 * only claim keys of the origin it really is on. A string that is not a URL is
 * returned trimmed.
 */
export function normalizeUrl(url: string, canonical?: string | null): string {
  const page = parse(url);
  if (!page) return url.trim();
  if (canonical) {
    const canon = parse(canonical, page.href);
    if (canon && /^https?:$/.test(page.protocol) && canon.origin === page.origin) return clean(canon);
  }
  return clean(page);
}

/**
 * The keys under which a setting for this URL's site may be saved: its host
 * without `www.`, then each parent domain, most specific first. Settings are
 * saved under the site (utils/site, the registrable domain), which is one of
 * these; the content script finds them without carrying the suffix list.
 */
export function siteKeys(url: string): string[] {
  const parsed = parse(url);
  if (!parsed || !/^https?:$/.test(parsed.protocol)) return [];
  const host = parsed.hostname.replace(/^www\./, '');
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return [host];
  const labels = host.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}
