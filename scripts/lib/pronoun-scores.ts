/**
 * Our own labelled set of pronoun quotations (`tests/fixtures/pronoun-quotes.json`): quotations
 * on corpus pages whose cue gives the speaker as a pronoun (“…,” she said), with the person meant.
 * Each item names its page, the opening words of the quotation (`quote`, the `nth` occurrence of
 * them in the page's extracted text, 0 when omitted) and the speaker (one name or several for
 * the same person). The page goes through `analyzeInput`, as the analyse command would read it.
 * A found quotation's speaker is right when its words (titles aside) and a gold name's words
 * contain one another ("Meghan" ~ "Meghan Markle", not "Eloise Parry" ~ "Fiona Parry"), wrong
 * when another speaker is given, none when null; an item whose quotation the analysis does not
 * find is counted apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeInput, type AnalyzeOutput } from './node-analysis';
import { snippetPage } from './snippet-scores';
import { partOf, type Part } from './splits';

const FIXTURE = fileURLToPath(new URL('../../tests/fixtures/pronoun-quotes.json', import.meta.url));

/** One labelled quotation. */
export type PronounItem = {
  set: 'readability' | 'snippets';
  page: string;
  quote: string;
  nth?: number;
  speaker: string | string[];
};

/** Counts over the labelled quotations of one part. */
export type PronounCounts = { labelled: number; right: number; wrong: number; none: number; unfound: number };

/** What happened to one item. */
export type PronounResult = {
  item: PronounItem;
  part: Part;
  predicted: string | null | undefined;
  verdict: 'right' | 'wrong' | 'none' | 'unfound';
};

const HONORIFIC = /^(?:mr|mrs|ms|dr|sen|rep|gov|prof|sir|president|senator|governor)\.?$/;

function nameWords(s: string): string[] {
  return (
    s
      .toLowerCase()
      .replace(/['’]s?$/, '')
      .match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []
  )
    .map((w) => w.replace(/\.$/, ''))
    .filter((w) => !HONORIFIC.test(w) && !/^(?:the|a|an)$/.test(w));
}

/** Whether a predicted speaker names the labelled person. */
export function namesPerson(pred: string, gold: string | string[]): boolean {
  const p = nameWords(pred);
  if (!p.length) return false;
  return (Array.isArray(gold) ? gold : [gold]).some((g) => {
    const w = nameWords(g);
    return p.every((x) => w.includes(x)) || w.every((x) => p.includes(x));
  });
}

/** The labelled items. */
export function pronounItems(): PronounItem[] {
  return (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { items: PronounItem[] }).items;
}

function analysePage(corpus: string, item: PronounItem): AnalyzeOutput {
  if (item.set === 'readability') {
    const html = readFileSync(join(corpus, 'readability', item.page, 'source.html'), 'utf8');
    return analyzeInput({ html, url: 'http://fakehost/test/page.html' });
  }
  return analyzeInput({ html: snippetPage(join(corpus, 'snippets'), item.page) });
}

/** Where the `nth` occurrence of `s` starts in `text`, or -1. */
function occurrence(text: string, s: string, nth: number): number {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(s, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** Analyses the labelled pages under `corpus` and judges every item; null when a page is missing. */
export function judgePronouns(corpus: string): PronounResult[] | null {
  const pages = new Map<string, AnalyzeOutput>();
  const out: PronounResult[] = [];
  for (const item of pronounItems()) {
    const key = `${item.set}/${item.page}`;
    let a = pages.get(key);
    if (!a) {
      try {
        a = analysePage(corpus, item);
      } catch {
        return null;
      }
      pages.set(key, a);
    }
    const at = occurrence(a.text, item.quote, item.nth ?? 0);
    const q = at < 0 ? undefined : a.quotes.find((x) => x.start <= at && at < x.end);
    const part = partOf(item.page);
    if (!q) out.push({ item, part, predicted: undefined, verdict: 'unfound' });
    else if (!q.speaker) out.push({ item, part, predicted: null, verdict: 'none' });
    else
      out.push({ item, part, predicted: q.speaker, verdict: namesPerson(q.speaker, item.speaker) ? 'right' : 'wrong' });
  }
  return out;
}

/** Counts per part; null when the corpus lacks a labelled page. */
export function scorePronouns(corpus: string): Record<Part, PronounCounts> | null {
  const results = judgePronouns(corpus);
  if (!results) return null;
  const zero = (): PronounCounts => ({ labelled: 0, right: 0, wrong: 0, none: 0, unfound: 0 });
  const counts: Record<Part, PronounCounts> = { tuning: zero(), 'held-back': zero() };
  for (const r of results) {
    const c = counts[r.part];
    if (r.verdict === 'unfound') c.unfound++;
    else {
      c.labelled++;
      c[r.verdict]++;
    }
  }
  return counts;
}
