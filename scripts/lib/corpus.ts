/** Where the shared corpus lives: `$GLOSS_CORPUS`, else `../shared/corpus` beside the repository. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Absolute path of the corpus folder, or of `parts` inside it. */
export function corpusPath(...parts: string[]): string {
  return resolve(ROOT, process.env.GLOSS_CORPUS ?? '../shared/corpus', ...parts);
}
