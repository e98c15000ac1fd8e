/**
 * The part of an article's text that is analysed: all of it, or for a text
 * longer than `max` characters its beginning, cut at the last paragraph break
 * before `max` (or at `max` when there is none in its last tenth).
 */
export function analysableText(text: string, max: number): string {
  if (text.length <= max) return text;
  const brk = text.lastIndexOf('\n', max);
  return text.slice(0, brk >= max * 0.9 ? brk : max).trimEnd();
}
