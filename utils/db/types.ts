/**
 * The shapes Gloss stores, shared by the background (the one writer), the
 * popup and the messages between them.
 */
import type { TextSelectors } from '../anchoring/types';

export type { TextPositionSelector, TextQuoteSelector, TextSelectors } from '../anchoring/types';

/** The colours a highlight can take. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** A highlight colour. */
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** What an annotation points at: a page (its normalised URL) and where in its text. */
export type AnnotationTarget = { source: string; selectors: TextSelectors };

/** A reader's highlight, with its note and tags (W3C Web Annotation in spirit). */
export type Annotation = {
  /** A UUID; also the `urn:uuid:` id in exports, so imports are idempotent. */
  id: string;
  /** The page's normalised URL (`utils/url.ts`), the key annotations are listed by. */
  url: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  target: AnnotationTarget;
  /** A copy of `target.selectors.quote.exact`, for display. */
  exact: string;
  color: HighlightColor;
  note: string;
  tags: string[];
  /** Search words from exact, note and tags (lower-cased, diacritics folded); derived, never edited. */
  words: string[];
};

/** What a caller gives to save a new annotation; the store fills in the rest. */
export type NewAnnotation = {
  /** Only for restoring or importing a known annotation; a new UUID otherwise. */
  id?: string;
  url: string;
  target: AnnotationTarget;
  color?: HighlightColor;
  note?: string;
  tags?: string[];
};

/** The fields of an annotation a reader can change. */
export type AnnotationPatch = { note?: string; tags?: string[]; color?: HighlightColor };

/** A page the reader annotated or visited, kept for exports and the popup. */
export type Page = {
  /** Normalised URL, the key. */
  url: string;
  title: string;
  /** `siteOf(url)` (utils/site): the registrable domain, always derived from `url`, never taken from input. */
  site: string;
  byline: string | null;
  /** As the page gives it (ISO 8601 when it can be read), or null. */
  published: string | null;
  /** Milliseconds since the epoch. */
  lastVisited: number;
  /** Search words from title and site (`pageWords`); derived, never edited. Absent on records older than schema 3. */
  words?: string[];
};
