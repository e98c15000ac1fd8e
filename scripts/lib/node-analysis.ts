/** Runs Gloss's analysis modules in Node, exactly as the extension does. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { analyzeText } from '../../utils/analysis/analyze';
import { loadTagger, type Tagger } from '../../utils/analysis/ner';
import { extractArticle } from '../../utils/extract';
import { analysesNames } from '../../utils/messaging/protocol';
import { buildSourceRecord, type SourceRecord } from '../../utils/sources/record';

const MODEL = fileURLToPath(new URL('../../public/models/ner.bin', import.meta.url));

let tagger: Tagger | null = null;

/** The tagger, loaded once from the model the extension ships. */
export function nodeTagger(): Tagger {
  if (!tagger) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(MODEL);
    } catch {
      bytes = new Uint8Array();
    }
    tagger = loadTagger(bytes);
  }
  return tagger;
}

/** One input of the analyse command's contract. */
export type AnalyzeInput = { id?: unknown; html?: unknown; url?: unknown; text?: unknown };

/** One output line of the analyse command's contract. */
export type AnalyzeOutput = {
  id: unknown;
  isArticle: boolean;
  isNews: boolean;
  metadata: {
    title: string | null;
    byline: string | null;
    publisher: string | null;
    published: string | null;
    canonicalUrl: string | null;
    lang: string | null;
    /** The page's language as a primary subtag ("en", "de"), declared or guessed from its text. */
    language: string | null;
  };
  text: string;
  quotes: { start: number; end: number; text: string; speaker: string | null }[];
  entities: { start: number; end: number; text: string; type: string }[];
  timingMs: number;
  /** With `--records`: what the extension would remember of the page (null when it is not an article). */
  record?: SourceRecord | null;
};

/** How the analyse command was asked to answer. */
export type AnalyzeOptions = { records?: boolean };

/** Analyses one input (HTML page or plain text) per the contract; throws on unreadable input. */
export function analyzeInput(input: AnalyzeInput, options: AnalyzeOptions = {}): AnalyzeOutput {
  const t = nodeTagger(); // loaded once, before the clock starts: timingMs is the analysis alone
  const started = performance.now();
  const id = input.id ?? null;
  let head: Pick<AnalyzeOutput, 'isArticle' | 'isNews' | 'metadata' | 'text'>;
  if (typeof input.html === 'string') {
    const { document } = parseHTML(input.html);
    const url = typeof input.url === 'string' ? input.url : undefined;
    const ex = extractArticle(document as unknown as Document, { url });
    const { title, byline, publisher, published, canonicalUrl, lang, language } = ex.metadata;
    head = {
      isArticle: ex.isArticle,
      isNews: ex.isNews,
      metadata: { title, byline, publisher, published, canonicalUrl, lang, language },
      text: ex.map.text,
    };
  } else if (typeof input.text === 'string') {
    // Text input is analysed as an article, unchanged.
    const none = {
      title: null,
      byline: null,
      publisher: null,
      published: null,
      canonicalUrl: null,
      lang: null,
      language: null,
    };
    head = { isArticle: true, isNews: true, metadata: none, text: input.text };
  } else {
    throw new Error('input needs an "html" or a "text" string');
  }
  // As the extension: names and speakers only on a page in English or of a language it cannot tell.
  const a = analyzeText(head.text, t, { names: analysesNames(head.metadata.language) });
  const out: AnalyzeOutput = {
    id,
    ...head,
    quotes: a.quotes.map(({ start, end, text, speaker }) => ({ start, end, text, speaker })),
    entities: a.entities.map(({ start, end, text, type }) => ({ start, end, text, type })),
    timingMs: round(performance.now() - started),
  };
  if (options.records) {
    // The extension's own builder, on the same text and analysis the extension would have.
    const url = typeof input.url === 'string' ? input.url : '';
    out.record = head.isArticle
      ? buildSourceRecord({ url, metadata: head.metadata, text: head.text, analysis: a })
      : null;
  }
  return out;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
