import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { WARCRecord, WARCSerializer } from 'warcio';
import { jsonlInputs, warcInputs, type Item } from '../../../scripts/lib/analyse-inputs';
import { analyseAll } from '../../../scripts/lib/analyse-pool';
import { analyzeInput, nodeTagger } from '../../../scripts/lib/node-analysis';
import { analyzeText } from '../../../utils/analysis/analyze';
import { buildSourceRecord } from '../../../utils/sources/record';

const page = (title: string, said: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title>` +
  `<script type="application/ld+json">{"@type":"NewsArticle","headline":"${title}"}</script></head>` +
  `<body><article><h1>${title}</h1>` +
  `<p>“${said},” Maria Lopez, the mayor of Springfield, told reporters on Monday.</p>` +
  `<p>The council will vote on the plan next week, officials said.</p></article></body></html>`;

/** A gzipped WARC with two HTML responses, an image response and a request record. */
async function writeWarc(): Promise<string> {
  const encoder = new TextEncoder();
  const record = (url: string, type: 'response' | 'request', contentType: string, body: string) =>
    WARCRecord.create(
      {
        url,
        type,
        statusline: type === 'response' ? 'HTTP/1.1 200 OK' : 'GET / HTTP/1.1',
        httpHeaders: { 'Content-Type': contentType },
      },
      (async function* () {
        yield encoder.encode(body);
      })(),
    );
  const records = [
    record('https://news.example/a', 'request', 'text/html', ''),
    record('https://news.example/a', 'response', 'text/html; charset=utf-8', page('Budget passes', 'We did it')),
    record('https://news.example/logo.png', 'response', 'image/png', 'PNG'),
    record('https://news.example/b', 'response', 'text/html', page('Roads close', 'Stay home')),
  ];
  const parts = await Promise.all(records.map((r) => WARCSerializer.serialize(r, { gzip: true })));
  const file = join(mkdtempSync(join(tmpdir(), 'gloss-warc-')), 'crawl.warc.gz');
  writeFileSync(file, Buffer.concat(parts.map((p) => Buffer.from(p))));
  return file;
}

async function collect(
  items: AsyncIterable<Item>,
  workers: number,
  options: { records?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const line of analyseAll(items, workers, options)) out.push(JSON.parse(line));
  return out;
}

describe('the analyse command’s inputs and workers', () => {
  it('reads the HTML responses of a gzipped WARC, in order, and analyses them', async () => {
    const file = await writeWarc();
    const out = await collect(warcInputs(file), 1);
    expect(out.map((o) => o.id)).toEqual(['https://news.example/a', 'https://news.example/b']);
    expect(out[0]).toMatchObject({ isArticle: true, metadata: { title: 'Budget passes' } });
    expect((out[0]!.quotes as { text: string; speaker: string }[])[0]).toMatchObject({
      text: expect.stringMatching(/^We did it/),
      speaker: 'Maria Lopez',
    });
  });

  it('gives the same lines in the same order on two worker threads, errors in place', async () => {
    const lines = [
      ...Array.from({ length: 12 }, (_, i) => JSON.stringify({ id: `t${i}`, text: `“Line ${i},” said Ana Ruiz.` })),
      'not json',
      JSON.stringify({ id: 'empty' }),
      JSON.stringify({ id: 'page', html: page('Roads close', 'Stay home') }),
    ];
    const input = () => jsonlInputs(Readable.from([lines.join('\n') + '\n']));
    const strip = (o: Record<string, unknown>): Record<string, unknown> => ({ ...o, timingMs: 0 });
    const one = (await collect(input(), 1)).map(strip);
    const two = (await collect(input(), 2)).map(strip);
    expect(two).toEqual(one);
    expect(one.map((o) => o.id)).toEqual([...Array.from({ length: 12 }, (_, i) => `t${i}`), null, 'empty', 'page']);
    expect(one[12]!.error).toMatch(/unreadable line/);
    expect(one[13]!.error).toMatch(/"html" or a "text"/);
  }, 60_000);

  it('adds with --records the record the extension would remember, built by the same function, and nothing else', async () => {
    const lines = [
      JSON.stringify({
        id: 'page',
        url: 'https://news.example/a?utm_source=x',
        html: page('Budget passes', 'We did it'),
      }),
      JSON.stringify({ id: 'text', text: '“Line one,” said Ana Ruiz.' }),
    ];
    const input = () => jsonlInputs(Readable.from([lines.join('\n') + '\n']));
    const strip = (o: Record<string, unknown>): Record<string, unknown> => ({ ...o, timingMs: 0 });
    const plain = (await collect(input(), 1)).map(strip);
    const withRecords = (await collect(input(), 2, { records: true })).map(strip);
    expect(withRecords.map(({ record: _record, ...rest }) => rest)).toEqual(plain);
    expect(plain[0]).not.toHaveProperty('record');
    const out = withRecords[0]! as unknown as {
      text: string;
      metadata: Parameters<typeof buildSourceRecord>[0]['metadata'];
      record: unknown;
    };
    expect(out.record).toEqual(
      buildSourceRecord({
        url: 'https://news.example/a?utm_source=x',
        metadata: out.metadata,
        text: out.text,
        analysis: analyzeText(out.text, nodeTagger()),
      }),
    );
    expect(out.record).toMatchObject({
      url: 'https://news.example/a',
      title: 'Budget passes',
      quotes: [{ speaker: 'Maria Lopez', speakerType: 'PER', selector: { type: 'TextQuoteSelector' } }],
    });
  }, 60_000);
});

describe('the analyse command on a page not in English', () => {
  const article = (lang: string) =>
    `<!doctype html><html lang="${lang}"><head><title>Rozpočet schválen</title>` +
    `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Rozpočet schválen"}</script></head>` +
    `<body><article><h1>Rozpočet schválen</h1>` +
    `<p>„Zvládli jsme to,“ řekl v pondělí novinářům Petr Novák, starosta Brna.</p>` +
    `<p>“Je to dobrý den pro město,” said Petr Novák.</p>` +
    `<p>Zastupitelstvo bude o plánu hlasovat příští týden, uvedli úředníci.</p></article></body></html>`;

  it('gives its quotations without speakers and no names, as the extension does', () => {
    const out = analyzeInput({ id: 'cs', html: article('cs') });
    expect(out.metadata.language).toBe('cs');
    expect(out.quotes.map((q) => q.text)).toContain('Je to dobrý den pro město,');
    expect(out.quotes.map((q) => q.speaker)).toEqual(out.quotes.map(() => null));
    expect(out.entities).toEqual([]);
  });

  it('keeps the speakers and names of the same page in English, and of a text of no known language', () => {
    const en = analyzeInput({ id: 'en', html: article('en') });
    expect(en.metadata.language).toBe('en');
    expect(en.quotes.find((q) => q.text === 'Je to dobrý den pro město,')?.speaker).toBe('Petr Novák');
    expect(en.entities.length).toBeGreaterThan(0);
    const text = analyzeInput({ id: 'text', text: en.text });
    expect(text.quotes.map((q) => q.speaker)).toEqual(en.quotes.map((q) => q.speaker));
  });
});
