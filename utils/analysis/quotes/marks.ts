/**
 * Quotation-mark pairing: finds the spans that quotation marks enclose, telling quote
 * marks from apostrophes by their context, bounded by paragraphs so that a stray mark
 * never swallows the rest of the article.
 */

/** Families of marks that pair with each other. */
export type MarkFamily = 'double' | 'single' | 'angle' | 'angle1' | 'corner' | 'wcorner';

/** A span enclosed by quotation marks; `start`/`end` exclude the marks. */
export type MarkedSpan = {
  /** Index of the opening mark. */
  open: number;
  /** Index just after the closing mark (equal to `end` when the quote was never closed). */
  close: number;
  start: number;
  end: number;
  family: MarkFamily;
  /** False when the paragraph ended before a closing mark. */
  closed: boolean;
};

type Token = { pos: number; len: number; family: MarkFamily; fixed?: 'open' | 'close' };
type Open = { pos: number; len: number; family: MarkFamily };

const FIXED: Record<string, [MarkFamily, 'open' | 'close' | undefined]> = {
  '"': ['double', undefined],
  '\u201c': ['double', undefined], // “ opens in English, closes in German („…“): context decides
  '\u201d': ['double', undefined], // ” closes in English, opens and closes in Swedish
  '\u201e': ['double', 'open'], // „
  '\u201f': ['double', 'open'],
  "'": ['single', undefined],
  '\u2018': ['single', undefined],
  '\u2019': ['single', undefined],
  '\u201a': ['single', 'open'], // ‚
  '\u00ab': ['angle', undefined], // « (French «…», Danish/German »…«)
  '\u00bb': ['angle', undefined],
  '\u2039': ['angle1', undefined],
  '\u203a': ['angle1', undefined],
  '\u300c': ['corner', 'open'],
  '\u300d': ['corner', 'close'],
  '\u300e': ['wcorner', 'open'],
  '\u300f': ['wcorner', 'close'],
};

const MARK_CHARS = /["'`\u2018-\u201f\u00ab\u00bb\u2039\u203a\u300c-\u300f]/;
const OPEN_BEFORE = /[\s([{\u2014\u2013\-/:;]/;
const CLOSE_AFTER = /[\s.,;:!?)\]}\u2014\u2013\-/\u2026]/;
/** More marks open at once than any real text nests: the paragraph's marks are not quotation marks. */
const MAX_OPEN = 32;
/** Words that begin with an elision apostrophe ('em, 'til, rock 'n' roll). */
const ELISION = /^(?:em|til|cause|cuz|n|bout|tis|twas|round|nuff|kay)\b/i;

/** Quotation-mark candidates in one paragraph, with runs of apostrophes split ('' = double). */
function tokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (!MARK_CHARS.test(ch)) continue;
    if (ch === '`') {
      if (text[i + 1] === '`') out.push({ pos: i++, len: 2, family: 'double', fixed: 'open' });
      continue;
    }
    if (ch === "'" && text[i + 1] === "'") {
      // NYT style: '' is a double mark; a third ' is a nested single mark on the inner side.
      let n = 2;
      while (text[i + n] === "'") n++;
      const opening = i === from || OPEN_BEFORE.test(text[i - 1]);
      const doubles = Math.floor(n / 2),
        single = n % 2 === 1;
      let p = i;
      if (single && !opening) out.push({ pos: p++, len: 1, family: 'single' });
      for (let d = 0; d < doubles; d++, p += 2) out.push({ pos: p, len: 2, family: 'double' });
      if (single && opening) out.push({ pos: p++, len: 1, family: 'single' });
      i += n - 1;
      continue;
    }
    const [family, fixed] = FIXED[ch] ?? ['double', undefined];
    out.push({ pos: i, len: 1, family, fixed });
  }
  return out;
}

function isMark(ch: string | undefined): boolean {
  return ch !== undefined && MARK_CHARS.test(ch);
}

