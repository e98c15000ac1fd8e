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

/** A mask of the text: 1 inside a quotation (marks included), 0 elsewhere. */
export function quoteMask(length: number, spans: { open: number; close: number }[]): Uint8Array {
  const mask = new Uint8Array(length);
  for (const s of spans) mask.fill(1, s.open, s.close);
  return mask;
}

/** Words of `text[from, to)` outside quotations; abbreviations keep their full stop. */
export function tokens(text: string, from: number, to: number, mask: Uint8Array): Tok[] {
  const out: Tok[] = [];
  const re = new RegExp(TOKEN.source, 'gu');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    if (mask[m.index]) continue;
    let e = m.index + m[0].length;
    const w = m[0].toLowerCase();
    // Keep abbreviations' full stops ("Mr.", "R-Ky.,", "D.C.,"): they do not end the sentence.
    if (
      text[e] === '.' &&
      (ABBREV.has(w) || /^\p{Lu}$/u.test(m[0]) || /\./.test(w) || /[,;:)]/.test(text[e + 1] ?? ''))
    ) {
      e++;
      re.lastIndex = e;
    }
    if (e > to) break;
    out.push({ s: m.index, e, w, cap: w !== m[0] && /^\p{Lu}/u.test(m[0]) });
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
  for (let i = pos; i < ceil; i++) {
    const c = text[i];
    if (c === '\n') return i;
    if ((c === '.' || c === '?' || c === '!') && !mask[i] && /\s/.test(text[i + 1] ?? ' ')) {
      if (c !== '.' || !abbreviationBefore(text, i)) return i + 1;
    }
  }
  return ceil;
}
