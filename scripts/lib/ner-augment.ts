/**
 * Headline copies of training sentences. Reuters 1996 has ALL-CAPS headlines
 * but almost no Title Case ones, which web pages are full of; copying some
 * sentences into those styles (same labels, same document) teaches the model
 * that capitals say little there and that the word itself must decide.
 */
import { sentenceModes } from '../../utils/analysis/ner/context';
import type { ConllDoc } from './ner-conll';

const SMALL = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'in',
  'for',
  'on',
  'at',
  'by',
  'and',
  'or',
  'with',
  'from',
  'as',
  'but',
]);

/** Title Case as headline writers use it: small words stay lower case except first. */
export function titleCase(words: string[]): string[] {
  return words.map((w, i) => {
    if (i > 0 && SMALL.has(w)) return w;
    return w.length && w[0] !== w[0].toUpperCase() ? w[0].toUpperCase() + w.slice(1) : w;
  });
}

/**
 * The document with every `every`-th eligible ordinary sentence copied in Title
 * Case and (offset) in capitals. Every other Title Case copy goes to a separate
 * headlines document instead, where the article cannot tell which words are
 * ordinary: headlines are also read on their own.
 */
export function augmentDoc(doc: ConllDoc, every: number): { doc: ConllDoc; headlines: ConllDoc | null } {
  if (every <= 0) return { doc, headlines: null };
  const out: ConllDoc = { words: [...doc.words], labels: [...doc.labels], sentences: [...doc.sentences] };
  const alone: ConllDoc = { words: [], labels: [], sentences: [] };
  const modes = sentenceModes(doc.words, doc.sentences);
  let eligible = 0;
  let titles = 0;
  doc.sentences.forEach(([a, b], s) => {
    if (modes[s] !== 0 || b - a < 5) return;
    eligible++;
    const style = eligible % every === 0 ? 2 : eligible % every === Math.floor(every / 2) ? 1 : 0;
    if (style === 0) return;
    const orig = doc.words.slice(a, b);
    const copy = style === 2 ? titleCase(orig) : orig.map((w) => w.toUpperCase());
    if (sentenceModes(copy, [[0, copy.length]])[0] !== style) return;
    const target = style === 2 && titles++ % 2 === 1 ? alone : out;
    const start = target.words.length;
    target.words.push(...copy);
    target.labels.push(...doc.labels.slice(a, b));
    target.sentences.push([start, target.words.length]);
  });
  return { doc: out, headlines: alone.words.length ? alone : null };
}
