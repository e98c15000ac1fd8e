/**
 * News datelines ("BEIJING, Feb. 24 (Xinhua) --", "WASHINGTON (AP) -"): the
 * place opens the sentence and the agency stands in brackets before a dash.
 * The 1996 Reuters training text writes datelines differently
 * ("BRUSSELS 1996-08-22"), so the tagger is corrected by this rule.
 */
import { capClass } from './context';
import { beginLabel } from './labels';

const DASH = new Set(['-', '--', '---']);
const DATE_WORD =
  /^(?:\d{1,4}(?:st|nd|rd|th)?|,|\.|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)$/i;

/** Labels the place (LOC, if the tagger saw nothing there) and agency (ORG) of datelines, in place. */
export function markDatelines(words: string[], sentences: [number, number][], labels: Uint8Array): void {
  const LOC = beginLabel('LOC');
  const ORG = beginLabel('ORG');
  for (const [a, b] of sentences) {
    let i = a;
    while (i < b && i - a < 4 && capClass(words[i]) === 2) i++;
    const placeEnd = i;
    if (placeEnd === a) continue;
    if (i < b && words[i] === ',') i++;
    const dateStart = i;
    while (i < b && i - dateStart < 6 && words[i] !== '(' && DATE_WORD.test(words[i])) i++;
    let agency: [number, number] | null = null;
    if (i < b && words[i] === '(') {
      let j = i + 1;
      while (j < b && j - i <= 4 && (capClass(words[j]) === 1 || capClass(words[j]) === 2)) j++;
      if (j > i + 1 && j < b && words[j] === ')') {
        agency = [i + 1, j];
        i = j + 1;
      }
    }
    if (i >= b || !DASH.has(words[i])) continue;
    // Without an agency, only "PLACE, DATE --" is a dateline ("SOCCER - JAPAN WIN" is a headline).
    if (!agency && (words[dateStart - 1] !== ',' || i === dateStart)) continue;
    let seen = false;
    for (let k = a; k < placeEnd; k++) if (labels[k] !== 0) seen = true;
    if (!seen) for (let k = a; k < placeEnd; k++) labels[k] = k === a ? LOC : LOC + 1;
    if (agency) markAgency(words, labels, agency[0], agency[1], ORG);
  }
}

/** Labels the agency ORG here and wherever else the document names it ("Xinhua) 08:30" in a by-line). */
function markAgency(words: string[], labels: Uint8Array, from: number, to: number, ORG: number): void {
  const len = to - from;
  for (let i = 0; i + len <= words.length; i++) {
    let same = true;
    for (let k = 0; k < len && same; k++) same = words[i + k] === words[from + k];
    if (!same) continue;
    if (i + len < words.length && labels[i + len] !== 0 && (labels[i + len] & 1) === 0) continue;
    for (let k = 0; k < len; k++) labels[i + k] = k === 0 ? ORG : ORG + 1;
  }
}
