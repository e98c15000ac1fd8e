/**
 * The typed messages Gloss's parts exchange. Each name says its direction:
 * requests to the background (the one writer of the database) and requests
 * to a tab's content script (the one that knows the live page).
 */
import type { Analysis } from '../analysis/types';
import type { ImportReport } from '../db/import';
import type { Annotation } from '../db/types';
import type { ArticleMetadata } from '../extract/types';
import type { PayloadOf } from './payloads';
import type { CitedQuote, MentioningArticle, ResultPage } from '../sources/queries';
import type { Identity, RememberedArticle, StoredQuote } from '../sources/types';
import type { SourcesSettings } from '../settings';

/** The article a content script analyses, for the background to remember when the reader chose so. */
export type AnalysedArticle = {
  /** The page's normalised URL (its own origin only). */
  url: string;
  metadata: Pick<ArticleMetadata, 'title' | 'publisher' | 'byline' | 'published' | 'canonicalUrl' | 'language'>;
};

/** What to forget of the remembered sources. */
export type ForgetScope = { article: string } | { site: string } | { everything: true };

/** Longest text analysed, in characters (about 150 pages of a book); content scripts send no more. */
export const MAX_ANALYSED_TEXT = 1_000_000;

/**
 * The `names` of an `analyze` request for a page in `lang`: names (and speakers) on a page in English, or of a
 * language Gloss cannot tell. The analyse command decides by the same rule.
 */
export function analysesNames(lang: string | null): boolean {
  return !lang || /^en\b/i.test(lang.trim());
}

/**
 * Requests the background answers: name → [payload, result]. Payload types
 * are inferred from the schemas the router checks them with (`payloads.ts`).
 */
export type BackgroundProtocol = {
  /**
   * `names: false` skips named entities (a page not in English: the tagger knows English only). `article`:
   * the page is an article; the background remembers it after the analysis when the reader turned that on.
   */
  analyze: [PayloadOf<'analyze'>, Analysis];
  'annotations:list': [PayloadOf<'annotations:list'>, Annotation[]];
  'annotation:save': [PayloadOf<'annotation:save'>, Annotation];
  'annotation:update': [PayloadOf<'annotation:update'>, Annotation];
  'annotation:delete': [PayloadOf<'annotation:delete'>, Annotation];
  'annotation:restore': [PayloadOf<'annotation:restore'>, Annotation];
  /** A Gloss JSON-LD or Hypothesis JSON file's text; all or nothing, with a report of every record. */
  'annotations:import': [PayloadOf<'annotations:import'>, ImportReport];
  /**
   * The library page imported a file itself (`utils/db/import.ts`, in one transaction): these pages' highlights
   * changed. The background marks their sites and tells their open tabs, as after an `annotations:import`.
   */
  'annotations:imported': [PayloadOf<'annotations:imported'>, null];
  'page:visit': [PayloadOf<'page:visit'>, null];
  /** The tags the reader has used, most used first, for completion in Gloss's own UI (never put in a page's DOM). */
  'tags:list': [PayloadOf<'tags:list'>, string[]];
  // Remembered sources (utils/sources): Gloss's own pages only.
  'sources:settings': [PayloadOf<'sources:settings'>, SourcesSettings];
  'sources:speakers': [PayloadOf<'sources:speakers'>, ResultPage<Identity>];
  'sources:entities': [PayloadOf<'sources:entities'>, ResultPage<Identity>];
  /** The articles that mention a person, organisation or place, newest first. */
  'sources:identity-articles': [PayloadOf<'sources:identity-articles'>, ResultPage<MentioningArticle>];
  'sources:speaker-quotes': [PayloadOf<'sources:speaker-quotes'>, CitedQuote[]];
  'sources:search': [PayloadOf<'sources:search'>, ResultPage<CitedQuote>];
  /**
   * Starts building the in-memory quotation index unless it is built (the Sources view asks once its first list
   * has painted); `ready`: it is built, and searches answer from it.
   */
  'sources:prepare': [PayloadOf<'sources:prepare'>, { ready: boolean }];
  'sources:articles': [PayloadOf<'sources:articles'>, ResultPage<RememberedArticle>];
  /** `speaker`: an identity, a new name, or null ("unknown"). */
  'sources:reassign': [PayloadOf<'sources:reassign'>, StoredQuote];
  'sources:drop': [PayloadOf<'sources:drop'>, StoredQuote];
  /** Keeps a quotation as the reader's highlight, once: `already` when it was kept before. */
  'sources:keep': [PayloadOf<'sources:keep'>, { annotation: Annotation; already: boolean }];
  'sources:merge': [PayloadOf<'sources:merge'>, Identity];
  'sources:split': [PayloadOf<'sources:split'>, Identity];
  /** How many articles were forgotten (everything: null). */
  'sources:forget': [PayloadOf<'sources:forget'>, number | null];
};

/** Per-site choice of whether Gloss analyses pages there. */
export type SiteMode = 'auto' | 'always' | 'never';

/** A quotation as the content script reports it to the popup. */
export type PageQuote = { index: number; text: string; speaker: string | null };

/** An entity as the content script reports it to the popup. */
export type PageEntity = { index: number; name: string; type: string; count: number };

/** A saved annotation and whether it was found on the page. */
export type PageAnnotation = { annotation: Annotation; anchored: boolean };

/** What the content script knows of its page. */
export type PageState = {
  url: string;
  /**
   * 'starting' until Gloss has decided, 'analysing' while the background
   * works, 'article' when painted, 'not-article' when left alone, 'never'
   * when the reader said so for the site, 'error' when analysis failed.
   */
  status: 'starting' | 'article' | 'not-article' | 'never' | 'analysing' | 'error';
  /**
   * When `status` was reached, in ms since the page's navigation started
   * (the page's `performance.now()`); absent while starting or analysing.
   */
  decidedAt?: number;
  error?: string;
  /** Set when the article is too long to analyse whole: how much of its text was analysed. */
  partial?: { analysed: number; total: number };
  isNews: boolean;
  /** Whether names were analysed: only on pages in English (or of unknown language). */
  names: boolean;
  metadata: ArticleMetadata | null;
  quotes: PageQuote[];
  entities: PageEntity[];
  annotations: PageAnnotation[];
};

/** Requests a tab's content script answers: name → [payload, result]. */
export type TabProtocol = {
  'page:state': [Record<string, never>, PageState];
  'page:analyse': [Record<string, never>, PageState];
  'page:reveal': [{ kind: 'quote' | 'entity' | 'annotation'; index: number | string; step?: number }, boolean];
  /**
   * Highlight the reader's selection (keyboard shortcut, context menu): at once
   * in the default colour, or (`note`) through the toolbar with its note open.
   * False when nothing highlightable is selected.
   */
  'page:highlight': [{ note: boolean }, boolean];
  /** The keyboard walk through quotations (a command): the next (1) or previous (-1); false when none is there. */
  'page:walk': [{ step: 1 | -1 }, boolean];
  /** The popup changed annotations of this page: load them again. */
  'page:annotations-changed': [Record<string, never>, PageState];
};

/** A protocol: request name → [payload, result]. */
type Protocol = Record<string, [unknown, unknown]>;

/** The payload of request `K`. */
export type RequestOf<P extends Protocol, K extends keyof P> = P[K][0];

/** The result of request `K`. */
export type ResultOf<P extends Protocol, K extends keyof P> = P[K][1];

/** A request on the wire. */
export type Envelope<P extends Protocol, K extends keyof P = keyof P> = { gloss: 1; type: K; payload: RequestOf<P, K> };

/** A reply on the wire: a value, or an error the caller can show. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
