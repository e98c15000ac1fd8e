/**
 * Tokeniser for news text in the CoNLL-2003 style: punctuation split off,
 * "'s" and "n't" as their own tokens, abbreviations ("Feb.", "U.S.") kept whole.
 * Typographic quotes, apostrophes and dashes are mapped to ASCII in `norm`
 * so that the features see what the 1996 Reuters training text used.
 */

/** One token: a half-open range of the text and its ASCII-normalised form. */
export type Token = { start: number; end: number; norm: string };

const OPENERS = new Set(['(', '[', '{', '"', "'", '\u201c', '\u2018', '\u201e', '\u00ab', '\u2039', '\u300c', '`']);
const CLOSERS = new Set([
  ',',
  ';',
  ':',
  '!',
  '?',
  ')',
  ']',
  '}',
  '"',
  "'",
  '\u201d',
  '\u2019',
  '\u00bb',
  '\u203a',
  '\u300d',
  '\u2026',
]);
/** Em, en, figure dashes and the horizontal bar. */
function isDash(c: number): boolean {
  return c >= 0x2012 && c <= 0x2015;
}
const APOSTROPHES = /[\u2019\u2018\u02bc\u00b4`]/g;

/** Abbreviations whose final period does not end the token (lower case, without the period). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen sen rep gov lt col sgt capt maj adm cmdr cdr st jr sr inc corp co ltd plc bros vs ' +
    'etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd rd rev hon pres supt dept univ ' +
    'est approx fig vol op cf al gov gens reps sens messrs mme mlle messrs pte bhd ag sa nv spa assn intl'
  ).split(' '),
);

/** US state abbreviations, as news datelines write them ("St. Petersburg, Fla."); capitalised only. */
const STATES = new Set(
  'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo'.split(
    ' ',
  ),
);

/** Maps typographic characters to the ASCII the training text uses. */
export function normalizeChars(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) ascii = s.charCodeAt(i) < 128;
  if (ascii) return s;
  return s
    .replace(APOSTROPHES, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u300c\u300d]/g, '"')
    .replace(/[\u2014\u2013\u2012\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\u00a0/g, ' ');
}

/** True if `core` (without its final period) keeps the period: "Feb", "U.S", "J". */
function keepsPeriod(core: string): boolean {
  if (core.length === 0) return false;
  if (/^[A-Za-z]$/.test(core)) return true;
  if (core.includes('.') && /^[A-Za-z.]+$/.test(core)) return true;
  // "No. 10" but not "said no.": the number abbreviation is capitalised.
  if (core === 'No' || core === 'Nos' || STATES.has(core)) return true;
  return ABBREVIATIONS.has(core.toLowerCase());
}

/** Splits the non-space chunk text[a, b) into tokens, appending them to `out`. */
function splitChunk(text: string, a: number, b: number, out: Token[]): void {
  const tail: Token[] = [];
  // Dashes split words everywhere ("said—and"), as in the ASCII " -- " of Reuters.
  for (let i = a; i < b; i++) {
    if (isDash(text.charCodeAt(i)) && b - a > 1) {
      if (i > a) splitChunk(text, a, i, out);
      let j = i + 1;
      while (j < b && isDash(text.charCodeAt(j))) j++;
      out.push({ start: i, end: j, norm: j - i > 1 ? '--' : '-' });
      if (j < b) splitChunk(text, j, b, out);
      return;
    }
  }
  const whole = normalizeChars(text.slice(a, b));
  if (/^('s|'S|n't|N'T|'re|'ve|'ll|'d|'m|'[0-9]{2}s?)$/.test(whole)) {
    out.push({ start: a, end: b, norm: whole });
    return;
  }
  while (a < b - 1 && OPENERS.has(text[a])) {
    out.push({ start: a, end: a + 1, norm: normalizeChars(text[a]) });
    a++;
  }
  for (;;) {
    if (b - a <= 1) break;
    const last = text[b - 1];
    if (last === '.' && text.slice(b - 3, b) === '...' && b - 3 > a) {
      tail.push({ start: b - 3, end: b, norm: '...' });
      b -= 3;
    } else if (last === '.') {
      if (keepsPeriod(text.slice(a, b - 1))) break;
      tail.push({ start: b - 1, end: b, norm: '.' });
      b--;
    } else if (CLOSERS.has(last)) {
      // A possessive apostrophe after a plural ("ministers'") is its own token too.
      tail.push({ start: b - 1, end: b, norm: normalizeChars(last) });
      b--;
    } else break;
  }
  const core = normalizeChars(text.slice(a, b));
  const m = /^(.+?)('[sS]|[nN]'[tT]|'re|'ve|'ll|'d|'m)$/.exec(core);
  if (m && core.length === b - a && !/^[A-Za-z]$/.test(m[1])) {
    const cut = a + m[1].length;
    out.push({ start: a, end: cut, norm: m[1] });
    out.push({ start: cut, end: b, norm: m[2] });
  } else if (b > a) {
    out.push({ start: a, end: b, norm: core });
  }
  for (let i = tail.length - 1; i >= 0; i--) out.push(tail[i]);
}

/** Tokenises `text`; `lineBreakBefore[i]` says a newline separates token i from token i-1. */
export function tokenize(text: string): { tokens: Token[]; lineBreakBefore: boolean[] } {
  const tokens: Token[] = [];
  const lineBreakBefore: boolean[] = [];
  let sawBreak = true;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      sawBreak = true;
      i++;
      continue;
    }
    if (
      c === 32 ||
      c === 9 ||
      c === 0xa0 ||
      c === 12 ||
      c === 11 ||
      (c >= 0x2000 && c <= 0x200b) ||
      c === 0x3000 ||
      c === 0x202f
    ) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (
        d <= 32 ||
        d === 0xa0 ||
        d === 0x2028 ||
        d === 0x2029 ||
        (d >= 0x2000 && d <= 0x200b) ||
        d === 0x3000 ||
        d === 0x202f
      )
        break;
      j++;
    }
    const before = tokens.length;
    splitChunk(text, i, j, tokens);
    for (let k = before; k < tokens.length; k++) lineBreakBefore.push(k === before && sawBreak);
    sawBreak = false;
    i = j;
  }
  return { tokens, lineBreakBefore };
}
