/**
 * The reader's highlight colours, read from the content script's stylesheet:
 * each stays apart from the others by its line, not by hue alone, and its
 * text and line keep their contrast on light pages and on dark ones.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS } from '../../../utils/db/types';

const CSS = readFileSync('entrypoints/content/style.css', 'utf8');

type Rgba = [number, number, number, number];

/** The declarations of `::highlight(name)`. */
function rule(name: string): Record<string, string> {
  const body = new RegExp(`::highlight\\(${name}\\)\\s*\\{([^}]*)\\}`).exec(CSS)?.[1];
  if (body === undefined) throw new Error(`no ::highlight(${name}) in style.css`);
  return Object.fromEntries(
    body
      .split(';')
      .map((d) => d.split(':').map((s) => s.trim()))
      .filter((d) => d.length === 2 && d[0])
      .map(([k, v]) => [k, v]),
  );
}

function parseColour(value: string): Rgba {
  const hex = /^#([0-9a-f]{6})$/i.exec(value)?.[1];
  if (hex) return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(1) as Rgba;
  const fn = /^rgba?\(([^)]*)\)$/.exec(value)?.[1];
  if (fn) {
    const [r, g, b, a = 1] = fn.split(',').map(Number);
    return [r, g, b, a];
  }
  throw new Error(`cannot read colour ${value}`);
}

/** `top` painted over the opaque `bottom`. */
const over = (top: Rgba, bottom: Rgba): Rgba =>
  [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1) as Rgba;

const luminance = ([r, g, b]: Rgba) => {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

/** WCAG contrast ratio of two opaque colours. */
const contrast = (a: Rgba, b: Rgba) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

/** The line of a highlight: its style (solid, double, wavy, dotted; 'none' without one) and colour. */
function line(decl: Record<string, string>): { style: string; colour: string | null } {
  const value = decl['text-decoration'];
  if (!value) return { style: 'none', colour: null };
  const style = /\b(double|wavy|dotted|dashed)\b/.exec(value)?.[1] ?? 'solid';
  return { style, colour: /(#[0-9a-f]{6}|rgba?\([^)]*\))/i.exec(value)?.[1] ?? null };
}

// Typical page backgrounds: white and paper on light pages; black to the darkest grey Gloss still calls dark.
const PAGES = {
  light: ['#ffffff', '#f7f3e8'].map(parseColour),
  dark: ['#000000', '#121212', '#1e1e1e', '#303030'].map(parseColour),
};

describe('Gloss’s underlines', () => {
  it('never skip descenders, so a name of several words is one line (Firefox cut it into pieces)', () => {
    const underlined = [...CSS.matchAll(/::highlight\(([\w-]+)\)\s*\{([^}]*)\}/g)].filter(([, , body]) =>
      /text-decoration:/.test(body),
    );
    expect(underlined.length).toBe(16); // 4 entity types and 4 of the reader’s colours, light and dark;
    for (const [, name, body] of underlined) expect(body, name).toMatch(/text-decoration-skip-ink:\s*none/);
  });
});

describe('the reader’s highlight colours', () => {
  for (const mode of ['light', 'dark'] as const) {
    const suffix = mode === 'dark' ? '-dark' : '';
    const rules = HIGHLIGHT_COLORS.map((c) => ({ colour: c, decl: rule(`gloss-user-${c}${suffix}`) }));

    it(`each of the ${HIGHLIGHT_COLORS.length} colours has a line of its own on ${mode} pages`, () => {
      const styles = rules.map((r) => line(r.decl).style);
      expect(new Set(styles).size).toBe(HIGHLIGHT_COLORS.length);
      // And the same one in both modes, so the reader learns one key.
      const other = HIGHLIGHT_COLORS.map((c) => line(rule(`gloss-user-${c}${mode === 'dark' ? '' : '-dark'}`)).style);
      expect(styles).toEqual(other);
      for (const r of rules) {
        if (r.decl['text-decoration']) expect(r.decl['text-decoration-skip-ink'], r.colour).toBe('none');
      }
    });

    it(`keeps text readable (4.5:1) and lines visible (3:1) on ${mode} pages`, () => {
      const report: string[] = [];
      for (const { colour, decl } of rules) {
        expect(decl.color, `${colour}: the text colour is set`).toMatch(/^#/);
        const text = parseColour(decl.color);
        for (const page of PAGES[mode]) {
          const fill = over(parseColour(decl['background-color']), page);
          const textRatio = contrast(text, fill);
          expect(textRatio, `${colour} text on its fill over ${page}`).toBeGreaterThanOrEqual(4.5);
          const { colour: lineColour } = line(decl);
          if (lineColour) {
            const lineRatio = contrast(over(parseColour(lineColour), fill), fill);
            expect(lineRatio, `${colour} line on its fill over ${page}`).toBeGreaterThanOrEqual(3);
            report.push(`${colour} ${textRatio.toFixed(1)}/${lineRatio.toFixed(1)}`);
          } else report.push(`${colour} ${textRatio.toFixed(1)}`);
        }
      }
      console.log(`contrast on ${mode} pages (text/line): ${report.join(', ')}`);
    });
  }
});
