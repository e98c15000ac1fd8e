/**
 * Scoring of quotations and speakers against PolNeAR (see `../shared/corpus/README.md`).
 *
 * Gold quotations are the spans inside quotation marks that belong to the content of a
 * `direct` or `mixed` attribution, each with the attribution's source as its speaker.
 * A predicted quotation matches a gold one when they overlap by at least half their union
 * (one to one, best overlap first). For matched quotations whose gold source is not a bare
 * pronoun ("named sources": a name or a description such as "a spokesman"):
 * - the speaker is right when the predicted speaker shares a content word with the gold
 *   source (titles and small words set aside: "Sen. Ted Cruz" ~ "Cruz");
 * - the speaker is confidently wrong when a speaker is given (not null) and it is not right.
 * Speaker accuracy is right / named; the wrong-speaker rate is confidently wrong / named.
 * A null speaker lowers accuracy but is never counted as wrong.
 */

type Frag = { start: number; end: number; text: string };
type Attribution = { id: string; kind: string; content: Frag[]; source: Frag[]; cue: Frag[] };
/** One PolNeAR article. */
export type PolnearArticle = { id: string; publisher: string; text: string; attributions: Attribution[] };
/** A gold quotation with its source phrase. */
export type GoldQuote = { start: number; end: number; source: string };
/** A quotation found by the analysis. */
export type PredQuote = { start: number; end: number; text: string; speaker: string | null };

/** Quotation marks the gold extraction pairs (double marks; NYT writes '' for both). */
const MARK = /''|[\u0022\u201c\u201d\u201e\u00ab\u00bb]/g;

