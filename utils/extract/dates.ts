/** Dates: shown on a page, and normalised to ISO 8601. */

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

// A date as pages show it: 2015-03-25, 25.03.2015, March 25, 2015, 3月25日, 25 März 2015.
const DATE = [
  /\b(?:19|20)\d\d\s?[-/.年]\s?[01]?\d\s?[-/.月]\s?[0-3]?\d/,
  /\b[0-3]?\d[./][01]?\d[./](?:19|20)\d\d\b/,
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-zé]*\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b/i,
  /\d{1,2}月\d{1,2}日|\b\d{1,2}\/\d{1,2}\s?\([^)]{1,3}\)\s?\d{1,2}:\d\d/,
  /\b[0-3]?\d\.?\s+(?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|d[ée]c|de[zc])[a-zéû]*\.?\s+(?:19|20)\d\d\b/i,
];

/** Whether a text shows a calendar date. */
export function hasDate(text: string): boolean {
  return DATE.some((re) => re.test(text));
}