/** What a mark does here: opens, closes, or nothing (an apostrophe or a stray mark). */
function role(text: string, t: Token, stack: Open[], from: number, to: number): 'open' | 'close' | 'none' {
  if (t.fixed) return t.fixed;
  const prev = t.pos > from ? text[t.pos - 1] : '\n';
  const next = t.pos + t.len < to ? text[t.pos + t.len] : '\n';
  const canOpen = (OPEN_BEFORE.test(prev) || isMark(prev)) && !/\s/.test(next);
  const canClose = !/\s/.test(prev) && (CLOSE_AFTER.test(next) || isMark(next));
  const isOpen = stack.some((o) => o.family === t.family);
  if (t.family === 'angle' || t.family === 'angle1') {
    // French sets guillemets off with spaces (« non »): their shape decides, not the spaces;
    // the reversed German »nein« is read from context.
    const ch = text[t.pos];
    if ((ch === '\u00bb' || ch === '\u203a') && isOpen) return 'close';
    if ((ch === '\u00ab' || ch === '\u2039') && !isOpen) return 'open';
  }
  if (t.family === 'single') {
    if (/[\p{L}\p{N}]/u.test(prev) && /[\p{L}\p{N}]/u.test(next)) return 'none'; // don't, O'Brien
    if (canOpen && (/\d/.test(next) || ELISION.test(text.slice(t.pos + t.len, t.pos + t.len + 6)))) return 'none';
    if (canOpen && !canClose) return 'open';
    return isOpen ? 'close' : 'none'; // Jones' with no single quote open is an apostrophe
  }
  if (canOpen && !canClose) return 'open';
  if (canClose && !canOpen) return isOpen ? 'close' : 'none';
  return isOpen ? 'close' : 'open';
}

/** Whether the paragraph at `at` begins with an opening mark of `family` (a continued quote). */
function continues(text: string, at: number, family: MarkFamily): number {
  let i = at;
  while (i < text.length && /\s/.test(text[i])) i++;
  const end = text.indexOf('\n', i);
  const t = tokens(text, i, Math.min(i + 3, end < 0 ? text.length : end))[0];
  return t && t.pos === i && t.family === family && t.fixed !== 'close' ? t.pos + t.len : -1;
}

/**
 * All spans enclosed by quotation marks, in order of their opening mark. A quotation that
 * runs over several paragraphs (an opening mark at each paragraph start, one closing mark
 * at the end) is one span; one left open at the end of a paragraph ends there, unless
 * other marks were left open with it.
 */
export function pairMarks(text: string): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  let stack: Open[] = [];
  let skipUntil = -1; // the opening mark of a continued paragraph is not a new quote
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    for (const t of tokens(text, from, to)) {
      if (t.pos < skipUntil) continue;
      const r = role(text, t, stack, from, to);
      if (r === 'open') {
        stack.push({ pos: t.pos, len: t.len, family: t.family });
        // Bounds the work too: the stack is searched for each mark.
        if (stack.length > MAX_OPEN) break;
      } else if (r === 'close') {
        let k = stack.length - 1;
        while (stack[k].family !== t.family) k--;
        const o = stack[k];
        spans.push({
          open: o.pos,
          close: t.pos + t.len,
          start: o.pos + o.len,
          end: t.pos,
          family: o.family,
          closed: true,
        });
        stack = stack.slice(0, k);
      }
    }
    // Keep the outermost quote open if the next paragraph opens again with the same mark;
    // but several double or angle marks left open mean the marks were never closed at
    // all (or the text is no prose): then none of them opens a quotation.
    const open = stack.filter((o) => o.family !== 'single');
    const outer = open.length === 1 ? open[0] : undefined;
    stack = [];
    if (outer) {
      const after = to < text.length ? continues(text, to + 1, outer.family) : -1;
      if (after >= 0) {
        stack = [outer];
        skipUntil = after;
      } else {
        let end = to;
        while (end > outer.pos + outer.len && /\s/.test(text[end - 1])) end--;
        spans.push({
          open: outer.pos,
          close: end,
          start: outer.pos + outer.len,
          end,
          family: outer.family,
          closed: false,
        });
      }
    }
    from = to + 1;
  }
  return spans.sort((a, b) => a.open - b.open);
}
