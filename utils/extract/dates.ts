/** Date normalisation to ISO 8601. */

const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A date string as ISO 8601: ISO input is kept as written (its offset says
 * where the story was published); anything else `Date` can read is converted
 * to UTC; unreadable or implausible dates give null.
 */
export function toIsoDate(raw: string | null | undefined): string | null {
  const s = raw?.trim();
  if (!s) return null;
  if (ISO.test(s)) return s.replace(' ', 'T');
  if (/^\d{10,13}$/.test(s)) return plausible(new Date(Number(s) * (s.length === 10 ? 1000 : 1)));
  return plausible(new Date(s));
}

function plausible(d: Date): string | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  const y = d.getUTCFullYear();
  return y >= 1990 && y <= 2100 ? d.toISOString() : null;
}
