/**
 * Where the evaluation and training data live: `--corpus DIR` on the command
 * line, else the `GLOSS_CORPUS` environment variable, else `../shared/corpus`
 * beside the repository (as on the team's machines and in CI). Relative paths
 * are taken from the repository's root.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The corpus folder this run reads. */
export function corpusDir(args: string[] = process.argv.slice(2)): string {
  const at = args.indexOf('--corpus');
  const flag = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--corpus='))?.slice('--corpus='.length);
  return resolve(ROOT, flag ?? process.env.GLOSS_CORPUS ?? '../shared/corpus');
}

/** Absolute path of the corpus folder, or of `parts` inside it. */
export function corpusPath(...parts: string[]): string {
  return join(corpusDir(), ...parts);
}

/** A path inside the corpus; exits with a clear message when it is not there. */
export function corpusFile(sub: string, args?: string[]): string {
  const path = join(corpusDir(args), sub);
  if (!existsSync(path)) {
    console.error(
      `${path} not found. The evaluation and training data are not in the repository: ` +
        'point --corpus DIR or GLOSS_CORPUS at a copy of the corpus (see README, "Data").',
    );
    process.exit(2);
  }
  return path;
}
