/**
 * The shapes Gloss stores, shared by the background (the one writer), the
 * popup and the messages between them: inferred from the schema
 * (`schema.ts`), so a type and its check cannot drift apart. Type-only
 * imports: the content script uses these types without loading valibot.
 */
import type * as v from 'valibot';
import type { HIGHLIGHT_COLORS } from './colors';
import type {
  AnnotationInputSchema,
  AnnotationPatchSchema,
  AnnotationTargetSchema,
  NewAnnotationSchema,
  PageInputSchema,
} from './schema';

export type { TextPositionSelector, TextQuoteSelector, TextSelectors } from '../anchoring/types';
export { HIGHLIGHT_COLORS } from './colors';

/** A highlight colour. */
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** What an annotation points at: a page (its normalised URL) and where in its text. */
export type AnnotationTarget = v.InferOutput<typeof AnnotationTargetSchema>;

/**
 * A reader's highlight, with its note and tags (W3C Web Annotation in spirit).
 * `id` is a UUID (also the `urn:uuid:` id in exports, so imports are
 * idempotent); `url` the page's normalised URL (`utils/url.ts`); times in ms
 * since the epoch.
 */
export type Annotation = Omit<v.InferOutput<typeof AnnotationInputSchema>, 'exact' | 'words'> & {
  /** A copy of `target.selectors.quote.exact`, for display. */
  exact: string;
};

/** What a caller gives to save a new annotation; the store fills in the rest (`id` only to restore or import). */
export type NewAnnotation = v.InferInput<typeof NewAnnotationSchema>;

/** A whole annotation as a caller gives it to restore (derived fields are recomputed). */
export type AnnotationInput = v.InferInput<typeof AnnotationInputSchema>;

/** The fields of an annotation a reader can change. */
export type AnnotationPatch = v.InferOutput<typeof AnnotationPatchSchema>;

/**
 * A page the reader annotated or visited, kept for exports and the popup.
 * `site` is `siteOf(url)` (utils/site): always derived from `url`, never taken
 * from input; `published` as the page gives it (ISO 8601 when it can be read).
 */
export type Page = v.InferOutput<typeof PageInputSchema> & {
  site: string;
};

/** A page as a caller gives it (`site` is derived; missing metadata is empty). */
export type PageInput = v.InferInput<typeof PageInputSchema>;
