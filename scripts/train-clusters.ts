/**
 * Word clusters for the entity tagger, learned from unlabelled news text that is
 * more recent than the 1996 training text: the article texts of PolNeAR's
 * train.jsonl (US political news, 2015–16), the article bodies of the Readability
 * pages, and the words of CoNLL eng.train (without its labels). Words that occur
 * in similar contexts ("Obama", "Clinton", "Trump") share a cluster, so the tagger
 * carries what it learned of a 1996 name to a name it never saw.
 *
 *   npm run train:clusters [-- --corpus DIR] [--out FILE] [--dims D] [--min-count N]
 *
 * Method: for each word seen at least `min-count` times, counts of the words one and
 * two places to its left and right (the most frequent context words); positive PMI;
 * a randomised truncated SVD to `dims` dimensions; spherical k-means at three sizes
 * (1024, 256 and 64 clusters), seeded, so the same texts give the same bytes.
 * PolNeAR dev.jsonl is left out: its sentences are the recent-text check
 * (`scripts/eval-recent.ts`). The texts themselves are not stored, only
 * hashes of the words and their clusters (`scripts/data/word-clusters.bin`, read
 * by `npm run train:ner`, which copies them into `public/models/ner.bin`).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { capClass } from '../utils/analysis/ner/context';
import { lowerForm } from '../utils/analysis/ner/features';
import { hashString } from '../utils/analysis/ner/hash';
import { encodeClusters, CLUSTER_SIZES } from '../utils/analysis/ner/clusters';
import { splitSentences } from '../utils/analysis/ner/sentences';
import { normalizeChars, tokenize } from '../utils/analysis/ner/tokenize';
import { corpusDir } from './lib/corpus';
import { readConll } from './lib/ner-conll';
import { rng } from './lib/random';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const SEED = 20250301;

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

/** Sentences of lower-cased words from every source. */
function readSentences(dir: string): string[][] {
  const out: string[][] = [];
  const fromText = (text: string) => {
    const { tokens, lineBreakBefore } = tokenize(text);
    for (const [a, b] of splitSentences(tokens, lineBreakBefore))
      out.push(tokens.slice(a, b).map((t) => lowerForm(t.norm)));
  };
  const train = join(dir, 'conll2003/eng.train');
  if (existsSync(train))
    for (const d of readConll(train))
      for (const [a, b] of d.sentences) out.push(d.words.slice(a, b).map((w) => lowerForm(normalizeChars(w))));
  const polnear = join(dir, 'polnear/train.jsonl');
  if (existsSync(polnear))
    for (const line of readFileSync(polnear, 'utf8').split('\n'))
      if (line.trim()) fromText((JSON.parse(line) as { text: string }).text);
  const readability = join(dir, 'readability');
  if (existsSync(readability))
    for (const name of readdirSync(readability).sort()) {
      const file = join(readability, name, 'expected.html');
      if (!existsSync(file)) continue;
      const { document } = parseHTML(`<html><body>${readFileSync(file, 'utf8')}</body></html>`);
      for (const p of document.querySelectorAll('p, li, h1, h2, h3, blockquote, td'))
        if (!p.querySelector('p, li, td')) fromText(p.textContent ?? '');
    }
  return out;
}

/** A word worth clustering: it has letters. */
function isWord(w: string): boolean {
  const c = capClass(w);
  return c <= 3;
}

type Csr = { rows: number; cols: number; ptr: Int32Array; idx: Int32Array; val: Float64Array };

