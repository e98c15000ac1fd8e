import type { TextSelectors } from './types';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** Whether a UTF-16 code unit is the second half of a surrogate pair. */
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The selectors for `text[start, end)`: the quote with ~32 characters of
 * context each side, and the position. The context edges never split a
 * surrogate pair (an emoji cut in half would never match again).
 *
 * @throws RangeError when the range is empty or outside the text.
 */
export function describe(text: string, start: number, end: number): TextSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new RangeError(`describe: bad range [${start}, ${end}) for a text of ${text.length} characters`);
  }
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(from, start),
      suffix: text.slice(end, to),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
