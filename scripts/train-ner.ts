/**
 * Trains the named-entity tagger on CoNLL-2003 eng.train and writes
 * public/models/ner.bin. Deterministic: the same corpus gives the same bytes.
 *
 *   npm run train:ner [-- --train FILE] [--dev FILE | --no-dev] [--epochs N] [--bits B]
 *                     [--augment N] [--min-count N] [--folds K] [--stages 1|2] [--out FILE] [--dry-run]
 *                     [--clusters FILE | --no-clusters] [--no-lists] [--no-recent] [--seed N] [--ensemble K]
 *
 * Stage two learns from how stage one labelled the same words elsewhere in a
 * document; its training labels come from stage-one models trained on the other
 * folds (jackknifing), so it sees stage one's real mistakes, not memorised ones.
 * The gazetteer features of a training document likewise come from the names of
 * the other folds; the shipped model carries the names of the whole training set.
 * Each shipped stage is the mean of `--ensemble` (default 3) perceptrons trained on the same
 * features in different orders (seeds `--seed`, +1, +2): single orders differed by up to 0.006
 * on eng.testa and 0.04 on the small recent sets; the mean is steadier and no worse.
 * The dev set, when given, is only reported; it never changes the weights.
 * Besides the training text the model carries word clusters learned from unlabelled
 * recent news (`scripts/data/word-clusters.bin`, made by `npm run train:clusters`)
 * and name lists from data packages (`scripts/lib/ner-lists.ts`). Last, the trained
 * tagger reads unlabelled recent news, and the names it finds there often and with one
 * clear type join the gazetteer (`scripts/lib/ner-recent-names.ts`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeClusters } from '../utils/analysis/ner/clusters';
import { FEATURE_COUNT, FEATURE_VERSION } from '../utils/analysis/ner/features';
import { LABEL_COUNT } from '../utils/analysis/ner/labels';
import { encodeModel, type Stage } from '../utils/analysis/ner/model';
import { addPriorFeatures } from '../utils/analysis/ner/priors';
import { decodeStage, STRIDE } from '../utils/analysis/ner/tagger';
import { loadTagger } from '../utils/analysis/ner';
import { readConll, type ConllDoc } from './lib/ner-conll';
import { addRecentNames, RECENT_DEFAULTS, recentNames, recentTexts } from './lib/ner-recent-names';
import { listBit } from '../utils/analysis/ner/gazetteer';
import { labelledIds, RECENT_SETS } from './lib/recent-entities';
import { trainPerceptron } from './lib/ner-perceptron';
import { corpusDir } from './lib/corpus';
import { buildLists } from './lib/ner-lists';
import { buildDocs, buildLexicon, devScore, sentenceItems, type TrainDoc } from './lib/ner-train-data';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const DEFAULT_SEED = 20250225;

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

function main(args: string[]): number {
  const trainPath = option(args, 'train', join(corpusDir(args), 'conll2003/eng.train'));
  const devPath = option(args, 'dev', join(corpusDir(args), 'conll2003/eng.testa'));
  const epochs = Number(option(args, 'epochs', '8'));
  const bits = Number(option(args, 'bits', '17'));
  const augment = Number(option(args, 'augment', '4'));
  const folds = Number(option(args, 'folds', '5'));
  const stageCount = Number(option(args, 'stages', '2'));
  const out = option(args, 'out', root('public/models/ner.bin'));
  const SEED = Number(option(args, 'seed', String(DEFAULT_SEED)));
  if (!existsSync(trainPath)) {
    process.stderr.write(`train-ner: ${trainPath} not found\n`);
    return 1;
  }
  const t0 = performance.now();
  const log = (msg: string) => process.stderr.write(`${msg} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  const dev: ConllDoc[] = existsSync(devPath) && !args.includes('--no-dev') ? readConll(devPath) : [];
  const minCount = Number(option(args, 'min-count', '2'));
  const corpus = readConll(trainPath);
  const lexicon = minCount > 0 ? buildLexicon(corpus, minCount) : null;
  if (lexicon && !args.includes('--no-lists'))
    for (const [k, m] of buildLists()) lexicon.names.set(k, (lexicon.names.get(k) ?? 0) | m);
  const clusterFile = option(args, 'clusters', root('scripts/data/word-clusters.bin'));
  if (lexicon && !args.includes('--no-clusters')) lexicon.clusters = decodeClusters(readFileSync(clusterFile));
  const docs = buildDocs(corpus, augment, lexicon, folds);
  const model = (stages: Stage[]) => ({
    lexicon: lexicon ?? { known: new Set<number>(), lower: new Set<number>(), names: new Map<number, number>() },
    stages,
  });
  const ensemble = Number(option(args, 'ensemble', '3'));
  const trainOne = (ds: TrainDoc[], count: number, name: string, report: (s: Stage) => Stage[], seed: number) =>
    trainPerceptron(sentenceItems(ds), {
      bits,
      labels: LABEL_COUNT,
      stride: STRIDE,
      count,
      epochs,
      seed,
      onEpoch: (e, s) =>
        log(
          `${name} epoch ${e}${dev.length && e === epochs && !name.startsWith('fold') ? ` dev micro F1 ${devScore(model(report(s)), dev).toFixed(4)}` : ''}`,
        ),
    });
  // A shipped stage is the mean of `ensemble` perceptrons trained in different orders (seeds):
  // one order's luck (0.01 of F1 on the small recent sets) averages out.
  const train = (ds: TrainDoc[], count: number, name: string, report: (s: Stage) => Stage[]) => {
    if (ensemble <= 1 || name.startsWith('fold')) return trainOne(ds, count, name, report, SEED);
    const runs = Array.from({ length: ensemble }, (_, k) =>
      trainOne(ds, count, `${name} (order ${k + 1}/${ensemble})`, report, SEED + k),
    );
    const mean = runs[0];
    for (const key of ['weights', 'trans', 'start'] as const) {
      const out = mean[key] as Float32Array;
      for (let i = 0; i < out.length; i++) {
        let sum = 0;
        for (const r of runs) sum += r[key][i];
        out[i] = sum / runs.length;
      }
    }
    if (dev.length) log(`${name} mean of ${ensemble} dev micro F1 ${devScore(model(report(mean)), dev).toFixed(4)}`);
    return mean;
  };
  log(`train-ner: ${docs.length} documents`);
  const first = train(docs, FEATURE_COUNT, 'stage 1', (s) => [s]);
  const stages = [first];
  if (stageCount > 1) {
    for (let f = 0; f < folds; f++) {
      const held = docs.filter((d) => d.fold === f);
      const model = train(
        docs.filter((d) => d.fold !== f),
        FEATURE_COUNT,
        `fold ${f + 1}/${folds}`,
        () => [],
      );
      for (const doc of held) {
        const prior = decodeStage(model, doc, doc.feats, STRIDE, FEATURE_COUNT);
        addPriorFeatures(doc.words, prior, doc.feats, STRIDE, FEATURE_COUNT);
      }
    }
    stages.push(train(docs, STRIDE, 'stage 2', (s) => [first, s]));
  }
  let bytes = encodeModel(FEATURE_VERSION, model(stages));
  if (lexicon && !args.includes('--no-recent')) {
    // Names of recent news: what the trained tagger finds in unlabelled 2015–16 text, added after training.
    const tagger = loadTagger(bytes);
    const skip = labelledIds(RECENT_SETS.tuning.fixture);
    const places = listBit(1) | listBit(2);
    const recent = recentNames(
      () => recentTexts(corpusDir(args), skip),
      (t) => tagger.tag(t),
      RECENT_DEFAULTS,
      (k) => ((lexicon.names.get(k) ?? 0) & places) !== 0,
    );
    const added = addRecentNames(lexicon.names, recent);
    log(`train-ner: ${recent.size} names of recent news, ${added} new to the gazetteer`);
    bytes = encodeModel(FEATURE_VERSION, model(stages));
  }
  if (!args.includes('--dry-run')) writeFileSync(out, bytes);
  log(`train-ner: ${args.includes('--dry-run') ? 'would write' : 'wrote'} ${bytes.length} bytes to ${out}`);
  return 0;
}

process.exit(main(process.argv.slice(2)));
