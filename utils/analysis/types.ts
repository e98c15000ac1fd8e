/** Shared types of the language analysis: plain text in, character spans out. */

/** Entity classes, as in CoNLL-2003. */
export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A half-open range of JavaScript string indices into the analysed text. */
export type Span = { start: number; end: number };

/** One mention of a named entity in the text. */
export type EntityMention = Span & {
  text: string;
  type: EntityType;
  /** Index into `Analysis.entityGroups` of the entity this mention refers to. */
  group?: number;
};

/** One entity of the article with all its mentions (in-article coreference). */
export type EntityGroup = {
  type: EntityType;
  /** The fullest name the article uses for it ("Wang Yi", not "Wang"). */
  name: string;
  /** Mentions in text order; the first is the first mention. */
  mentions: Span[];
};

/** One direct quotation: `start`/`end` cover the quoted words, without the marks. */
export type Quote = Span & {
  text: string;
  /** Fullest name of the speaker, else a noun phrase ("a source"), else null. */
  speaker: string | null;
};

/** What the analysis finds in one text. */
export type Analysis = {
  quotes: Quote[];
  entities: EntityMention[];
  entityGroups: EntityGroup[];
};
