/**
 * Sentence splitting over tokens. Text from the extension is paragraphs with
 * sentences not split; the tokeniser keeps abbreviation periods ("Feb.",
 * "U.S.", "Mr.") inside their tokens, so a lone "." "?" "!" ends a sentence.
 */
import type { Token } from './tokenize';

const ENDERS = new Set(['.', '?', '!', '...']);
const TRAILERS = new Set(['"', "'", ')', ']']);

/** Splits tokens into sentences; returns [start, end) token index pairs. */
export function splitSentences(tokens: Token[], lineBreakBefore: boolean[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    if (i > start && lineBreakBefore[i]) {
      out.push([start, i]);
      start = i;
    }
    if (!ENDERS.has(tokens[i].norm)) continue;
    let j = i + 1;
    // Closing quotes and brackets after the full stop belong to the sentence.
    while (j < n && !lineBreakBefore[j] && TRAILERS.has(tokens[j].norm) && closesHere(tokens, start, j)) j++;
    if (j >= n || lineBreakBefore[j]) {
      i = j - 1;
      continue;
    }
    const next = tokens[j].norm;
    const c = next.charCodeAt(0);
    // A new sentence starts with a capital, a digit or an opening mark, not "and" or "$5 million...".
    const upper =
      next[0] !== next[0].toLowerCase() || (c >= 48 && c <= 57) || next === '"' || next === '(' || next === "'";
    if (!upper) continue;
    out.push([start, j]);
    start = j;
    i = j - 1;
  }
  if (start < n) out.push([start, n]);
  return out;
}

/** True if the quote/bracket at token j closes one opened in this sentence (odd count of quotes so far). */
function closesHere(tokens: Token[], start: number, j: number): boolean {
  const t = tokens[j].norm;
  if (t === ')' || t === ']') return true;
  let count = 0;
  for (let k = start; k < j; k++) if (tokens[k].norm === t) count++;
  return count % 2 === 1;
}
