/** Exports of the reader's highlights (Markdown, Web Annotation JSON-LD, CSV) and the JSON import. */
export { toMarkdown } from './markdown';
export { toCsv, CSV_COLUMNS } from './csv';
export { toWebAnnotationJson, toWebAnnotationCollection, CONTEXT } from './web-annotation';
export type { WebAnnotation, WebAnnotationCollection, WebPage } from './web-annotation';
export { parseWebAnnotationJson, ImportError } from './parse';
export { sourcesToCsv, sourcesToMarkdown, SOURCES_CSV_COLUMNS } from './sources';
