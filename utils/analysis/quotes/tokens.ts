/** Words, sentence bounds and quoted regions: the text geometry the cue rules work on. */

/** One word or punctuation mark; `w` is lowercased, `cap` says it was capitalised. */
export type Tok = { s: number; e: number; w: string; cap: boolean };

const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.-]*[\p{L}\p{N}])?|[,.;:!?—–()]/gu;
/** Abbreviations whose full stop does not end a sentence. */
const ABBREV = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen lt col sgt capt adm cmdr maj rev st jr sr u.s u.n u.k d.c ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec no vs inc corp co ltd p.m a.m ft mt calif fla ' +
    'ind ill mass mich minn nev pa tenn tex va wash wis ky la md mo n.c s.c n.h n.y n.j'
  ).split(' '),
);

/**
 * How far, in characters, any scan made for one quotation reaches beyond its marks (its
 * sentence, the cue, the paragraph around it). It bounds the work per quotation, so a page
 * of many quotation marks in one paragraph is analysed in time linear in its size; prose
 * sentences are much shorter.
 */
export const REACH = 800;

/**
 * Characters and list items the scans made for single quotations have gone over, summed over
 * every analysis since the last reset: tests read it to check that the work grows linearly
 * with the text (a count, where a time would depend on the machine).
 */
export const work = { steps: 0 };

/** Where the line that holds `pos` starts, looking back at most `REACH` characters. */
export function lineStart(text: string, pos: number): number {
  const floor = Math.max(0, pos - REACH);
  for (let i = pos - 1; i >= floor; i--) {
    if (text[i] === '\n') {
      work.steps += pos - i;
      return i + 1;
    }
  }
  work.steps += pos - floor;
  return floor;
}

/**
 * The last stretch of `text[from, to)` without (ASCII) word characters: the punctuation a
 * quotation ends with. Tested instead of `/[.!?]\W*$/`, which backtracks on long runs of marks.
 */
export function trailingPunct(text: string, from = 0, to = text.length): string {
  let i = to;
  while (i > from && !/\w/.test(text[i - 1])) i--;
  return text.slice(i, to);
}

/** A mask of the text: 1 inside a quotation (marks included), 0 elsewhere. */
export function quoteMask(length: number, spans: { open: number; close: number }[]): Uint8Array {
  const mask = new Uint8Array(length);
  for (const s of spans) mask.fill(1, s.open, s.close);
  return mask;
}

/** Words of `text[from, to)` outside quotations; abbreviations keep their full stop. */
export function tokens(text: string, from: number, to: number, mask: Uint8Array): Tok[] {
  const out: Tok[] = [];
  work.steps += Math.max(0, to - from);
  // The search runs on the span (and a little after it, for a word that crosses its end),
  // never on the rest of the text: a span without words costs its own length only.
  const span = text.slice(from, Math.min(text.length, to + 64));
  const re = new RegExp(TOKEN.source, 'gu');
  for (let m = re.exec(span); m && m.index + from < to; m = re.exec(span)) {
    const s = m.index + from;
    if (mask[s]) {
      // Skip the rest of the quotation at once, not word by word.
      let e = s + 1;
      while (e < to && mask[e]) e++;
      re.lastIndex = e - from;
      continue;
    }
    let e = s + m[0].length;
    const w = m[0].toLowerCase();
    // Keep abbreviations' full stops ("Mr.", "R-Ky.,", "D.C.,"): they do not end the sentence.
    if (
      text[e] === '.' &&
      (ABBREV.has(w) || /^\p{Lu}$/u.test(m[0]) || /\./.test(w) || /[,;:)]/.test(text[e + 1] ?? ''))
    ) {
      e++;
      re.lastIndex = e - from;
    }
    if (e > to) break;
    out.push({ s, e, w, cap: w !== m[0] && /^\p{Lu}/u.test(m[0]) });
  }
  return out;
}

function abbreviationBefore(text: string, dot: number): boolean {
  const m = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot));
  if (!m) return false;
  return ABBREV.has(m[1].toLowerCase()) || /^\p{Lu}$/u.test(m[1]);
}

function skipSpace(text: string, i: number, max: number): number {
  while (i < max && /\s/.test(text[i])) i++;
  return i;
}

/** Where the sentence that contains `pos` starts (not before `floor`). */
export function sentenceStart(text: string, pos: number, floor: number, mask: Uint8Array): number {
  work.steps += Math.max(0, pos - floor);
  for (let i = pos - 1; i > floor; i--) {
    const c = text[i];
    if (c === '\n') return skipSpace(text, i + 1, pos);
    if ((c === '.' || c === '?' || c === '!') && !mask[i] && /\s/.test(text[i + 1] ?? ' ')) {
      if (c !== '.' || !abbreviationBefore(text, i)) return skipSpace(text, i + 1, pos);
    }
    // A quotation that ends its sentence: … called him “a liar.” Carly Fiorina said …
    if (
      mask[i] &&
      !mask[i + 1] &&
      /[.!?]['"’”»]*$/.test(text.slice(Math.max(0, i - 3), i + 1)) &&
      /^\s+\p{Lu}/u.test(text.slice(i + 1, i + 4))
    ) {
      return skipSpace(text, i + 1, pos);
    }
  }
  return floor;
}

/** Where the sentence that contains `pos` ends (not after `ceil`). */
export function sentenceEnd(text: string, pos: number, ceil: number, mask: Uint8Array): number {
  work.steps += Math.max(0, ceil - pos);
  for (let i = pos; i < ceil; i++) {
    const c = text[i];
    if (c === '\n') return i;
    if ((c === '.' || c === '?' || c === '!') && !mask[i] && /\s/.test(text[i + 1] ?? ' ')) {
      if (c !== '.' || !abbreviationBefore(text, i)) return i + 1;
    }
  }
  return ceil;
}
