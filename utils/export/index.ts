/**
 * Exports of the reader's highlights: Markdown, a zip of Markdown files with
 * front matter for vaults, W3C Web Annotation JSON-LD, CSV. Pure functions of
 * a list of annotations and their page records; `exportFile` names the file.
 */
export { toMarkdown } from './markdown';
export { toCsv, CSV_COLUMNS } from './csv';
export { toWebAnnotationJson, toWebAnnotationCollection, CONTEXT } from './web-annotation';
export type { WebAnnotation, WebAnnotationCollection, WebPage } from './web-annotation';
export { toVaultZip, vaultFiles, frontMatter } from './vault';
export { vaultTag, hashtag } from './tags';
export { passageUrl, textDirective } from './text-fragment';
export {
  exportFile,
  exportFileName,
  exportSteps,
  highlightWriter,
  type ExportParts,
  EXPORT_FORMATS,
  type ExportFile,
  type ExportFormat,
  type ExportScope,
} from './files';
export { sourcesToCsv, sourcesToMarkdown, SOURCES_CSV_COLUMNS } from './sources';
