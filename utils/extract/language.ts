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

// Scripts that name one language (or its commonest), in the order they are tested.
const SCRIPTS: [RegExp, string][] = [
  [/[\uac00-\ud7af\u1100-\u11ff]/g, 'ko'],
  [/[\u4e00-\u9fff]/g, 'zh'],
  [/[\u0400-\u04ff]/g, 'ru'],
  [/[\u0600-\u06ff]/g, 'ar'],
  [/[\u0590-\u05ff]/g, 'he'],
  [/[\u0370-\u03ff]/g, 'el'],
  [/[\u0e00-\u0e7f]/g, 'th'],
  [/[\u0900-\u097f]/g, 'hi'],
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
  const sample = text.slice(0, 4000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 40) return null;
  // Japanese mixes kana into Han characters: a little kana says Japanese.
  if ((sample.match(/[\u3040-\u30ff]/g)?.length ?? 0) / letters > 0.05) return 'ja';
  for (const [re, lang] of SCRIPTS) {
    if ((sample.match(re)?.length ?? 0) / letters > 0.3) {
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
