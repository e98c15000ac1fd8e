import { analyzeText } from '../analysis/analyze';
import { loadTagger, type Tagger } from '../analysis/ner';
import type { Analysis } from '../analysis/types';
import { MAX_ANALYSED_TEXT } from '../messaging/protocol';

/** Longest text analysed, in characters; longer text is cut. */
export const MAX_TEXT = MAX_ANALYSED_TEXT;

/** A tagger without a model, for a text analysed without names: its model is not loaded for it. */
const NO_NAMES = loadTagger(new Uint8Array());

/**
 * Runs the analysis in the background. The tagger's weights load once, on
 * the first request, so pages that are not articles never pay for them.
 */
export class AnalysisService {
  private tagger: Promise<Tagger> | null = null;
  private cache = new Map<string, Analysis>();

  /** @param loadModel returns the bytes of the shipped model (a test seam). */
  constructor(private readonly loadModel: () => Promise<Uint8Array>) {}

  /**
   * Analyses `text`, with named entities unless `names` is false (a page not
   * in English: quotations only, and without speakers, which the analysis
   * finds through English grammar and names); repeated requests are answered
   * from a small cache.
   */
  async analyze(text: string, names = true): Promise<Analysis> {
    const key = `${names ? 'n' : '-'}${text}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const tagger = names ? await this.getTagger() : NO_NAMES;
    const result = analyzeText(text.slice(0, MAX_TEXT), tagger, { names });
    this.cache.set(key, result);
    if (this.cache.size > 8) this.cache.delete(this.cache.keys().next().value as string);
    return result;
  }

  private getTagger(): Promise<Tagger> {
    if (!this.tagger) {
      this.tagger = this.loadModel().then(loadTagger);
      this.tagger.catch(() => (this.tagger = null)); // try again next time
    }
    return this.tagger;
  }
}
