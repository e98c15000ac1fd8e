/**
 * Speakers of quotations that carry no cue of their own: a signature after them, a label
 * line above them, or the person the paragraph before is about.
 */
import { sentenceSubject } from './attribution';
import type { Subject } from './cues';
import type { MarkedSpan } from './marks';
import { nameAfter } from './names';
import { lineStart, REACH, sentenceStart, tokens } from './tokens';

/** A dash that opens a signature: em, en, horizontal bar, or one or two hyphens. */
const DASH = String.raw`(?:[—–―]|--?)`;
const SIGNED_BELOW = new RegExp(String.raw`^\s*${DASH}\s?(\p{Lu}[^\n]{0,100})(?:\n|$)`, 'u');
/** The end of a paragraph signed after its last quotation: "… ” ― Maria Lopez, Phoenix." */
const SIGNED_AFTER = new RegExp(String.raw`['"’”»]\s*${DASH}\s*(\p{Lu}[^\n"“”—–―]{0,100}?)\s*$`, 'u');

function nameSubject(text: string, at: number): Subject | null {
  const n = nameAfter(text, at);
  return n ? { kind: 'name', ...n } : null;
}

/**
 * A signature: "…”\n\n— Maria Lopez, Phoenix." on the next line when the quotation ends its
 * paragraph, or "“…” ― Maria Lopez" at the end of the quotation's own paragraph.
 */
export function signature(text: string, q: MarkedSpan, paraEnd: number): Subject | null {
  let k = q.close;
  while (k < paraEnd && /\s/.test(text[k])) k++;
  if (k === paraEnd) {
    const m = SIGNED_BELOW.exec(text.slice(paraEnd, paraEnd + 120));
    return m ? nameSubject(text, paraEnd + m[0].indexOf(m[1])) : null;
  }
  // A signature is the paragraph's last hundred-odd characters: only they are searched.
  const from = Math.max(q.close - 1, paraEnd - 200);
  const m = SIGNED_AFTER.exec(text.slice(from, paraEnd));
  if (!m) return null;
  const s = nameSubject(text, from + m.index + m[0].indexOf(m[1]));
  // The name must make up the signature, give or take a title after a comma: "― Ana Ruiz, 34."
  return s && /^(?:$|[,.(])/.test(text.slice(s.end, paraEnd).trim()) ? s : null;
}

/**
 * A label line above a quotation that stands alone: "Maria Lopez, 34, Phoenix:" or a
 * transcript's "TAPPER:". Only a short line that begins with a name, goes on after it with a
 * comma, a colon, a parenthesis or a dash, and ends no sentence.
 */
export function labelAbove(text: string, paraStart: number): Subject | null {
  const end = paraStart - 1;
  if (end < 0 || text[end] !== '\n') return null;
  let lineEnd = end;
  while (lineEnd > 0 && text[lineEnd - 1] === '\n' && end - lineEnd < REACH) lineEnd--;
  const start = lineStart(text, lineEnd);
  const line = text.slice(start, lineEnd).trim();
  if (line.length === 0 || line.length > 80 || /[.!?]$/.test(line) || (start > 0 && text[start - 1] !== '\n'))
    return null;
  let at = start;
  while (/\s/.test(text[at])) at++;
  const n = nameAfter(text, at);
  // Something must follow the name: a line that is only a name in capitals is as likely a
  // sub-headline ("Budget Talks Stall in Springfield", "What Comes Next") as a label.
  if (!n || !/^(?:[,:(]|\s*[—–―-])/.test(text.slice(n.end, lineEnd).trimEnd())) return null;
  return { kind: 'name', ...n };
}

/**
 * Where the paragraph before the one starting at `paraStart` starts, or where its last
 * `REACH` characters start when it is longer.
 */
export function previousParagraph(text: string, paraStart: number): number {
  let p = paraStart;
  while (p > 0 && text[p - 1] === '\n' && paraStart - p < REACH) p--;
  return lineStart(text, p);
}

/**
 * Who the paragraph before is about: the name or pronoun its last sentence opens with
 * ("Lopez is upbeat about the vote."), for a quotation paragraph with no cue.
 */
export function paragraphSubject(text: string, paraStart: number, mask: Uint8Array): Subject | null {
  let end = paraStart;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  const start = previousParagraph(text, paraStart);
  // A paragraph that ends no sentence is a heading or a promo line, about no one in particular.
  if (end <= start || mask[end - 1] || !/[.!?…]['"’”)»]?$/.test(text.slice(Math.max(start, end - 2), end))) return null;
  const from = sentenceStart(text, end - 1, start, mask);
  const toks = tokens(text, from, end, mask);
  const s = toks.length > 2 ? sentenceSubject(text, toks, toks.length) : null;
  // A description ("Some answers follow") may be no one; a name or a pronoun is someone, but
  // not a name inside another phrase ("It was the Dayton mayor's win").
  if (!s || s.kind === 'desc' || /['’]s?$/.test(s.text)) return null;
  const lead = text
    .slice(from, s.start)
    .replace(/^[^,]*,\s*/, '')
    .replace(/\bthe\s*$/i, ''); // "the DNC"
  return /(?:^|\s)(?:the|a|an|it|there|this|that|his|her|their|its|of|for|to|by)\s/i.test(` ${lead}`) ? null : s;
}
