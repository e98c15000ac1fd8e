/** Text-only anchoring: selectors from a range of text, and a range back from selectors. */
export { describe, CONTEXT_LENGTH } from './describe';
export { anchor } from './anchor';
export type { AnchorMatch, TextPositionSelector, TextQuoteSelector, TextSelectors } from './types';
