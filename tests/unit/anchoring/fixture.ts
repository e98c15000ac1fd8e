/** Texts for the anchoring tests: a short article and a long generated page. */

export const ARTICLE = [
  'BEIJING, Feb. 25 -- Chinese Foreign Minister Wang Yi on Tuesday addressed the high-level segment of the 58th session of the United Nations Human Rights Council via video link.',
  '"China is willing to work with all parties to promote the healthy development of the international human rights cause," Wang said, adding that dialogue should replace confrontation.',
  'The minister said the council should uphold fairness and objectivity, and oppose the politicisation of human rights issues. He also called for more attention to the right to development.',
  'Observers in Geneva noted that the speech echoed earlier statements. "We have heard this before," one diplomat said, declining to be named because of the sensitivity of the talks.',
  'The session runs until early April and is expected to adopt several resolutions on economic, social and cultural rights, as well as on the situation in a number of countries.',
].join('\n\n');

/** A deterministic pseudo-random generator, so failures reproduce. */
export function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

const WORDS = (
  'the a of to in and for on with said minister government council rights talks economy trade growth ' +
  'China Beijing Geneva week report policy officials meeting statement development session country ' +
  'international cooperation security people president foreign ministry spokesperson reform market'
).split(' ');

/** About `length` characters of sentence-like text made of common news words. */
export function longText(length: number, seed = 1): string {
  const rnd = random(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const n = 8 + Math.floor(rnd() * 12);
    const words = Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]);
    const sentence = words.join(' ') + (rnd() < 0.2 ? '.\n\n' : '. ');
    parts.push(sentence[0]!.toUpperCase() + sentence.slice(1));
    size += sentence.length;
  }
  return parts.join('').slice(0, length);
}
