/**
 * A live page, played in the page's main world as a site's own scripts would
 * do it: paragraphs appended or replaced after load, and in-page navigation to
 * another article with `history.pushState`.
 */

/** The quotation the appended paragraph adds. */
export const APPENDED_QUOTE = 'Dialogue is the only way forward,';
/** The quotation that replaces the seed's first one. */
export const REPLACING_QUOTE = 'We will keep listening to every country that wants to talk,';

/** Appends a paragraph with a new quotation to the seed article's body. */
export function appendParagraph(): void {
  const p = document.createElement('p');
  p.textContent = '"Dialogue is the only way forward," Wang told reporters.';
  document.querySelector('.body')!.append(p);
}

/** Replaces the seed article's paragraph of its first quotation with a new one. */
export function replaceParagraph(): void {
  const old = [...document.querySelectorAll('p')].find((p) => p.textContent!.includes('Fairness and justice'))!;
  const p = document.createElement('p');
  p.textContent = '"We will keep listening to every country that wants to talk," Wang said at the meeting.';
  old.replaceWith(p);
}

/** Renders the article at `url` in place of this one and moves the address there with `pushState`, as an app does. */
export async function navigateInPlace(url: string): Promise<void> {
  const html = await (await fetch(url)).text();
  const next = new DOMParser().parseFromString(html, 'text/html');
  history.pushState({}, '', url);
  document.title = next.title;
  document.body.replaceWith(document.adoptNode(next.body));
}

/** The texts of Gloss's quotation and name layers, sorted within each, for comparing two renderings. */
export function paintedTexts(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  CSS.highlights.forEach((highlight, name) => {
    if (/^gloss-(quote|per|org|loc|misc)/.test(name)) out[name] = [...highlight].map((r) => r.toString()).sort();
  });
  return out;
}

/** Sets a clock line at the top of the page to `i` o'clock, as a page's ticker does: a small change. */
export function tickOnce(i: number): void {
  let clock = document.getElementById('gloss-test-clock');
  if (!clock) {
    clock = document.createElement('p');
    clock.id = 'gloss-test-clock';
    document.body.prepend(clock);
  }
  clock.textContent = `Updated ${i}:00`;
}
