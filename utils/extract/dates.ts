/** Dates: shown on a page, and normalised to ISO 8601. */

const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY = 86_400_000;

// Month names of the languages Gloss meets most, by their first letters (as pages abbreviate them).
const MONTHS: [RegExp, number][] = [
  [/^(?:jan|janv|jän|ene|gen|sty)/, 1],
  [/^(?:feb|fév|fev|févr|fevr|lut)/, 2],
  [/^(?:mar|mär|mrz|marz|març|mars)/, 3],
  [/^(?:apr|avr|abr|kwi)/, 4],
  [/^(?:may|mai|mag|maj|mayo|maio)/, 5],
  [/^(?:jun|juin|giu|cze)/, 6],
  [/^(?:jul|juil|lug|lip)/, 7],
  [/^(?:aug|aoû|aou|ago|sie)/, 8],
  [/^(?:sep|set|wrz)/, 9],
  [/^(?:oct|okt|ott|out|paź|paz)/, 10],
  [/^(?:nov|lis)/, 11],
  [/^(?:dec|déc|dez|dic|dez|gru)/, 12],
];

function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  for (const [re, n] of MONTHS) if (re.test(w)) return n;
  return null;
}

/**
 * A date string as ISO 8601: ISO input is kept as written (its offset says
 * where the story was published); other forms pages use (25.03.2015,
 * 2015/03/25, 25 März 2015, March 25, 2015, 25 de março de 2015, Unix time)
 * are read; a date before 1990, more than a day in the future, or unreadable
 * gives null ("0001-01-01" is an empty date field, not a date).
 */
export function toIsoDate(raw: string | null | undefined, now = Date.now()): string | null {
  const s = raw?.trim();
  if (!s) return null;
  if (ISO.test(s))
    return plausible(Date.parse(s.length === 10 ? s : s.replace(' ', 'T')), now) ? s.replace(' ', 'T') : null;
  if (/^\d{10,13}$/.test(s)) {
    const t = Number(s) * (s.length === 10 ? 1000 : 1);
    return plausible(t, now) ? new Date(t).toISOString() : null;
  }
  const numeric = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:,?\s+(\d{1,2})[:.](\d{2}))?/.exec(s);
  if (numeric) return fromParts(+numeric[3], +numeric[2], +numeric[1], numeric[4], numeric[5], now);
  const ymd = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?/.exec(s);
  if (ymd) return fromParts(+ymd[1], +ymd[2], +ymd[3], ymd[4], ymd[5], now);
  // 25 March 2015, 25. März 2015, 25 de março de 2015, 1er janvier 2020.
  const dmy = /^(\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+)?(\d{4})/u.exec(s);
  const month = dmy && monthNumber(dmy[2]);
  if (dmy && month) return fromParts(+dmy[3], month, +dmy[1], undefined, undefined, now);
  const t = Date.parse(s);
  return plausible(t, now) ? new Date(t).toISOString() : null;
}

function fromParts(
  y: number,
  mo: number,
  d: number,
  h: string | undefined,
  mi: string | undefined,
  now: number,
): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  const iso = h !== undefined && mi !== undefined && +h < 24 ? `${date}T${pad(+h)}:${mi}` : date;
  return plausible(Date.parse(iso.length === 10 ? iso : `${iso}:00Z`), now) ? iso : null;
}

/** Whether a time is a real publication date: 1990 or later, and no more than a day ahead. */
function plausible(t: number, now: number): boolean {
  if (Number.isNaN(t)) return false;
  return new Date(t).getUTCFullYear() >= 1990 && t <= now + DAY;
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

/**
 * The publication day an article's address gives ("/2024/03/05/…", "/2024-03-05/…",
 * "/20240305/…"), as "YYYY-MM-DD"; null when the path holds no real date.
 */
export function urlDate(url: string | null | undefined, now = Date.now()): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /\/((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)(?=[/-]|\.html?$|$)/.exec(path) ??
    /\/((?:19|20)\d\d)([01]\d)([0-3]\d)(?=\/)/.exec(path);
  return m ? fromParts(+m[1], +m[2], +m[3], undefined, undefined, now) : null;
}
