/**
 * Random word-level edits of a text that keep track of where every original
 * character went, so a benchmark can tell whether a passage re-anchored in the
 * edited text is the same passage.
 */

/** A deterministic pseudo-random generator (Park–Miller), so figures reproduce. */
export function random(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** An edited text and, for each original character, its offset in the edited text (-1 if deleted). */
export type EditedText = { text: string; moved: Int32Array };

type Token = { text: string; origin: number };

/**
 * Applies `round(fraction × words)` random word edits spread through `text`:
 * each inserts a word before a word, deletes a word (with the space after
 * it), or replaces a word by another, one in three each. New words are drawn
 * from the text's own words.
 */
export function editWords(text: string, fraction: number, seed: number): EditedText {
  const rnd = random(seed);
  const tokens: Token[] = [];
  for (const m of text.matchAll(/\S+|\s+/g)) tokens.push({ text: m[0], origin: m.index });
  const vocabulary = tokens.filter((t) => !/^\s/.test(t.text)).map((t) => t.text);
  const count = Math.round(fraction * vocabulary.length);
  const word = () => vocabulary[Math.floor(rnd() * vocabulary.length)];
  for (let n = 0; n < count; n++) {
    let i = Math.floor(rnd() * tokens.length);
    while (i < tokens.length && /^\s/.test(tokens[i].text)) i++;
    if (i >= tokens.length) continue;
    const op = rnd();
    if (op < 1 / 3) tokens.splice(i, 0, { text: word(), origin: -1 }, { text: ' ', origin: -1 });
    else if (op < 2 / 3) tokens.splice(i, /^\s/.test(tokens[i + 1]?.text ?? '') ? 2 : 1);
    else tokens[i] = { text: word(), origin: -1 };
  }
  const moved = new Int32Array(text.length).fill(-1);
  let at = 0;
  for (const t of tokens) {
    if (t.origin >= 0) for (let k = 0; k < t.text.length; k++) moved[t.origin + k] = at + k;
    at += t.text.length;
  }
  return { text: tokens.map((t) => t.text).join(''), moved };
}

/**
 * Where the passage `[start, end)` of the original text is in the edited
 * text: from its first surviving character to its last, with whatever was
 * inserted between; null if none of it survived.
 */
export function passageAfter(edited: EditedText, start: number, end: number): [number, number] | null {
  let from = -1;
  let to = -1;
  for (let i = start; i < end; i++) {
    const j = edited.moved[i];
    if (j < 0) continue;
    if (from < 0) from = j;
    to = j + 1;
  }
  return from < 0 ? null : [from, to];
}

/** Overlap of two ranges as a share of their union (0 when apart, 1 when equal). */
export function overlap([a, b]: [number, number], [c, d]: [number, number]): number {
  const common = Math.max(0, Math.min(b, d) - Math.max(a, c));
  return common / (Math.max(b, d) - Math.min(a, c));
}