/** The span without its quotation marks and outer spaces. */
function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  const s = text.slice(start, end);
  const lead =
    s.length -
    s.replace(/^[\s"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f]+/, '').length;
  const tail =
    s.length -
    s.replace(/[\s"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f]+$/, '').length;
  return lead >= s.length ? { start, end: start } : { start: start + lead, end: end - tail };
}

/** The quoted spans of one attribution's content (fragments joined across white space). */
function goldOf(text: string, at: Attribution): GoldQuote[] {
  const source = at.source
    .map((s) => s.text)
    .join(' ')
    .trim();
  const frags = [...at.content].sort((a, b) => a.start - b.start);
  const regions: { start: number; end: number }[] = [];
  for (const f of frags) {
    const last = regions[regions.length - 1];
    if (last && /^\s*$/.test(text.slice(last.end, f.start))) last.end = Math.max(last.end, f.end);
    else regions.push({ start: f.start, end: f.end });
  }
  const out: GoldQuote[] = [];
  for (const r of regions) {
    // Take in a mark just outside the region (annotators differ on whether marks belong).
    let { start, end } = r;
    const before = /(?:''|["\u201c\u201e\u00ab])\s*$/.exec(text.slice(Math.max(0, start - 3), start));
    if (before) start -= before[0].length;
    const after = /^[,.?!]?(?:''|["\u201d\u00bb])/.exec(text.slice(end, end + 3));
    if (after) end += after[0].length;
    const marks: { pos: number; len: number; open: boolean }[] = [];
    for (const m of text.slice(start, end).matchAll(MARK)) {
      const pos = start + (m.index ?? 0);
      const prev = text[pos - 1] ?? ' ';
      const ch = m[0];
      const open =
        ch === '\u201c' || ch === '\u201e' || ch === '\u00ab'
          ? true
          : ch === '\u201d' || ch === '\u00bb'
            ? false
            : pos === start || /[\s([\u2014\u2013-]/.test(prev);
      marks.push({ pos, len: ch.length, open });
    }
    if (marks.length === 0) {
      if (at.kind === 'direct') out.push({ ...trimSpan(text, start, end), source });
      continue;
    }
    let openAt: number | null = marks[0].open ? null : start;
    for (const m of marks) {
      if (m.open) {
        // A second opening mark at a paragraph start continues a multi-paragraph quote.
        if (openAt !== null && /\n\s*$/.test(text.slice(openAt, m.pos))) continue;
        openAt = m.pos;
      } else if (openAt !== null) {
        out.push({ ...trimSpan(text, openAt, m.pos + m.len), source });
        openAt = null;
      }
    }
    if (openAt !== null) out.push({ ...trimSpan(text, openAt, end), source });
  }
  return out.filter((g) => g.end > g.start);
}

/** All gold quotations of an article, without duplicates. */
export function goldQuotes(a: PolnearArticle): GoldQuote[] {
  const seen = new Map<string, GoldQuote>();
  for (const at of a.attributions) {
    if (at.kind !== 'direct' && at.kind !== 'mixed') continue;
    for (const g of goldOf(a.text, at)) if (!seen.has(`${g.start}:${g.end}`)) seen.set(`${g.start}:${g.end}`, g);
  }
  return [...seen.values()].sort((x, y) => x.start - y.start);
}

const SMALL = new Set(
  'the a an of and or in on at to for from by with his her their its s jr sr mr mrs ms dr'.split(' '),
);
const TITLES = new Set(
  (
    'president presidential candidate nominee senator sen rep representative gov governor minister secretary ' +
    'spokesman spokeswoman spokesperson former vice chief chairman chairwoman director leader speaker ' +
    'republican democratic democrat gop general gen attorney mayor state foreign prime u.s us sen. rep. gov.'
  ).split(' '),
);
const PRONOUNS = new Set(
  'he she they it i we you who his her him them their its our my me us this that which'.split(' '),
);

function words(s: string): string[] {
  return (
    s
      .toLowerCase()
      .replace(/’/g, "'")
      .match(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu) ?? []
  ).map((w) => w.replace(/['’]s$|\.$/, ''));
}

/** Content words of a speaker: titles and small words aside (unless nothing else is left). */
function contentWords(s: string): Set<string> {
  const ws = words(s).filter((w) => !SMALL.has(w));
  const core = ws.filter((w) => !TITLES.has(w));
  return new Set(core.length ? core : ws);
}

/** Whether a source phrase is nothing but pronouns ("he", "she", "they"). */
export function isPronoun(source: string): boolean {
  const ws = words(source);
  return ws.length > 0 && ws.every((w) => PRONOUNS.has(w));
}

/** Whether a predicted speaker names the gold source (a content word in common). */
export function sameSpeaker(pred: string | null, gold: string): boolean {
  if (!pred) return false;
  const gw = contentWords(gold);
  return [...contentWords(pred)].some((w) => gw.has(w));
}

/** Pairs predicted and gold spans one to one, best overlap first, at ≥ half their union. */
export function matchQuotes(text: string, gold: GoldQuote[], pred: PredQuote[]): [number, number][] {
  const p = pred.map((q) => trimSpan(text, q.start, q.end));
  const cands: [number, number, number][] = [];
  for (let i = 0; i < gold.length; i++) {
    for (let j = 0; j < p.length; j++) {
      const inter = Math.min(gold[i].end, p[j].end) - Math.max(gold[i].start, p[j].start);
      if (inter <= 0) continue;
      const union = Math.max(gold[i].end, p[j].end) - Math.min(gold[i].start, p[j].start);
      if (inter / union >= 0.5) cands.push([inter / union, i, j]);
    }
  }
  cands.sort((x, y) => y[0] - x[0]);
  const gi = new Set<number>(),
    pj = new Set<number>(),
    pairs: [number, number][] = [];
  for (const [, i, j] of cands) {
    if (gi.has(i) || pj.has(j)) continue;
    gi.add(i);
    pj.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

/** Totals of a quotation evaluation. */
export type QuoteCounts = {
  articles: number;
  gold: number;
  pred: number;
  matched: number;
  /** Matched quotations whose gold source is a name or a description. */
  named: number;
  namedRight: number;
  /** Of those, a speaker given that is not the source. */
  namedWrong: number;
  /** Of those, no speaker given. */
  namedNull: number;
  /** Matched quotations whose gold source is a pronoun, and how many of them got a name. */
  pronoun: number;
  pronounNamed: number;
};

/** One line of error analysis (only collected when asked for). */
export type QuoteError = { kind: 'SPEAKER' | 'PRONOUN' | 'MISS' | 'FALSE'; id: string; line: string };

function show(text: string, s: number, e: number): string {
  const inner = e - s > 90 ? text.slice(s, s + 40) + ' … ' + text.slice(e - 40, e) : text.slice(s, e);
  return JSON.stringify(text.slice(Math.max(0, s - 70), s) + '[[' + inner + ']]' + text.slice(e, e + 80));
}

/** Scores predicted quotations (by article id) against the gold of `articles`. */
export function scoreQuotes(
  articles: PolnearArticle[],
  preds: Map<string, PredQuote[]>,
  errors?: QuoteError[],
): QuoteCounts {
  const c: QuoteCounts = {
    articles: articles.length,
    gold: 0,
    pred: 0,
    matched: 0,
    named: 0,
    namedRight: 0,
    namedWrong: 0,
    namedNull: 0,
    pronoun: 0,
    pronounNamed: 0,
  };
  for (const a of articles) {
    const gold = goldQuotes(a);
    const pred = preds.get(a.id) ?? [];
    const pairs = matchQuotes(a.text, gold, pred);
    c.matched += pairs.length;
    c.pred += pred.length;
    c.gold += gold.length;
    for (const [i, j] of pairs) {
      const g = gold[i],
        p = pred[j];
      if (!g.source) continue;
      const where = () =>
        `gold=${JSON.stringify(g.source)} pred=${JSON.stringify(p.speaker)} ${show(a.text, g.start, g.end)}`;
      if (isPronoun(g.source)) {
        c.pronoun++;
        if (p.speaker && /^\p{Lu}/u.test(p.speaker) && !isPronoun(p.speaker)) c.pronounNamed++;
        else errors?.push({ kind: 'PRONOUN', id: a.id, line: where() });
        continue;
      }
      c.named++;
      if (sameSpeaker(p.speaker, g.source)) c.namedRight++;
      else {
        if (p.speaker) c.namedWrong++;
        else c.namedNull++;
        errors?.push({ kind: 'SPEAKER', id: a.id, line: where() });
      }
    }
    if (errors) {
      const gi = new Set(pairs.map((x) => x[0])),
        pj = new Set(pairs.map((x) => x[1]));
      gold.forEach((g, i) => gi.has(i) || errors.push({ kind: 'MISS', id: a.id, line: show(a.text, g.start, g.end) }));
      pred.forEach(
        (p, j) =>
          pj.has(j) || errors.push({ kind: 'FALSE', id: a.id, line: `(${p.speaker}) ${show(a.text, p.start, p.end)}` }),
      );
    }
  }
  return c;
}

/** Precision, recall and F1 of the quotation spans. */
export function quotePrf(c: QuoteCounts): { p: number; r: number; f: number } {
  const p = c.matched / (c.pred || 1),
    r = c.matched / (c.gold || 1);
  return { p, r, f: (2 * p * r) / (p + r || 1) };
}
