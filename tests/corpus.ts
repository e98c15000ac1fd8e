/**
 * The shared corpus for the tests that need it: `GLOSS_CORPUS`, else
 * `../shared/corpus` beside the repository. A test suite that needs it and
 * finds it absent says so in one line and is skipped; with
 * `GLOSS_REQUIRE_CORPUS=1` (set by `.ci/run` in CI) its absence is an error.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS = resolve(process.env.GLOSS_CORPUS ?? '../shared/corpus');

/** `sub` inside the corpus, and whether it is there (announcing the skip when it is not). */
export function corpusPath(sub: string, suite: string): { path: string; present: boolean } {
  const path = join(CORPUS, sub);
  const present = existsSync(path);
  if (!present) {
    if (process.env.GLOSS_REQUIRE_CORPUS === '1') throw new Error(`${suite}: ${path} is required but absent.`);
    console.warn(`SKIPPED ${suite}: ${path} is absent (set GLOSS_CORPUS to the shared corpus to run it).`);
  }
  return { path, present };
}
