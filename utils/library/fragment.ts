/**
 * A link to a highlight's exact passage: the page's URL with a text fragment
 * (`#:~:text=`), which browsers scroll to and mark. Long quotes are given by
 * their first and last words (`textStart,textEnd`), as the syntax allows.
 */
import type { Annotation } from '../db/types';

/** Percent-encodes a text fragment part; `-`, `,` and `&` are syntax there. */
function part(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C');
}

/** The first or last `n` words of `text`. */
function words(text: string, n: number, fromEnd: boolean): string {
  const all = text.split(/\s+/).filter(Boolean);
  return (fromEnd ? all.slice(-n) : all.slice(0, n)).join(' ');
}

/** The page's URL pointing at the annotation's passage. */
export function passageUrl(a: Pick<Annotation, 'url' | 'exact'>): string {
  const exact = a.exact.replace(/\s+/g, ' ').trim();
  if (!exact) return a.url;
  const text =
    exact.length <= 80 || exact.split(' ').length <= 10
      ? part(exact)
      : `${part(words(exact, 5, false))},${part(words(exact, 5, true))}`;
  const base = a.url.split('#:~:')[0];
  return `${base}${base.includes('#') ? '' : '#'}:~:text=${text}`;
}
