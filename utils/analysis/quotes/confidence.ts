/**
 * How sure the analysis is of a quotation's speaker, from how the speaker was found: the kind
 * of evidence (a cue right next to the quotation, a cue elsewhere in its sentence, a quotation
 * continuing an earlier speaker's words, …), the kind of phrase the cue names (a name, a
 * description, a pronoun), how far that phrase is from the quotation, and how many other
 * people or organisations the text names in between ("rivals"). Below `MIN_CONFIDENCE` the
 * quotation gets no speaker ("speaker unclear"): a wrong name costs a reader's trust more
 * than a missing one.
 *
 * The weights are a logistic model fitted on the tuning part of the corpus
 * (`npx tsx scripts/speaker-confidence.ts`, which prints the precision per kind and the
 * accuracy / wrong-speaker trade-off for each threshold).
 */

/** How a quotation's speaker was found (see `findQuotes`). */
export type Evidence = {
  /** The rule that found it: `tail-cue`, `lead-strong`, `continue-same`, … */
  route: string;
  /** What the cue named: a name, a description, a pronoun; `none` for the routes without a cue. */
  subject: 'name' | 'desc' | 'pronoun' | 'none';
  /** Words in the quotation. */
  words: number;
  /** Characters between the speaker phrase (or the speaker's last quotation) and this quotation. */
  gap: number;
  /** Paragraph breaks between them. */
  paras: number;
  /** Other people or organisations named between them or in the quotation's sentence. */
  rivals: number;
  /** Of those, the ones named between the speaker phrase and the quotation. */
  between: number;
  /** The quotation begins its sentence and no cue follows it: it stands alone. */
  standalone: boolean;
  /** The tagger's type for the speaker phrase (PER, ORG, LOC, MISC), or '' when it tagged none. */
  type: string;
  /** For a quotation that continues earlier words: the quotation before it asked a question, which another may answer. */
  afterQuestion?: boolean;
};

/** Which kind of evidence a route is (the groups the model has a weight for). */
export function kindOf(route: string): string {
  const r = route.replace(/:.*$/, '');
  if (/^(?:tail-cue|tail-according|tail-past|signature|lead-over-pronoun)$/.test(r)) return 'cue-after';
  if (r === 'tail-near') return 'cue-after-near';
  if (/^(?:lead-adjacent|lead-colon-name|lead-colon-main)$/.test(r)) return 'cue-before';
  if (/^(?:lead-strong|lead-bare|lead-bare-tail|lead-colon-subject)$/.test(r)) return 'cue-in-sentence';
  if (r === 'lead-weak') return 'weak-cue-in-sentence';
  if (/^(?:far-|tail-participle)/.test(r)) return 'cue-later-in-sentence';
  if (r === 'nocue-subject') return 'sentence-subject';
  if (r === 'continue-same') return 'continue-same-para';
  if (r === 'continue-next') return 'continue-next-para';
  if (r === 'prev-speaker') return 'previous-speaker';
  return 'para-label';
}

/**
 * Whether the speaker phrase is, by the tagger, a place or a people's adjective ("Florida" of
 * "the Florida senator said", "Republican", "Mexican") rather than a person or an organisation.
 * A cue right after the quotation ("…," said Verizon) is trusted over the tagger; a plural
 * ("Democrats said") is a group of people.
 */
export function placeOrAdjective(e: Evidence, speaker: string): boolean {
  if (e.subject !== 'name' || kindOf(e.route).startsWith('cue-after')) return false;
  return e.type === 'LOC' || (e.type === 'MISC' && !/s$/.test(speaker));
}

/** The features of one attribution, as the model weighs them. */
export function features(e: Evidence, speaker: string): Record<string, number> {
  const kind = kindOf(e.route);
  const f: Record<string, number> = { bias: 1, [`kind=${kind}`]: 1, [`subject=${e.subject}`]: 1 };
  const short = e.words <= 3;
  if (short) f['short'] = 1;
  else if (e.words <= 8) f['medium'] = 1;
  if (short && !kind.startsWith('cue-after')) f['short-not-after'] = 1;
  f['gap'] = Math.min(e.gap, 400) / 100;
  if (e.paras > 0) f['other-para'] = 1;
  if (e.rivals === 1) f['rivals=1'] = 1;
  else if (e.rivals >= 2) f['rivals>=2'] = 1;
  if (e.between > 0 && e.subject !== 'none') f['rival-between'] = 1;
  if (e.rivals > 0 && kind.startsWith('continue')) f['rivals-continue'] = 1;
  // Words quoted inside a sentence with no cue of their own, given to an earlier speaker.
  if (e.subject === 'none' && !e.standalone) f['no-cue-inside-sentence'] = 1;
  if (placeOrAdjective(e, speaker)) f['place-or-adjective'] = 1;
  if (e.afterQuestion && e.subject === 'none') f['answers-question'] = 1;
  return f;
}

/** The fitted weights (see the file's comment). */
export const WEIGHTS: Record<string, number> = {
  bias: 2.483,
  gap: -0.378,
  'kind=continue-next-para': -0.574,
  'kind=continue-same-para': 0.874,
  'kind=cue-after': 1.141,
  'kind=cue-after-near': 0.384,
  'kind=cue-before': -0.33,
  'kind=cue-in-sentence': 0.568,
  'kind=cue-later-in-sentence': -0.209,
  'kind=para-label': 0.064,
  'kind=previous-speaker': 0.248,
  'kind=sentence-subject': -0.518,
  'kind=weak-cue-in-sentence': 0.264,
  medium: -0.247,
  'no-cue-inside-sentence': -1.582,
  'other-para': -0.321,
  'place-or-adjective': -1.961,
  'rival-between': 0.117,
  'rivals-continue': 0.735,
  'rivals=1': -0.353,
  'rivals>=2': -0.618,
  short: -0.733,
  'short-not-after': -0.157,
  'subject=desc': 0.092,
  'subject=name': 1.209,
  'subject=none': 0.611,
};

/** The lowest confidence at which a speaker is given. */
export const MIN_CONFIDENCE = 0.8;

/**
 * Whether a speaker found this way is too unsure to give. A pronoun's speaker is left to
 * `People.pronoun`, whose own rules already answer null when the text names several people it
 * could mean (the model, fitted on quotations whose source the gold gives as a name, sees
 * pronoun cues only where they went wrong). `threshold`: for the scripts' trade-off curve.
 */
export function unsure(e: Evidence, speaker: string, threshold = MIN_CONFIDENCE): boolean {
  return e.subject !== 'pronoun' && confidence(e, speaker) < threshold;
}

/** The model's probability that the speaker found this way is the one who spoke. */
export function confidence(e: Evidence, speaker: string, weights: Record<string, number> = WEIGHTS): number {
  let z = 0;
  for (const [k, v] of Object.entries(features(e, speaker))) z += (weights[k] ?? 0) * v;
  return 1 / (1 + Math.exp(-z));
}
