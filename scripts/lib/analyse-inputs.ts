/**
 * Where the analyse command's inputs come from: JSON lines, or the HTML
 * responses of a WARC file (web archives as crawlers write them, gzipped or
 * not), read with warcio, Webrecorder's WARC library.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { WARCParser } from 'warcio';
import { decodeHtml } from './html-bytes';
import type { AnalyzeInput } from './node-analysis';

/** An input to analyse, or a line that could not be read (answered with `{id, error}`). */
export type Item = { input: AnalyzeInput } | { id: unknown; error: string };

/** One item per non-empty line of JSON lines. */
export async function* jsonlInputs(stream: Readable): AsyncGenerator<Item> {
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    try {
      const input = JSON.parse(line) as unknown;
      if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('not a JSON object');
      yield { input: input as AnalyzeInput };
    } catch (err) {
      yield { id: null, error: `unreadable line: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
}

/** One item per HTML response in a WARC file: `{id: the record's target URI, url, html}`. */
export async function* warcInputs(path: string): AsyncGenerator<Item> {
  const parser = new WARCParser(createReadStream(path));
  for await (const record of parser) {
    if (record.warcType !== 'response') continue;
    const type = record.httpHeaders?.headers.get('content-type') ?? '';
    if (!/html/i.test(type)) continue;
    const url = record.warcTargetURI ?? null;
    try {
      // Decoded by the charset the response declares (header, then meta), as a browser does.
      const html = decodeHtml(await record.readFully(true), type);
      yield { input: { id: url, url: url ?? undefined, html } };
    } catch (err) {
      yield { id: url, error: `unreadable record: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
}
