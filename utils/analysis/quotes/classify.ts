/**
 * Which quoted spans are quotations: words someone is said to have spoken or written.
 * Titles of works, nicknames, scare quotes and words used as words are not.
 */
import type { Attribution } from './attribution';
import type { MarkedSpan } from './marks';
import { trailingPunct } from './tokens';

/** Words that announce a title, a name or a word used as a word, not speech. */
const NAMING = new RegExp(
  String.raw`(?:so-called|the (?:word|words|term|phrase|hashtag|slogan|label|motto|tagline|caption|headline|name|acronym)|` +
    String.raw`titled|entitled|headlined|nicknamed|known as|dubbed|branded|starred in|stars in|star of|host of|author of|` +
    String.raw`co-author of|editor of|directed|produced|episode of|season of|cast of|` +
    String.raw`(?:book|memoir|memoirs|biography|autobiography|film|movie|song|album|show|series|program|programme|documentary|play|novel|poem|column|op-ed|essay|article|report|podcast|episode|opera|musical|exhibit|exhibition|newsletter|blog))[\s,]*$`,
  'u',
);

/**
 * A speech verb before the word for a work describes the work in the words that follow, which
 * are no title when they begin in lowercase: Lutz called the show “the best hour on radio”.
 */
const DESCRIBED = new RegExp(
  String.raw`\b(?:call|calls|called|calling|describe|describes|described|describing|label|labels|labeled|labelled|hail|hails|hailed|praise|praises|praised)\s+` +
    String.raw`(?:the|this|that|his|her|its|their|a|an)\s+(?:[\p{Ll}-]+\s+)?[\p{Ll}-]+[\s,]*$`,
  'u',
);

function describesWork(before: string, inner: string): boolean {
  return DESCRIBED.test(before) && /^\p{Ll}/u.test(inner.trim());
}

/**
 * A noun for something said, with the words it reports after it: "his promise of “free
 * college”", "Trump's accusation that she is playing the “woman's card”", "chants of “USA!”".
 * Short quoted words there are the speaker's, not the writer's scare quotes.
 */
const SPEECH_NOUN = new RegExp(
  String.raw`\b(?:promises?|pledges?|vows?|claims?|accusations?|comments?|remarks?|calls?|admission|warnings?|` +
    String.raw`insistence|assertions?|arguments?|contention|complaints?|boasts?|threats?|demands?|statements?|` +
    String.raw`chants?|cries|cry|refrain|mantra|tweets?|suggestion|prediction|assurances?|denial|declaration|` +
    String.raw`proclamation|acknowledge?ment|characterization|jokes?|quips?|insults?|lament|plea|messages?)\s+` +
    String.raw`(?:(?:on|in|at|during)\s+\p{L}+\s+)?` +
    String.raw`(?:that\s[^.;!?“”"]{0,80}|of\s+(?:an?\s+|the\s+)?|to\s+(?:be\s+)?|about\s+(?:an?\s+|the\s+)?|for\s+(?:an?\s+|the\s+)?|:\s*)$`,
  'iu',
);

/**
 * A verb that casts someone or something as what the quoted words say, the words after "as"
 * being the one who casts: "Trump identified the judge as “Spanish”", "defended his comments as
 * being “sarcastic”", "casting Johnson as an “honorable choice”". ("known as" names: see NAMING.)
 */
const CAST_AS = new RegExp(
  String.raw`\b(?:portray|present|identif(?:y|ie|i)|label|dub|cast|defin|designat|characteri[sz]|depict|brand|` +
    String.raw`refer|regard|dismiss|defend|position|mark|tout|hail|denounc|derid|mock|criticiz|criticis|paint|tag|` +
    String.raw`classif(?:y|ie|i)|bill|styl|prais|pitch|condemn|assail|lambast|ridicul|disparag|laud)\p{L}*` +
    String.raw`(?:\s+[^\s.!?;:"“”]+){0,6}?\s+as\s+(?:an?\s+|the\s+|being\s+)?$`,
  'iu',
);

