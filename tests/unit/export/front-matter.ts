import { parse as parseYaml } from 'yaml';

/** A vault file's front matter, parsed as YAML, and the Markdown after it. */
export function splitNote(text: string): { meta: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`no front matter in ${text.slice(0, 80)}`);
  return { meta: parseYaml(match[1]!) as Record<string, unknown>, body: match[2]! };
}
