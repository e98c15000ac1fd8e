/**
 * The language of a page: what it declares (`<html lang>`, Content-Language,
 * Dublin Core, og:locale, JSON-LD `inLanguage`), checked against a cheap guess
 * from its text (the script it is written in; for Latin script, the commonest
 * small words of eight languages). Templates often declare "en" on pages
 * written in another language: a confident guess from enough text wins.
 */

/** A language tag's primary subtag, lower-cased ("en-GB" → "en", "pt_BR" → "pt"); null when it is none. */
export function primaryTag(tag: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})(?:$|[-_\s])/i.exec(tag ?? '');
  return m ? m[1].toLowerCase() : null;
}

// Blocks of scripts that name one language (or its commonest): [first, last, language].
const SCRIPTS: [number, number, string][] = [
  [0xac00, 0xd7af, 'ko'],
  [0x1100, 0x11ff, 'ko'],
  [0x3040, 0x30ff, 'ja'],
  [0x4e00, 0x9fff, 'zh'],
  [0x0400, 0x04ff, 'ru'],
  [0x0600, 0x06ff, 'ar'],
  [0x0590, 0x05ff, 'he'],
  [0x0370, 0x03ff, 'el'],
  [0x0e00, 0x0e7f, 'th'],
  [0x0900, 0x097f, 'hi'],
];

// The commonest short words of each language, written so that no two lists share one.
const WORDS: Record<string, Set<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'is', 'that', 'with', 'for', 'was', 'it', 'this', 'are', 'have']),
  de: new Set([
    'der',
    'die',
    'und',
    'das',
    'ist',
    'nicht',
    'mit',
    'sich',
    'auf',
    'für',
    'ein',
    'eine',
    'den',
    'dem',
    'auch',
  ]),
  fr: new Set(['le', 'les', 'et', 'des', 'est', 'une', 'aux', 'pour', 'dans', 'qui', 'pas', 'sur', 'au', 'avec']),
  es: new Set(['el', 'los', 'y', 'las', 'del', 'por', 'una', 'su', 'es', 'al', 'como', 'más', 'pero', 'fue']),
  pt: new Set(['os', 'não', 'do', 'da', 'em', 'dos', 'das', 'com', 'ao', 'mais', 'são', 'pelo', 'pela', 'também']),
  it: new Set(['di', 'che', 'è', 'per', 'gli', 'della', 'sono', 'anche', 'nel', 'alla', 'dei', 'delle', 'questo']),
  nl: new Set(['het', 'een', 'van', 'niet', 'zijn', 'ook', 'op', 'dat', 'voor', 'met', 'aan', 'bij', 'naar']),
  pl: new Set(['w', 'na', 'się', 'nie', 'z', 'że', 'jest', 'jak', 'przez', 'oraz', 'od', 'po', 'tym']),
};

/** A guess from the text alone, or null when the text is too short or too mixed to say. */
export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, 3000);
  // One pass over the characters: letters of each script.
  const counts = new Map<string, number>();
  let letters = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) letters++;
      continue;
    }
    if (c < 0x370) {
      letters++; // Latin letters with diacritics (and a few signs)
      continue;
    }
    for (const [lo, hi, lang] of SCRIPTS) {
      if (c >= lo && c <= hi) {
        counts.set(lang, (counts.get(lang) ?? 0) + 1);
        break;
      }
    }
    letters++;
  }
  if (letters < 40) return null;
  // Japanese mixes kana into Han characters: a little kana says Japanese.
  if ((counts.get('ja') ?? 0) / letters > 0.05) return 'ja';
  for (const [lang, n] of counts) {
    if (lang !== 'ja' && n / letters > 0.3) {
      if (lang === 'ru' && /[іїєґ]/i.test(sample)) return 'uk';
      if (lang === 'ar' && /[پچژگ]/.test(sample)) return 'fa';
      return lang;
    }
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 20) return null;
  const hits: [string, number][] = Object.entries(WORDS).map(([lang, set]) => [
    lang,
    words.filter((w) => set.has(w)).length,
  ]);
  hits.sort((a, b) => b[1] - a[1]);
  const [[best, n], [, second]] = hits;
  // Confident: common words are at least a tenth of the text and twice the runner-up's.
  return n >= 0.1 * words.length && n >= 2 * second ? best : null;
}

/** The page's language: the declared one unless a confident guess from the text says otherwise. */
export function pageLanguage(declared: (string | null | undefined)[], text: string): string | null {
  const tag = declared.map(primaryTag).find((t) => t !== null) ?? null;
  const guess = guessLanguage(text);
  return guess ?? tag;
}
