/**
 * Selectors that locate a piece of a page's text, after the W3C Web
 * Annotation model. Offsets are JavaScript string indices into the page text
 * that `utils/dom/text-map.ts` builds.
 */

/** The quoted text with some context on each side. */
export type TextQuoteSelector = {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
};

/** The quoted text's offsets, `end` exclusive. */
export type TextPositionSelector = {
  type: 'TextPositionSelector';
  start: number;
  end: number;
};

/** Both selectors Gloss saves for every highlight. */
export type TextSelectors = {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
};

/** Where a highlight was found again, with how sure we are (0–1). */
export type AnchorMatch = { start: number; end: number; score: number };
