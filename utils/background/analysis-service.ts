import { analyzeText } from '../analysis/analyze';
import { loadTagger, type Tagger } from '../analysis/ner';
import type { Analysis } from '../analysis/types';
import { MAX_ANALYSED_TEXT } from '../messaging/protocol';

/** Longest text analysed, in characters; longer text is cut. */
export const MAX_TEXT = MAX_ANALYSED_TEXT;

/**
 * Runs the analysis in the background. The tagger's weights load once, on
 * the first request, so pages that are not articles never pay for them.
 */
export class AnalysisService {
  private tagger: Promise<Tagger> | null = null;
  private cache = new Map<string, Analysis>();

  /** @param loadModel returns the bytes of the shipped model (a test seam). */
  constructor(private readonly loadModel: () => Promise<Uint8Array>) {}

  /** Analyses `text`; repeated requests for the same text are answered from a small cache. */
  async analyze(text: string): Promise<Analysis> {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const tagger = await this.getTagger();
    const result = analyzeText(text.slice(0, MAX_TEXT), tagger);
    this.cache.set(text, result);
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
