import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, toCsv } from '../../../utils/export';
import { csvField } from '../../../utils/export/csv';
import { ANNOTATIONS, PAGES } from './fixture';

/** A strict RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '"' || c === '\n' || c === '\r') {
      throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    } else field += c;
  }
  if (field || row.length) throw new Error('missing final CRLF');
  return rows;
}

describe('toCsv', () => {
  const rows = parseCsv(toCsv(PAGES, ANNOTATIONS));

  it('has a header row and one row per highlight, all of the same width', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(ANNOTATIONS.length + 1);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('keeps commas, quotes and line breaks inside fields', () => {
    const row = rows.find((r) => r[0] === ANNOTATIONS[0]!.id)!;
    const get = (col: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(col)];
    expect(get('exact')).toBe('dialogue, not confrontation');
    expect(get('note')).toBe('Line one, "quoted"\nline two');
    expect(get('tags')).toBe('Diplomacy; UN talks');
    expect(get('title')).toBe('Wang Yi: "dialogue" | talks');
    expect(get('created')).toBe('2025-02-25T10:02:00.000Z');
    expect(get('byline')).toBe('A. Writer');
    expect(rows.find((r) => r[0] === ANNOTATIONS[3]!.id)![CSV_COLUMNS.indexOf('note')]).toBe('Zürich — 王毅 😀');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvField('= not a formula')).toBe("'= not a formula");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });

  it('is just the header without highlights', () => {
    expect(toCsv([], [])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});