/** The part of `before` in the quotation's own sentence (after the last full stop). */
function ownSentence(before: string): string {
  const m = /[.!?]['"’”]?\s+(?=\S)/gu;
  let at = 0;
  for (const x of before.matchAll(m)) at = (x.index ?? 0) + x[0].length;
  return before.slice(at);
}

/** Speech verbs that end a quotation's attribution sentence. */
const STRONG_SAID = new Set(
  'said says told tells added adds wrote writes asked asks replied continued explained noted recalled insisted declared tweeted stated shouted yelled read quipped joked argued warned answered responded exclaimed'.split(
    ' ',
  ),
);

/**
 * The sentence before the quotation, in its paragraph, ends on a speech cue and its speaker:
 * "“It's taxing,” O'Donnell said. “Big time.”" A quoted sentence right after it goes on with
 * the same person's words, however short.
 */
function afterSaidSentence(text: string, q: MarkedSpan, inner: string): boolean {
  if (!/[.!?,]['"’”]?\s*$/u.test(inner)) return false;
  // The 160 characters before it in its paragraph (a bounded look: no scan to the paragraph's start).
  let before = text.slice(Math.max(0, q.open - 160), q.open);
  before = before.slice(before.lastIndexOf('\n') + 1);
  // A closing mark, then up to seven words and the full stop: "…,” Burton told delegates recently. "
  const m = /["”’']\s*,?\s+((?:[^\s!?"“”‘’]+\s+){0,6}[^\s!?"“”‘’]+)[.!?]\s+$/u.exec(before);
  if (!m) return false;
  return m[1]
    .split(/\s+/)
    .slice(0, 5)
    .some((w) => STRONG_SAID.has(w.toLowerCase()));
}

function wordCount(s: string): number {
  return s.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)?.length ?? 0;
}

/** Words a title leaves in lowercase, besides those of three letters or fewer. */
const TITLE_SMALL_WORDS = new Set(['with', 'from', 'into', 'onto', 'over', 'upon', 'than']);

/** Capitalised like a title of a work ("The Art of the Deal", "Good Morning America."). */
function titleCased(s: string): boolean {
  const words = s.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.length < 2 || words.length > 10) return false;
  // Titles leave their small words in lowercase, "with" and "from" included ("The Late Show with …").
  const long = words.filter((w) => w.length > 3 && !TITLE_SMALL_WORDS.has(w));
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  // No sentence break inside, the punctuation at its end set aside.
  const tail = trailingPunct(s);
  const stop = tail.search(/[.!?,]/);
  const body = stop < 0 ? s : s.slice(0, s.length - tail.length + stop);
  return caps * 2 >= words.length && long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w)) && !/[.!?]\s/.test(body);
}

/** Capitalised word by word, as headlines are ("We Are Going All The Way."). */
function headlineCased(s: string): boolean {
  const words = s.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length >= 3 && caps / words.length >= 0.7;
}

/** The headline: a short first line (ending at `end`). Its quotes sum up the story; the body attributes them. */
function inHeadline(text: string, q: MarkedSpan, end: number): boolean {
  if (end < 0 || q.open > end || end > 200) return false;
  return (text.slice(0, end).match(/[.!?]\s+\p{Lu}/gu)?.length ?? 0) === 0;
}

/**
 * Whether the quoted span `q`, with the cue found around it, is a quotation. `firstLineEnd`:
 * where the text's first line ends (-1 if it has one line only).
 */
export function isQuotation(text: string, q: MarkedSpan, a: Attribution, firstLineEnd = text.indexOf('\n')): boolean {
  const inner = text.slice(q.start, q.end);
  const words = wordCount(inner);
  if (words === 0) return false;
  const before = text.slice(Math.max(0, q.open - 40), q.open);
  // Markup that slipped into the text: attribute="value".
  if (/=\s*$/.test(before)) return false;
  const after = text.slice(q.close, q.close + 3);
  // A nickname inside a name: Dwayne "The Rock" Johnson.
  const capitalised = !/(?:^|\s)\p{Ll}/u.test(inner.trim());
  if (words <= 3 && capitalised && /\p{Lu}[\p{L}.]*\s$/u.test(before) && /^\s\p{Lu}/u.test(after) && !a.adjacent)
    return false;
  // A title-cased span right after a word for a work is its title, even before a cue:
  // In her memoir, “Notes From the Back Bench,” Ruiz writes …
  if (NAMING.test(before) && (!a.adjacent || titleCased(inner)) && !describesWork(before, inner)) return false;
  if (
    inHeadline(text, q, firstLineEnd) &&
    (headlineCased(inner) || !(a.adjacent && a.subject?.kind !== 'desc' && /[,.!?]/.test(trailingPunct(inner))))
  ) {
    return false;
  }
  // A programme or a work after its maker's possessive: CNN’s “New Day,” NBC’s “Today”, television’s “Scandal”.
  if (
    capitalised &&
    words <= 6 &&
    !/[.!?]\s/.test(inner) &&
    /(?:\b\p{Lu}[\p{L}.&-]*|\b(?:television|radio|network|channel|magazine|newspaper))['’]s\s+$/u.test(before)
  )
    return false;
  // A byline after it makes it a title: "“Trump's new plan,” by Jane Doe". A title begins in
  // capitals; lowercase words before "by" are a passive's: "had been “rocked” by Christie".
  if (/^\P{L}*\p{Lu}/u.test(inner) && /^[,.]?\s*by\s+\p{Lu}/u.test(text.slice(q.close, q.close + 30))) return false;
  // A show or a book after "on", "told" or "with": … told "Fox and Friends," reminding …
  if (a.adjacent)
    return !(
      titleCased(inner) && /\b(?:on|in|of|from|told|with|to)\s+(?:\p{Lu}[\p{L}.]*(?:['’]s)?\s+)*$/u.test(before)
    );
  if (a.inSentence) return !titleCased(inner);
  if (afterSaidSentence(text, q, inner)) return true;
  if (!titleCased(inner)) {
    const own = ownSentence(text.slice(Math.max(0, q.open - 120), q.open));
    if (SPEECH_NOUN.test(own) || CAST_AS.test(own)) return true;
  }
  if (a.standalone) return words >= 3 && !titleCased(inner);
  return words >= 4 && !titleCased(inner);
}