/** Word × context PPMI matrix (context-distribution smoothing 0.75). */
function ppmi(sentences: string[][], minCount: number, contextWords: number): { vocab: string[]; m: Csr } {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byFreq = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byFreq.filter(([w, n]) => n >= minCount && isWord(w)).map(([w]) => w);
  const row = new Map(vocab.map((w, i) => [w, i]));
  const ctx = new Map(byFreq.slice(0, contextWords).map(([w], i) => [w, i]));
  const BOS = contextWords;
  const OTHER = contextWords + 1;
  const width = contextWords + 2;
  const cols = 4 * width;
  const cell = new Map<number, number>();
  const at = (s: string[], k: number) => (k < 0 || k >= s.length ? BOS : (ctx.get(s[k]) ?? OTHER));
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const r = row.get(s[i]);
      if (r === undefined) continue;
      const cs = [at(s, i - 1), width + at(s, i + 1), 2 * width + at(s, i - 2), 3 * width + at(s, i + 2)];
      for (const c of cs) {
        const key = r * cols + c;
        cell.set(key, (cell.get(key) ?? 0) + 1);
      }
    }
  }
  const rowSum = new Float64Array(vocab.length);
  const colSum = new Float64Array(cols);
  let total = 0;
  for (const [key, n] of cell) {
    rowSum[Math.floor(key / cols)] += n;
    const c = key % cols;
    colSum[c] += Math.pow(n, 0.75);
    total += n;
  }
  let colTotal = 0;
  for (const v of colSum) colTotal += v;
  const keys = [...cell.keys()].sort((a, b) => a - b);
  const ptr = new Int32Array(vocab.length + 1);
  const idx: number[] = [];
  const val: number[] = [];
  let r = 0;
  for (const key of keys) {
    const kr = Math.floor(key / cols);
    while (r < kr) ptr[++r] = idx.length;
    const c = key % cols;
    const n = cell.get(key)!;
    const pmi = Math.log(n / rowSum[kr] / (colSum[c] / colTotal));
    if (pmi > 0) {
      idx.push(c);
      val.push(pmi);
    }
  }
  while (r < vocab.length) ptr[++r] = idx.length;
  void total;
  return { vocab, m: { rows: vocab.length, cols, ptr, idx: Int32Array.from(idx), val: Float64Array.from(val) } };
}

/** A·X for sparse A (rows × cols) and dense X (cols × k, row-major). */
function mulSparse(a: Csr, x: Float64Array, k: number): Float64Array {
  const y = new Float64Array(a.rows * k);
  for (let r = 0; r < a.rows; r++) {
    const yo = r * k;
    for (let p = a.ptr[r]; p < a.ptr[r + 1]; p++) {
      const v = a.val[p];
      const xo = a.idx[p] * k;
      for (let j = 0; j < k; j++) y[yo + j] += v * x[xo + j];
    }
  }
  return y;
}

/** Aᵀ·Y for sparse A and dense Y (rows × k). */
function mulSparseT(a: Csr, y: Float64Array, k: number): Float64Array {
  const x = new Float64Array(a.cols * k);
  for (let r = 0; r < a.rows; r++) {
    const yo = r * k;
    for (let p = a.ptr[r]; p < a.ptr[r + 1]; p++) {
      const v = a.val[p];
      const xo = a.idx[p] * k;
      for (let j = 0; j < k; j++) x[xo + j] += v * y[yo + j];
    }
  }
  return x;
}

/** Orthonormalises the k columns of Y (n × k, row-major) in place (modified Gram–Schmidt). */
function orthonormalise(y: Float64Array, n: number, k: number): void {
  for (let j = 0; j < k; j++) {
    for (let p = 0; p < j; p++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += y[i * k + j] * y[i * k + p];
      for (let i = 0; i < n; i++) y[i * k + j] -= dot * y[i * k + p];
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += y[i * k + j] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) y[i * k + j] /= norm;
  }
}

/** Eigen-decomposition of a symmetric k × k matrix (cyclic Jacobi); returns values and vectors (columns). */
function jacobi(a: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p * k + q] ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * k + q] - a[p * k + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r * k + p];
          const arq = a[r * k + q];
          a[r * k + p] = c * arp - s * arq;
          a[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r];
          const aqr = a[q * k + r];
          a[p * k + r] = c * apr - s * aqr;
          a[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p];
          const vrq = v[r * k + q];
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const values = new Float64Array(k);
  for (let i = 0; i < k; i++) values[i] = a[i * k + i];
  return { values, vectors: v };
}

/** Word vectors: the top `dims` left singular vectors of `m`, scaled by the square root of their singular values. */
function embed(m: Csr, dims: number, random: () => number): Float64Array {
  const k = dims + 10;
  const gauss = () => {
    const u = random() || 1e-12;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const omega = new Float64Array(m.cols * k);
  for (let i = 0; i < omega.length; i++) omega[i] = gauss();
  let y = mulSparse(m, omega, k);
  orthonormalise(y, m.rows, k);
  for (let it = 0; it < 3; it++) {
    const z = mulSparseT(m, y, k);
    orthonormalise(z, m.cols, k);
    y = mulSparse(m, z, k);
    orthonormalise(y, m.rows, k);
  }
  // B = Qᵀ A (k × cols); B Bᵀ = Qᵀ A Aᵀ Q = its eigenvectors give the left singular vectors.
  const bt = mulSparseT(m, y, k); // cols × k = Bᵀ
  const bbt = new Float64Array(k * k);
  for (let c = 0; c < m.cols; c++)
    for (let i = 0; i < k; i++) {
      const v = bt[c * k + i];
      if (v === 0) continue;
      for (let j = 0; j < k; j++) bbt[i * k + j] += v * bt[c * k + j];
    }
  const { values, vectors } = jacobi(bbt, k);
  const order = [...values.keys()].sort((a, b) => values[b] - values[a]).slice(0, dims);
  const out = new Float64Array(m.rows * dims);
  for (let r = 0; r < m.rows; r++) {
    for (let d = 0; d < dims; d++) {
      const e = order[d];
      let s = 0;
      for (let j = 0; j < k; j++) s += y[r * k + j] * vectors[j * k + e];
      out[r * dims + d] = s * Math.pow(Math.max(values[e], 0), 0.25);
    }
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += out[r * dims + d] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) out[r * dims + d] /= norm;
  }
  return out;
}

