/**
 * ml-kmeans is an ES module. Node 20 loads it through require(esm), but it is required only when a model is
 * fitted, so code that never clusters (and test runners that do not transform ES modules in node_modules)
 * can import the engine without loading it.
 */
import type { kmeans as kmeansFunction } from 'ml-kmeans';

export type KMeans = typeof kmeansFunction;

let loaded: KMeans | undefined;

export function loadKmeans(): KMeans {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred load of an ES module, see above
  loaded ??= (require('ml-kmeans') as { kmeans: KMeans }).kmeans;
  return loaded;
}
