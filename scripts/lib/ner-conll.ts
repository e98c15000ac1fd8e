/** Reads CoNLL-2003 files (token POS chunk NER, IOB1) into documents with BIO label ids. */
import { readFileSync } from 'node:fs';
import { beginLabel } from '../../utils/analysis/ner/labels';
import type { EntityType } from '../../utils/analysis/types';

/** One CoNLL document: tokens, sentence ranges and gold BIO labels. */
export type ConllDoc = { words: string[]; sentences: [number, number][]; labels: number[] };

/** Parses a CoNLL-2003 file; documents are split at -DOCSTART- lines. */
export function readConll(path: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let doc: ConllDoc = { words: [], sentences: [], labels: [] };
  let sentStart = 0;
  let prevTag = 'O';
  const closeSentence = () => {
    if (doc.words.length > sentStart) doc.sentences.push([sentStart, doc.words.length]);
    sentStart = doc.words.length;
    prevTag = 'O';
  };
  const closeDoc = () => {
    closeSentence();
    if (doc.words.length) docs.push(doc);
    doc = { words: [], sentences: [], labels: [] };
    sentStart = 0;
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const parts = line.trim().split(' ');
    if (parts.length < 4) {
      closeSentence();
      continue;
    }
    if (parts[0] === '-DOCSTART-') {
      closeDoc();
      continue;
    }
    const tag = parts[parts.length - 1];
    let label = 0;
    if (tag !== 'O') {
      const type = tag.slice(2) as EntityType;
      const b = beginLabel(type);
      // IOB1: a new entity begins at B-, or at I- after a different tag.
      const cont = tag.startsWith('I-') && prevTag.slice(2) === type;
      label = cont ? b + 1 : b;
    }
    doc.words.push(parts[0]);
    doc.labels.push(label);
    prevTag = tag;
  }
  closeDoc();
  return docs;
}

/** The document as the analyse command receives it: tokens joined by spaces, sentences by new lines. */
export function docText(doc: ConllDoc): string {
  return doc.sentences.map(([a, b]) => doc.words.slice(a, b).join(' ')).join('\n');
}
