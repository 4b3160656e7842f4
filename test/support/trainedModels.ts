/**
 * The suites start the bot hundreds of times and each start trains the intent model on the same corpus: the
 * trained model is kept on disk for the jest run (folder from the global setup, TRAINED_MODEL_DIR) and restored
 * bit for bit, so every start still classifies exactly as a freshly trained model would.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainedSoftmax, TrainedSoftmaxStore } from '../../language/local/softmax';

export const TRAINED_MODEL_DIR_ENV = 'TRAINED_MODEL_DIR';

interface StoredModel {
  features: string[];
  idf: string;
  weights: string;
  bias: string;
}

const toBase64 = (values: Float64Array): string => Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');

function fromBase64(text: string): Float64Array {
  const bytes = Buffer.from(text, 'base64');
  // Copied into a fresh, aligned buffer: a Buffer may sit at any offset of a shared pool.
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export function diskTrainedModelStore(dir: string): TrainedSoftmaxStore {
  const inMemory = new Map<string, TrainedSoftmax>();
  const fileOf = (description: string): string => join(dir, `${createHash('sha256').update(description).digest('hex')}.json`);
  const copy = (model: TrainedSoftmax): TrainedSoftmax => ({ features: model.features, idf: model.idf.slice(), weights: model.weights.slice(), bias: model.bias.slice() });
  return {
    get(description) {
      const file = fileOf(description);
      const known = inMemory.get(file);
      if (known) return copy(known);
      try {
        const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredModel;
        const model = { features: stored.features, idf: fromBase64(stored.idf), weights: fromBase64(stored.weights), bias: fromBase64(stored.bias) };
        inMemory.set(file, model);
        return copy(model);
      } catch {
        return undefined; // not trained yet in this run
      }
    },
    set(description, model) {
      const file = fileOf(description);
      inMemory.set(file, copy(model));
      const stored: StoredModel = { features: model.features, idf: toBase64(model.idf), weights: toBase64(model.weights), bias: toBase64(model.bias) };
      // Written aside and renamed: another worker may read the same file at the same moment.
      const aside = `${file}.${process.pid}.tmp`;
      writeFileSync(aside, JSON.stringify(stored));
      renameSync(aside, file);
    },
  };
}
