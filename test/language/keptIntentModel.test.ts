/**
 * The intent model kept in the model cache (language/local/softmax.ts, domain/modelCache.ts): a restored model
 * classifies exactly as a freshly trained one, and a changed corpus trains again.
 */
import { loadCorpus } from '../../language/local/corpus';
import { IntentModel } from '../../language/local/intentModel';
import { keepTrainedModelsIn } from '../../language/local/softmax';
import { runModelCache } from '../support/runModelCache';
import { CountingCache } from '../support/countingCache';


const fullCorpus = loadCorpus();
/**
 * Every third utterance, every intent still in it (asserted): keeping and restoring hold for any corpus, and a third of
 * it trains about four times faster (the suite trains six times).
 */
const corpus = fullCorpus.filter((_, n) => n % 3 === 0);
const probes = [...fullCorpus.filter((_, n) => n % 25 === 0).map((u) => u.text), 'gimme sumthing for my nan', 'xyzzy', ''];
const classifications = (model: IntentModel) => probes.map((text) => model.classify(text));

afterAll(() => keepTrainedModelsIn(runModelCache()));

describe('the intent model kept across starts', () => {
  it('trains on a slice of the corpus that holds every intent', () => {
    expect(new Set(corpus.map((u) => u.intent))).toEqual(new Set(fullCorpus.map((u) => u.intent)));
  });

  it('classifies exactly as a freshly trained model when restored, and trains again for another corpus', () => {
    keepTrainedModelsIn(undefined);
    const fresh = classifications(IntentModel.train(corpus));
    const cache = new CountingCache();
    keepTrainedModelsIn(cache);
    expect(classifications(IntentModel.train(corpus))).toEqual(fresh);
    expect([cache.sets, cache.hits]).toEqual([1, 0]);
    expect(classifications(IntentModel.train(corpus))).toEqual(fresh);
    expect([cache.sets, cache.hits]).toEqual([1, 1]);
    IntentModel.train(corpus.slice(1));
    expect([cache.sets, cache.hits]).toEqual([2, 1]);
  });

  it('trains again when a kept model does not decode', () => {
    const cache = new CountingCache();
    const rejected: string[] = [];
    cache.reject = (key) => { rejected.push(key.split('-')[0]); cache.entries.delete(key); };
    keepTrainedModelsIn(cache);
    IntentModel.train(corpus);
    for (const key of cache.entries.keys()) cache.entries.set(key, new Uint8Array([2, 0, 0, 0, 0x7b, 0x7d, 0, 0]));
    keepTrainedModelsIn(undefined);
    const fresh = classifications(IntentModel.train(corpus));
    keepTrainedModelsIn(cache);
    expect(classifications(IntentModel.train(corpus))).toEqual(fresh);
    expect(rejected).toEqual(['intent']);
  });
});
