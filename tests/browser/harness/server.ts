/** A static file server on 127.0.0.1 for fixture pages and corpus pages. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
};

/** Serves each (with extra response `headers`, e.g. a CSP that keeps saved pages' scripts from running); `mounts[prefix]` folder under `/prefix/`; returns the origin and a closer. */
export async function serve(
  mounts: Record<string, string>,
  options: { headers?: Record<string, string> } = {},
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [, prefix, ...rest] = path.split('/');
    const root = mounts[prefix];
    const file = root ? normalize(join(root, rest.join('/') || 'index.html')) : '';
    if (!root || !file.startsWith(resolve(root))) {
      res.writeHead(404).end('not found');
      return;
    }
    try {
      const body = await readFile(file.endsWith('/') ? join(file, 'index.html') : file);
      res
        .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...options.headers })
        .end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** The shared corpus (`GLOSS_CORPUS`, default `../shared/corpus`). */
export const CORPUS = resolve(process.env.GLOSS_CORPUS ?? '../shared/corpus');

/** Folders the tests serve. */
export const ROOTS = {
  fixtures: resolve('tests/fixtures/pages'),
  corpus: join(CORPUS, 'readability'),
};