/** Spherical k-means (k-means++ seeding) over unit rows; returns each row's cluster. */
function kmeans(x: Float64Array, n: number, dims: number, k: number, random: () => number, iters = 15): Uint16Array {
  const centres = new Float64Array(k * dims);
  const best = new Float64Array(n).fill(Infinity);
  let first = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    centres.set(x.subarray(first * dims, first * dims + dims), c * dims);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += x[i * dims + d] * centres[c * dims + d];
      const dist = Math.max(0, 2 - 2 * dot);
      if (dist < best[i]) best[i] = dist;
      sum += best[i];
    }
    let pick = random() * sum;
    first = n - 1;
    for (let i = 0; i < n; i++) {
      pick -= best[i];
      if (pick <= 0) {
        first = i;
        break;
      }
    }
  }
  const assign = new Uint16Array(n);
  for (let it = 0; it < iters; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let bestC = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += x[i * dims + d] * centres[c * dims + d];
        if (dot > bestDot) [bestDot, bestC] = [dot, c];
      }
      if (assign[i] !== bestC || it === 0) moved++;
      assign[i] = bestC;
    }
    centres.fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < dims; d++) centres[assign[i] * dims + d] += x[i * dims + d];
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centres[c * dims + d] ** 2;
      norm = Math.sqrt(norm);
      if (norm === 0) {
        // An empty cluster takes a random word.
        const i = Math.floor(random() * n);
        centres.set(x.subarray(i * dims, i * dims + dims), c * dims);
      } else for (let d = 0; d < dims; d++) centres[c * dims + d] /= norm;
    }
    if (moved === 0) break;
  }
  return assign;
}

function main(args: string[]): number {
  const dir = corpusDir(args);
  const out = option(args, 'out', root('scripts/data/word-clusters.bin'));
  const dims = Number(option(args, 'dims', '64'));
  const minCount = Number(option(args, 'min-count', '3'));
  const t0 = performance.now();
  const log = (msg: string) => process.stderr.write(`${msg} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  const sentences = readSentences(dir);
  if (sentences.length === 0) {
    process.stderr.write(`train-clusters: no text found under ${dir}\n`);
    return 1;
  }
  log(`train-clusters: ${sentences.length} sentences, ${sentences.reduce((n, s) => n + s.length, 0)} tokens`);
  const { vocab, m } = ppmi(sentences, minCount, 3000);
  log(`train-clusters: ${vocab.length} words, ${m.val.length} non-zero PPMI cells`);
  const random = rng(SEED);
  const vectors = embed(m, dims, random);
  log('train-clusters: vectors');
  const assignments = CLUSTER_SIZES.map((k) => {
    const a = kmeans(vectors, vocab.length, dims, k, random);
    log(`train-clusters: ${k} clusters`);
    return a;
  });
  const entries = new Map<number, number[]>();
  vocab.forEach((w, i) =>
    entries.set(
      hashString(w),
      assignments.map((a) => a[i]),
    ),
  );
  const bytes = encodeClusters(entries);
  writeFileSync(out, bytes);
  log(`train-clusters: wrote ${bytes.length} bytes (${entries.size} words) to ${out}`);
  if (args.includes('--show')) {
    const byCluster = new Map<number, string[]>();
    vocab.slice(0, 20000).forEach((w, i) => {
      const c = assignments[0][i];
      if (!byCluster.has(c)) byCluster.set(c, []);
      byCluster.get(c)!.push(w);
    });
    for (const w of option(args, 'show', 'obama').split(',')) {
      const i = vocab.indexOf(w);
      if (i >= 0)
        console.log(
          w,
          assignments.map((a) => a[i]).join('/'),
          byCluster.get(assignments[0][i])!.slice(0, 30).join(' '),
        );
    }
  }
  return 0;
}

process.exit(main(process.argv.slice(2)));
