/**
 * A zip of one Markdown file per page, for an Obsidian or Logseq vault: YAML
 * front matter (title, url, publisher, published, tags) and the page's
 * highlights as in the Markdown export. Zipped with fflate: about 8 KB in the
 * extension page, synchronous, maintained, no dependencies.
 *
 * The files are stored, not deflated. Measured on a library of 100,000
 * highlights over 10,000 pages (35 MB of Markdown, 3.5 KB a file; Node, a
 * loaded machine): stored 0.3 s and 37 MB; fflate's deflate at level 1 to 6
 * 4 to 6 s for 16 MB, level 1 no faster than 6 on files this small. A zip
 * is a way into a vault, unpacked at once; twice the bytes cost less than a
 * whole-library export four times over its 3-second budget.
 */
import { Zip, ZipPassThrough } from 'fflate';
import type { Annotation, Page } from '../db/types';
import { runAll, type Steps } from '../steps';
import { groupByPage, type PageNotes } from './group';
import { ByteBatch, Parts } from './parts';
import { highlightMarkdown, type HighlightText } from './markdown';
import { vaultTag } from './tags';

/**
 * A YAML double-quoted scalar. JSON's string escapes are all YAML escapes, so
 * JSON.stringify writes a valid one once the characters YAML does not allow
 * as they are (DEL, C1 controls but NEL, U+FFFE/U+FFFF) are escaped too; any
 * Unicode reads back as written.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The page's tags for its front matter: its highlights' tags in vault form, each once, in order of use. */
export function pageTags(annotations: Annotation[]): string[] {
  return [...new Set(annotations.flatMap((a) => a.tags.map(vaultTag)).filter(Boolean))];
}

/** YAML front matter for a page. */
export function frontMatter(page: Page, annotations: Annotation[]): string {
  const lines = [
    '---',
    `title: ${yamlString(page.title)}`,
    `url: ${yamlString(page.url)}`,
    `publisher: ${page.publisher == null ? 'null' : yamlString(page.publisher)}`,
    `published: ${page.published === null ? 'null' : yamlString(page.published)}`,
  ];
  const tags = pageTags(annotations);
  lines.push(tags.length > 0 ? `tags:\n${tags.map((t) => `  - ${yamlString(t)}`).join('\n')}` : 'tags: []');
  lines.push('---');
  return lines.join('\n');
}

/** One page's vault file: front matter, then its highlights. */
export function vaultFile({ page, annotations }: PageNotes, text: HighlightText = highlightMarkdown): string {
  return `${frontMatter(page, annotations)}\n${annotations.map(text).join('\n')}\n`;
}

/** Characters no file system or vault accepts in a note's name. */
const UNSAFE_NAME = /[\\/:*?"<>|#^[\]\p{Cc}\p{Cf}]/gu;

/** A file name (without `.md`) from a page's title, or its address when it has none. */
export function noteName(page: Page): string {
  const base = (page.title.trim() || page.url)
    .replace(/^https?:\/\//, '')
    .replace(UNSAFE_NAME, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return [...(base || 'page')].slice(0, 100).join('').trim();
}

/** The vault's file names, a page at a time: unique (" 2", " 3"... when titles repeat). */
function* vaultNames(groups: PageNotes[]): Generator<[string, PageNotes]> {
  const taken = new Set<string>();
  for (const group of groups) {
    const base = noteName(group.page);
    let name = `${base}.md`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${n}.md`;
    taken.add(name.toLowerCase());
    yield [name, group];
  }
}

/** The vault's files, a page at a time: name and Markdown. */
function* vaultEntries(
  groups: PageNotes[],
  text: HighlightText = highlightMarkdown,
): Generator<[string, string, PageNotes]> {
  for (const [name, group] of vaultNames(groups)) yield [name, vaultFile(group, text), group];
}

/**
 * A page's vault file as UTF-8 (`vaultFile`'s bytes), encoded a piece at a time into `scratch` (grown when
 * too small; the pieces are never joined): the bytes, in the returned buffer.
 */
function encodeVaultFile(
  { page, annotations }: PageNotes,
  text: HighlightText,
  scratch: Uint8Array,
  encoder: TextEncoder,
): [Uint8Array, number] {
  const head = frontMatter(page, annotations);
  const texts = annotations.map(text);
  // UTF-8 takes at most 3 bytes per UTF-16 code unit; the line breaks between the pieces one each.
  let most = 3 * head.length + annotations.length + 2;
  for (const t of texts) most += 3 * t.length;
  if (scratch.length < most) scratch = new Uint8Array(Math.max(most, 2 * scratch.length));
  let at = encoder.encodeInto(head, scratch).written;
  scratch[at++] = 10;
  for (let i = 0; i < texts.length; i++) {
    if (i > 0) scratch[at++] = 10;
    at += encoder.encodeInto(texts[i]!, scratch.subarray(at)).written;
  }
  scratch[at++] = 10;
  return [scratch, at];
}

/** The vault's files: name → Markdown. */
export function vaultFiles(pages: Page[], annotations: Annotation[]): Map<string, string> {
  return new Map([...vaultEntries(groupByPage(pages, annotations))].map(([name, text]) => [name, text]));
}

/**
 * Writes the vault zip into `out` (bytes), a page's file at a time, yielding the highlights written so far.
 * `now` dates the entries; `text` gives each highlight's Markdown.
 */
export function* vaultSteps(
  pages: Page[],
  annotations: Annotation[],
  out: Parts,
  now = new Date(),
  text: HighlightText = highlightMarkdown,
): Steps<void> {
  let failed: Error | null = null;
  // The zip's pieces (two small headers and the data of each file) are copied into parts of about a megabyte.
  const batch = new ByteBatch(out);
  let emitted = 0;
  const zip = new Zip((error, data) => {
    if (error) failed = error;
    else {
      batch.add(data);
      emitted += data.length;
    }
  });
  const encoder = new TextEncoder();
  let scratch: Uint8Array = new Uint8Array(1 << 16);
  let done = 0;
  for (const [name, group] of vaultNames(groupByPage(pages, annotations))) {
    const [buffer, length] = encodeVaultFile(group, text, scratch, encoder);
    scratch = buffer;
    const entry = new ZipPassThrough(name);
    entry.mtime = now;
    zip.add(entry);
    const before = emitted;
    entry.push(scratch.subarray(0, length), true);
    if (failed) throw failed;
    // Each file's data is passed on as it is pushed (the one before it finished), so the buffer can be reused.
    if (emitted - before < length) throw new Error('The zip held back a file’s data');
    done += group.annotations.length;
    yield done;
  }
  zip.end();
  if (failed) throw failed;
  batch.flush();
}

/** The vault zip's bytes. `now` dates the entries. */
export function toVaultZip(pages: Page[], annotations: Annotation[], now = new Date()): Uint8Array {
  const out = new Parts();
  runAll(vaultSteps(pages, annotations, out, now));
  return out.concat();
}
